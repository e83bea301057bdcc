package io.geoscope.policy;

import static io.geoscope.policy.PolicyFilesTest.in;
import static io.geoscope.policy.PolicyFilesTest.policy;
import static io.geoscope.policy.PolicyFilesTest.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Meeting;
import io.geoscope.core.Outcome;
import io.geoscope.core.Participant;
import io.geoscope.core.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LivePolicyTest {
  static final Instant AT = Instant.parse("2026-06-17T12:00:00Z");
  static final Meeting MEETING = Meeting.tagged("all-hands");

  /** A policy that denies participants in {@code country} and nobody else. */
  static String denying(String country) {
    return policy(rule("deny-" + country.toLowerCase(java.util.Locale.ROOT),
        "{authority: A-" + country + ", home: " + country + ", kind: statute, citation: c}",
        "    applies-in: [" + country + "]\n    effect: deny-join\n"));
  }

  static Path write(Path file, String content) throws Exception {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    return Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  static Outcome outcome(LivePolicy live, String country) {
    return live.engine().decide(in(country), MEETING, AT).outcome();
  }

  @Test
  void aValidReloadPutsTheNewFileInService(@TempDir Path dir) throws Exception {
    Path file = write(dir.resolve("policy.yaml"), denying("IR"));
    LivePolicy live = LivePolicy.load(file);
    assertThat(outcome(live, "IR")).isEqualTo(Outcome.DENY);
    assertThat(outcome(live, "KP")).isEqualTo(Outcome.ADMIT);

    write(file, denying("KP"));
    assertThat(live.reload().rule("deny-kp")).isPresent();

    assertThat(outcome(live, "IR")).isEqualTo(Outcome.ADMIT);
    assertThat(outcome(live, "KP")).isEqualTo(Outcome.DENY);
    assertThat(live.policy().rule("deny-ir")).isEmpty();
    assertThat(live.reloads()).isEqualTo(1);
    assertThat(live.refusals()).isZero();
  }

  @Test
  void anInvalidFileIsRefusedWholeAndTheOldPolicyKeepsDeciding(@TempDir Path dir) throws Exception {
    Path file = write(dir.resolve("policy.yaml"), denying("IR"));
    LivePolicy live = LivePolicy.load(file);
    DecisionEngine before = live.engine();

    // One good rule and one whose scope lies outside its basis's territory: nothing of it applies.
    write(file, denying("KP") + rule("bad", "{authority: A-US, home: US, kind: statute, citation: c}",
        "    applies-in: [CN]\n    effect: deny-join\n"));
    assertThatThrownBy(live::reload).isInstanceOf(PolicyFileException.class);
    write(file, "geoscope: 1\nrules: [");
    assertThatThrownBy(live::reload).isInstanceOf(PolicyFileException.class);
    Files.delete(file);
    assertThatThrownBy(live::reload).isInstanceOf(NoSuchFileException.class);

    assertThat(live.engine()).isSameAs(before);
    assertThat(outcome(live, "IR")).isEqualTo(Outcome.DENY);
    assertThat(outcome(live, "KP")).isEqualTo(Outcome.ADMIT);
    assertThat(live.refusals()).isEqualTo(3);
    assertThat(live.reloads()).isZero();
  }

  @Test
  void theEngineFactoryIsUsedForEveryReloadAndAFailingOneKeepsTheOldEngine(@TempDir Path dir)
      throws Exception {
    Path file = write(dir.resolve("policy.json"),
        "{\"geoscope\": 2, \"authorities\": [{\"id\": \"a\", \"name\": \"A\", \"home\": \"IR\"}],"
            + " \"rules\": [{\"id\": \"r\", \"basis\": {\"authority\": \"A\","
            + " \"home\": \"IR\", \"kind\": \"statute\", \"citation\": \"c\"},"
            + " \"applies-in\": [\"IR\"], \"effect\": \"deny-join\"}]}");
    List<Outcome> heard = new ArrayList<>();
    AtomicInteger built = new AtomicInteger();
    AtomicBoolean fail = new AtomicBoolean();
    LivePolicy live = LivePolicy.load(file, p -> {
      if (fail.get()) {
        throw new IllegalStateException("factory refused");
      }
      built.incrementAndGet();
      return DecisionEngine.builder(p).listener((when, who, role, d) -> heard.add(d.outcome())).build();
    });
    live.engine().decide(new Participant("p1", Role.ATTENDEE, in("IR")), MEETING, AT);
    live.reload();
    live.engine().decide(new Participant("p2", Role.ATTENDEE, in("IR")), MEETING, AT);
    DecisionEngine before = live.engine();
    fail.set(true);
    assertThatThrownBy(live::reload).hasMessage("factory refused");

    assertThat(built).hasValue(2);
    assertThat(heard).containsExactly(Outcome.DENY, Outcome.DENY);
    assertThat(live.engine()).isSameAs(before);
    assertThat(live.refusals()).isEqualTo(1);
  }

  @Test
  void aFactoryThatIgnoresThePolicyIsRefused(@TempDir Path dir) throws Exception {
    Path file = write(dir.resolve("policy.yaml"), denying("IR"));
    DecisionEngine other =
        LivePolicy.load(write(dir.resolve("other.yaml"), denying("KP"))).engine();
    assertThatThrownBy(() -> LivePolicy.load(file, p -> other))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("over the policy it is given");
  }

  /**
   * Deciders never see a half-applied policy: while one thread alternates the file between two
   * versions and an invalid one, every decision is the one version IR or version KP gives.
   */
  @Test
  void decisionsDuringReloadsAlwaysComeFromOneWholePolicy(@TempDir Path dir) throws Exception {
    Path file = write(dir.resolve("policy.yaml"), denying("IR"));
    LivePolicy live = LivePolicy.load(file);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<String> wrong = new AtomicReference<>();
    AtomicInteger decisions = new AtomicInteger();
    Thread decider = new Thread(() -> {
      while (!stop.get()) {
        DecisionEngine engine = live.engine();
        boolean ir = engine.decide(in("IR"), MEETING, AT).outcome() == Outcome.DENY;
        boolean kp = engine.decide(in("KP"), MEETING, AT).outcome() == Outcome.DENY;
        if (ir == kp) {
          wrong.compareAndSet(null, "IR denied " + ir + ", KP denied " + kp);
        }
        decisions.incrementAndGet();
      }
    });
    decider.start();
    int refused = 0;
    try {
      for (int i = 0; i < 60; i++) {
        write(file, switch (i % 3) {
          case 0 -> denying("KP");
          case 1 -> "geoscope: 1\nrules:\n  - id: [";
          default -> denying("IR");
        });
        try {
          live.reload();
        } catch (PolicyFileException e) {
          refused++;
        }
      }
    } finally {
      stop.set(true);
      decider.join();
    }
    assertThat(wrong.get()).isNull();
    assertThat(decisions.get()).isPositive();
    assertThat(refused).isEqualTo(20);
    assertThat(live.refusals()).isEqualTo(20);
    assertThat(live.reloads()).isEqualTo(40);
  }
}
