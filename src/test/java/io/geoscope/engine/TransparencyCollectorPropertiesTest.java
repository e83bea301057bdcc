package io.geoscope.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.geoscope.core.DecisionEngine;
import io.geoscope.core.DecisionEvent;
import io.geoscope.core.Evidence;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.Role;
import io.geoscope.event.TransparencyCollector;
import io.geoscope.event.TransparencyReport;
import io.geoscope.testkit.Arbitrary;
import io.geoscope.testkit.Generators;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The lock-free collector against the exact report, over joins from geo-testkit's generators. */
class TransparencyCollectorPropertiesTest {
  private static final Instant T0 = Instant.parse("2026-11-29T00:00:00Z");

  /** One join: who, what meeting, when. */
  record Join(Evidence evidence, Meeting meeting, Instant at) {}

  @Test
  void theCollectorAgreesWithTheExactReportOverEveryAlignedWindow() {
    Duration resolution = Duration.ofMinutes(10);
    Arbitrary<Participant> anyone = Generators.participants();
    Arbitrary<Meeting> meetings = Generators.meetings();
    Gen<List<Join>> joins = Kit.gen(Arbitrary.of(s -> {
      List<Join> out = new ArrayList<>();
      for (int i = s.nextInt(0, 20); i > 0; i--) {
        out.add(new Join(anyone.generate(s).evidence(), meetings.generate(s),
            T0.plusSeconds(s.next(0, 3 * 3600 - 1))));
      }
      return List.copyOf(out);
    }));
    qt().withExamples(1000)
        .forAll(Kit.gen(Generators.policies()), joins, Generate.range(0, 17), Generate.range(0, 18))
        .checkAssert((policy, js, start, length) -> {
          TransparencyCollector collector = TransparencyCollector.withResolution(resolution);
          List<DecisionEvent> events = new ArrayList<>();
          DecisionEngine engine = DecisionEngine.builder(policy)
              .listener((when, who, role, decision) -> {
                events.add(DecisionEvent.of(when, who, role, decision));
                collector.onDecision(when, who, role, decision);
              })
              .build();
          int i = 0;
          for (Join j : js) {
            engine.decide(new Participant("p" + i++, Role.ATTENDEE, j.evidence()), j.meeting(), j.at());
          }
          Instant from = T0.plus(resolution.multipliedBy(start));
          Instant to = from.plus(resolution.multipliedBy(length));
          assertThat(collector.report(from, to)).isEqualTo(TransparencyReport.of(events, from, to));
          assertThat(collector.report(T0, T0.plus(Duration.ofHours(3))).total())
              .isEqualTo(events.size());
        });
  }
}
