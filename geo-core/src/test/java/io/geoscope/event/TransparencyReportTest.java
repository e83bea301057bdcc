package io.geoscope.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.geoscope.core.DecisionEngine;
import io.geoscope.core.DecisionEvent;
import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Meeting;
import io.geoscope.core.Outcome;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.Role;
import io.geoscope.core.UnknownReason;
import io.geoscope.core.Condition;
import io.geoscope.core.Effect;
import io.geoscope.core.InstrumentKind;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TransparencyReportTest {
  static final Instant T0 = Instant.parse("2026-11-29T00:00:00Z");

  static DecisionEvent event(Instant at, String where, Outcome outcome, List<String> rules,
      List<String> citations, List<String> shadow) {
    return new DecisionEvent(at, "v1", "participant-secret-id", Role.ATTENDEE,
        Jurisdiction.of(where), outcome, rules, citations, shadow, LocationSource.IP_GEOLOCATION,
        "test-db");
  }

  @Test
  void eachDecisionCountsOnceAndOnceForEachDistinctRuleAndBasis() {
    List<DecisionEvent> events = List.of(
        event(T0, "CN", Outcome.DENY, List.of("a", "b"), List.of("law 1", "law 1"), List.of()),
        event(T0.plusSeconds(1), "CN", Outcome.ADMIT, List.of(), List.of(), List.of("s")),
        event(T0.plusSeconds(2), "US-CA", Outcome.ADMIT_LIMITED, List.of("b"), List.of("law 2"), List.of("s")),
        event(T0.plusSeconds(3600), "US-CA", Outcome.DENY, List.of("a"), List.of("law 1"), List.of()));

    TransparencyReport r = TransparencyReport.of(events, T0, T0.plusSeconds(3600));

    assertThat(r.total()).isEqualTo(3);
    assertThat(r.byOutcome()).containsOnly(
        Map.entry(Outcome.DENY, 1L), Map.entry(Outcome.ADMIT, 1L), Map.entry(Outcome.ADMIT_LIMITED, 1L));
    assertThat(r.byJurisdiction()).containsOnlyKeys("CN", "US-CA");
    assertThat(r.byJurisdiction().get("CN"))
        .containsOnly(Map.entry(Outcome.DENY, 1L), Map.entry(Outcome.ADMIT, 1L));
    assertThat(r.byRule()).containsOnly(Map.entry("a", 1L), Map.entry("b", 2L));
    assertThat(r.byShadowRule()).containsOnly(Map.entry("s", 2L));
    assertThat(r.byCitation()).containsOnly(Map.entry("law 1", 1L), Map.entry("law 2", 1L));
  }

  @Test
  void unknownJurisdictionsAreCountedByReason() {
    DecisionEvent e = new DecisionEvent(T0, "v1", "p", Role.HOST,
        Jurisdiction.unknown(UnknownReason.ANONYMIZER), Outcome.ADMIT, List.of(), List.of(),
        List.of(), LocationSource.IP_GEOLOCATION, "db");

    assertThat(TransparencyReport.of(List.of(e), T0, T0.plusSeconds(1)).byJurisdiction())
        .containsOnlyKeys("unknown:anonymizer");
  }

  @Test
  void windowsMustBeOrderedAndAlignedToTheCollectorResolution() {
    TransparencyCollector collector = TransparencyCollector.withResolution(Duration.ofMinutes(5));

    assertThatThrownBy(() -> collector.report(T0.plusSeconds(60), T0.plusSeconds(600)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not aligned");
    assertThatThrownBy(() -> collector.report(T0.plusSeconds(600), T0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
    assertThatThrownBy(() -> TransparencyCollector.withResolution(Duration.ofMinutes(7)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentDecisionsAreAllCounted() throws Exception {
    LegalBasis law = LegalBasis.builder().authority("Cyberspace Administration of China")
        .home("CN").kind(InstrumentKind.STATUTE)
        .citation("Cybersecurity Law of the PRC, art. 12").build();
    Policy policy = Policy.builder("2026-06-01").rule(Rule.builder("cn-topic-restriction")
        .basis(law).appliesIn("CN").when(Condition.anyTag("june-fourth"))
        .effect(Effect.denyJoin()).build()).build();
    TransparencyCollector collector = TransparencyCollector.create();
    DecisionEngine engine = DecisionEngine.builder(policy).listener(collector).build();
    int threads = 4;
    int perThread = 5_000;
    List<String> places = List.of("CN", "IR", "US", "HK");
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<Outcome>>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String place = places.get(t);
      results.add(pool.submit(() -> {
        start.await();
        List<Outcome> outcomes = new ArrayList<>();
        Participant p = new Participant("p-" + place, Role.ATTENDEE,
            Evidence.of(Jurisdiction.of(place), LocationSource.DECLARED, "test"));
        for (int i = 0; i < perThread; i++) {
          outcomes.add(engine.decide(p, Meeting.tagged("june-fourth"),
              Instant.parse("2020-07-01T00:00:00Z").plusMillis(i)).outcome());
        }
        return outcomes;
      }));
    }
    List<Outcome> all = new ArrayList<>();
    for (Future<List<Outcome>> f : results) {
      all.addAll(f.get());
    }
    pool.shutdown();

    TransparencyReport r = collector.report(
        Instant.parse("2020-07-01T00:00:00Z"), Instant.parse("2020-07-01T00:01:00Z"));
    assertThat(r.total()).isEqualTo((long) threads * perThread);
    for (String place : places) {
      assertThat(r.byJurisdiction().get(place).values().stream().mapToLong(Long::longValue).sum())
          .as(place).isEqualTo(perThread);
    }
    assertThat(r.byOutcome().getOrDefault(Outcome.DENY, 0L))
        .isEqualTo(all.stream().filter(o -> o == Outcome.DENY).count());
    assertThat(r.byJurisdiction().get("CN")).containsOnly(Map.entry(Outcome.DENY, (long) perThread));
    assertThat(r.byRule()).containsOnly(Map.entry("cn-topic-restriction", (long) perThread));
  }

  @Test
  void discardedBucketsNoLongerCount() {
    TransparencyCollector collector = TransparencyCollector.create();
    collector.onDecision(T0, "p", Role.ATTENDEE, io.geoscope.core.Decision.admit(Jurisdiction.of("CN")));
    collector.onDecision(T0.plusSeconds(60), "p", Role.ATTENDEE,
        io.geoscope.core.Decision.admit(Jurisdiction.of("CN")));

    collector.discardBefore(T0.plusSeconds(60));

    assertThat(collector.report(T0, T0.plusSeconds(120)).total()).isEqualTo(1);
  }
}
