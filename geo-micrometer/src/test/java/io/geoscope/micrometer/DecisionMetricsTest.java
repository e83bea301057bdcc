package io.geoscope.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Effect;
import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.Role;
import io.geoscope.core.Rule;
import io.geoscope.core.Feature;
import io.geoscope.core.InstrumentKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecisionMetricsTest {
  static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

  static Participant in(String code, String id) {
    return new Participant(id, Role.ATTENDEE,
        Evidence.of(Jurisdiction.of(code), LocationSource.DECLARED, "test"));
  }

  /** The test's local authority of {@code home}, declared as a policy declares one. */
  static io.geoscope.core.Authority declared(String home) {
    return io.geoscope.core.Authority.declared(
        "a-" + home.toLowerCase(java.util.Locale.ROOT), "A-" + home, Jurisdiction.of(home),
        java.util.Optional.empty());
  }

  static Rule rule(String id, String home, Effect effect) {
    return Rule.builder(id)
        .basis(LegalBasis.builder().authority("A-" + home).home(home).kind(InstrumentKind.STATUTE)
            .citation("c-" + id).build())
        .appliesIn(home)
        .effect(effect)
        .build();
  }

  @Test
  void eachDecisionIncrementsOneCounterTaggedWithOutcomeAndRules() throws Exception {
    Policy policy = Policy.builder("v1").authority(declared("IR")).authority(declared("DE"))
        .rule(rule("deny-ir", "IR", Effect.denyJoin()))
        .rule(rule("rec-de", "DE", Effect.disable(Set.of(Feature.RECORDING))))
        .rule(rule("note-de", "DE", Effect.notice("recording-consent")))
        .build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DecisionEngine engine =
        DecisionEngine.builder(policy).listener(DecisionMetrics.of(registry)).build();

    engine.decide(in("IR", "a"), Meeting.plain(), NOW);
    engine.decide(in("IR", "b"), Meeting.plain(), NOW);
    engine.decide(in("DE", "c"), Meeting.plain(), NOW);
    engine.decide(in("US", "d"), Meeting.plain(), NOW);

    assertThat(count(registry, "deny", "deny-ir")).isEqualTo(2);
    assertThat(count(registry, "admit-limited", "note-de+rec-de")).isEqualTo(1);
    assertThat(count(registry, "admit", "none")).isEqualTo(1);
    assertThat(registry.find(DecisionMetrics.METER).counters().stream()
        .mapToDouble(Counter::count).sum()).isEqualTo(4);
  }

  @Test
  void noTagCarriesAParticipantId() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DecisionEngine engine = DecisionEngine.builder(
            Policy.builder("v1").authority(declared("IR"))
                .rule(rule("deny-ir", "IR", Effect.denyJoin())).build())
        .listener(DecisionMetrics.of(registry)).build();

    engine.decide(in("IR", "participant-secret"), Meeting.plain(), NOW);

    assertThat(registry.getMetersAsString()).doesNotContain("participant-secret");
  }

  @Test
  void countingAPrebuiltDecisionAllocatesNothingAndFailuresAreAGauge() throws Exception {
    assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
        "this JVM has no com.sun.management.ThreadMXBean");
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DecisionEngine engine = DecisionEngine.builder(
            Policy.builder("v1").authority(declared("IR"))
                .rule(rule("deny-ir", "IR", Effect.denyJoin())).build())
        .listener(DecisionMetrics.of(registry))
        .listener((when, who, role, decision) -> {
          if (who.equals("fails")) {
            throw new IllegalStateException("sink down");
          }
        })
        .build();
    DecisionMetrics.listenerFailures(engine, registry);
    Participant[] people = {in("IR", "a"), in("US", "b")};
    for (int i = 0; i < 50_000; i++) {
      engine.decide(people[i & 1], Meeting.plain(), NOW);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 10_000; i++) {
      engine.decide(people[i & 1], Meeting.plain(), NOW);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    engine.decide(in("IR", "fails"), Meeting.plain(), NOW);

    assertThat(allocated).as("bytes for 10,000 counted decisions").isLessThan(10_000);
    assertThat(count(registry, "deny", "deny-ir")).isEqualTo(30_001);
    assertThat(registry.get(DecisionMetrics.FAILURES).functionCounter().count()).isEqualTo(1);
  }

  private static double count(SimpleMeterRegistry registry, String outcome, String rule) {
    Counter c = registry.find(DecisionMetrics.METER).tag("outcome", outcome).tag("rule", rule).counter();
    return c == null ? -1 : c.count();
  }
}
