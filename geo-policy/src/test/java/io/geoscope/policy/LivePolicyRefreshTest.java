package io.geoscope.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.geoscope.core.DecisionEngine;
import io.geoscope.reload.ReloadEvent;
import io.geoscope.testkit.ManualExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reload shape of a live policy, driven by hand: an injected clock and executor, no sleeps. */
class LivePolicyRefreshTest {
  private static final Instant T0 = Instant.parse("2026-06-04T08:00:00Z");

  static String policy(String version) {
    return "geoscope: 1\nversion: \"" + version + "\"\nrules:\n  - id: cn-deny\n"
        + "    basis: { authority: CAC, home: CN, kind: statute, citation: Art 12 }\n"
        + "    applies-in: [CN]\n    effect: deny-join\n";
  }

  @Test
  void anUnchangedFileIsNotReloadedAChangedOneIsAndARefusalIsCountedAndHeard(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, policy("v1"));
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    List<ReloadEvent> heard = new ArrayList<>();
    try (LivePolicy live = LivePolicy.load(file, p -> DecisionEngine.builder(p).build(), clock)) {
      live.addReloadListener(heard::add);
      assertThat(live.reloadIfChanged()).isFalse();
      assertThat(live.reloads()).isZero();
      assertThat(live.lastSuccess()).isEqualTo(T0);

      Files.writeString(file, policy("v2-longer"));
      assertThat(live.reloadIfChanged()).isTrue();
      assertThat(live.policy().version()).isEqualTo("v2-longer");
      assertThat(live.reloadIfChanged()).isFalse();

      Files.writeString(file, "geoscope: 1\nrules: [ { id: broken } ]\n");
      assertThatThrownBy(live::reloadIfChanged).isInstanceOf(PolicyFileException.class);
      assertThat(live.policy().version()).as("the old policy stays").isEqualTo("v2-longer");
      assertThat(live.reloads()).isEqualTo(1);
      assertThat(live.refusals()).isEqualTo(1);
      assertThat(heard).extracting(ReloadEvent::accepted).containsExactly(true, false);
      assertThat(heard.get(0).detail()).contains("v2-longer");
    }
  }

  @Test
  void aScheduledRefreshReloadsOnEachRunUntilClosed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, policy("v1"));
    ManualExecutor executor = new ManualExecutor();
    try {
      LivePolicy live = LivePolicy.load(file, p -> DecisionEngine.builder(p).build());
      live.refreshEvery(Duration.ofDays(1), executor);
      assertThatThrownBy(() -> live.refreshEvery(Duration.ofDays(1), executor))
          .isInstanceOf(IllegalStateException.class);
      Runnable run = executor.scheduled().get(0);

      run.run();
      assertThat(live.reloads()).as("unchanged: nothing to do").isZero();
      Files.writeString(file, policy("v2-longer"));
      run.run();
      assertThat(live.policy().version()).isEqualTo("v2-longer");
      Files.writeString(file, "not: [a policy");
      run.run();
      assertThat(live.refusals()).as("a refusal in the schedule is counted, not thrown")
          .isEqualTo(1);
      assertThat(live.policy().version()).isEqualTo("v2-longer");

      live.close();
      assertThat(executor.futures().get(0).isCancelled()).isTrue();
      assertThat(executor.isShutdown()).as("the caller's executor stays the caller's").isFalse();
    } finally {
      executor.shutdownNow();
    }
  }
}
