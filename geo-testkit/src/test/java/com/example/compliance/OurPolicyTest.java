package com.example.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.geoscope.core.Condition;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Effect;
import io.geoscope.core.InstrumentKind;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.OnUnknown;
import io.geoscope.core.Outcome;
import io.geoscope.core.Policy;
import io.geoscope.core.PolicyValidationException;
import io.geoscope.core.Rule;
import io.geoscope.testkit.Arbitrary;
import io.geoscope.testkit.Generators;
import io.geoscope.testkit.PolicyInvariants;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/**
 * The README's example, compiled and run: what a compliance engineer copies into their own
 * project. It uses only the public API (it lives outside io.geoscope on purpose).
 */
// tag::example[]
class OurPolicyTest {
  static final Policy POLICY = ourPolicy(); // or PolicyFiles.load(Path.of("policy.yaml"))

  @Test
  void ourPolicyKeepsEveryGeoscopeInvariant() {
    PolicyInvariants.forPolicy(POLICY).examples(500).check(); // throws InvariantViolation
  }

  @Test
  void onlyParticipantsInIranOrChinaOrOfUnknownLocationAreEverDenied() {
    DecisionEngine engine = DecisionEngine.builder(POLICY).build();
    qt().withExamples(1000)
        .forAll(
            gen(Generators.participantsFor(POLICY)),
            gen(Generators.meetingsFor(POLICY)),
            gen(Generators.oneOf(Generators.instantsFor(POLICY))))
        .checkAssert(
            (participant, meeting, at) -> {
              Decision d = engine.decide(participant, meeting, at);
              Jurisdiction j = participant.jurisdiction();
              if (d.outcome() == Outcome.DENY) {
                assertThat(!j.isKnown() || j.within(Jurisdiction.of("IR")) || j.within(Jurisdiction.of("CN")))
                    .as("%s denied in %s", participant.id(), j)
                    .isTrue();
              }
            });
  }

  /** Lets QuickTheories drive (and shrink) the kit's generators. */
  static <T> Gen<T> gen(Arbitrary<T> arbitrary) {
    return in -> arbitrary.generate((min, max) -> in.next(Constraint.between(min, max)));
  }

  static Policy ourPolicy() {
    try {
      return Policy.builder("2026-06-01").operator(io.geoscope.core.Operator.of("Example Meetings Inc.", "US"))
          .rule(
              Rule.builder("cn-june-fourth")
                  .basis(
                      LegalBasis.builder()
                          .authority("CAC")
                          .home("CN")
                          .kind(InstrumentKind.REGULATION)
                          .citation("Provisions on Internet Information Content art. 6")
                          .build())
                  .appliesIn("CN")
                  .when(new Condition(Set.of("june-fourth"), Set.of(), Set.of()))
                  .effect(Effect.denyJoin())
                  .build())
          .rule(
              Rule.builder("ir-ofac")
                  .basis(
                      LegalBasis.builder()
                          .authority("OFAC")
                          .home("US")
                          .territory("US", "IR")
                          .extraterritorial("US persons may not export services to Iran")
                          .kind(InstrumentKind.SANCTIONS)
                          .citation("31 CFR part 560")
                          .build())
                  .appliesIn("IR")
                  .effect(Effect.denyJoin())
                  .onUnknown(OnUnknown.APPLY) // anonymized access is denied too
                  .build())
          .build();
    } catch (PolicyValidationException e) {
      throw new AssertionError(e);
    }
  }
}
// end::example[]
