package io.geoscope.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, point 6: subdivisions nest. Over the shipped ISO 3166-2 data, a rule on a parent
 * subdivision reaches every child of it (and the parent itself), never a sibling or the country
 * around it. Each case is a real nested subdivision, its parent, and another subdivision of the
 * same country outside that parent; the rule's authority is declared with the country as home.
 */
class NestingPropertiesTest {
  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
  private static final List<Jurisdiction> NESTED = Jurisdiction.subdivisions().stream()
      .filter(j -> j.parent().isSubdivision())
      .collect(Collectors.toList());

  private static Decision decide(DecisionEngine engine, Jurisdiction where) {
    return engine.decide(Evidence.of(where, LocationSource.VERIFIED, "test"), Meeting.plain(), NOW);
  }

  @Test
  void aRuleOnAParentCoversEveryChildAndNeverASibling() {
    assertThat(NESTED).hasSizeGreaterThan(100);
    qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      Jurisdiction child = NESTED.get(r.nextInt(NESTED.size()));
      Jurisdiction parent = child.parent();
      Jurisdiction country = child.country();
      List<Jurisdiction> outside = Jurisdiction.subdivisions().stream()
          .filter(j -> j.country().equals(country) && !j.within(parent))
          .collect(Collectors.toList());
      Authority local = Authority.declared("local", "Local regulator", country, Optional.empty());
      Rule rule = Rule.builder("parent-rule")
          .basis(LegalBasis.builder().authority("Local regulator")
              .kind(InstrumentKind.REGULATION).citation("Regulation 7, art. 2").build())
          .appliesIn(parent.code())
          .effect(Effect.denyJoin())
          .build();
      Policy policy = Policy.of("nesting", Optional.of(Operator.of("Op", country.code())),
          List.of(local), List.of(rule), List.of());
      DecisionEngine engine = DecisionEngine.builder(policy).build();

      assertThat(child.within(parent)).as(child + " in " + parent).isTrue();
      assertThat(decide(engine, child).outcome()).as(child + " under " + parent)
          .isEqualTo(Outcome.DENY);
      assertThat(decide(engine, parent).outcome()).as(parent.toString()).isEqualTo(Outcome.DENY);
      assertThat(decide(engine, country).outcome()).as(country + " around " + parent)
          .isEqualTo(Outcome.ADMIT);
      if (!outside.isEmpty()) {
        Jurisdiction sibling = outside.get(r.nextInt(outside.size()));
        assertThat(decide(engine, sibling).outcome()).as(sibling + " beside " + parent)
            .isEqualTo(Outcome.ADMIT);
      }
    });
  }
}
