package io.geoscope.testkit;

import static io.geoscope.testkit.KitGen.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.QuickTheory.qt;

import io.geoscope.core.Condition;
import io.geoscope.core.Effect;
import io.geoscope.core.Exemption;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.Role;
import io.geoscope.core.Rule;
import io.geoscope.core.Scope;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShrinksTest {

  @Test
  void everyPolicyShrinkIsSmallerAndStillValid() {
    qt().withExamples(300)
        .forAll(gen(Generators.policies()))
        .checkAssert(
            p -> {
              for (Policy smaller : Shrinks.policy(p)) {
                assertThat(size(smaller)).isLessThan(size(p));
                assertThatCode(() -> Policy.of(smaller.version(), smaller.operator(), smaller.authorities(), smaller.rules(), smaller.exemptions()))
                    .doesNotThrowAnyException();
                for (Rule r : smaller.rules()) {
                  assertThat(r.appliesIn().within(r.basis().territory().orElseThrow())).isTrue();
                  assertThat(p.rule(r.id())).as("rule ids are kept").isPresent();
                }
              }
            });
  }

  @Test
  void droppingPartsKeepsTheRulesLeftExactlyAsWritten() {
    qt().withExamples(200)
        .forAll(gen(Generators.policies()))
        .checkAssert(
            p -> {
              for (Policy smaller : Shrinks.droppingParts(p)) {
                assertThat(p.rules()).containsAll(smaller.rules());
                assertThat(smaller.rules().size() + smaller.exemptions().size())
                    .isLessThan(p.rules().size() + p.exemptions().size());
              }
            });
  }

  @Test
  void droppingARuleDropsExemptionsThatLiftedOnlyItAndTheLiftsOfIt() throws Exception {
    Exemption both =
        new Exemption(
            "both", SamplePolicies.GL_D2.basis(), Scope.of("IR"),
            Set.of("ir-ofac", "cn-june-fourth"));
    Policy policy =
        Policy.builder("v").operator(io.geoscope.core.Operator.of("Example Meetings Inc.", "US"))
            .rule(SamplePolicies.CN_JUNE_FOURTH)
            .rule(SamplePolicies.IR_OFAC)
            .exemption(SamplePolicies.GL_D2)
            .exemption(both)
            .build();

    Policy withoutOfac =
        Shrinks.droppingParts(policy).stream()
            .filter(p -> p.rule("ir-ofac").isEmpty() && p.rule("cn-june-fourth").isPresent())
            .findFirst()
            .orElseThrow();

    assertThat(withoutOfac.exemptions()).extracting(Exemption::id).containsExactly("both");
    assertThat(withoutOfac.exemptions().get(0).lifts()).containsExactly("cn-june-fourth");
  }

  @Test
  void rulesShrinkByNarrowingScopeSimplifyingConditionsAndDisablingFewerFeatures() {
    qt().withExamples(300)
        .forAll(gen(Generators.rules("r1")))
        .checkAssert(
            r -> {
              for (Rule smaller : Shrinks.rule(r)) {
                assertThat(smaller.id()).isEqualTo(r.id());
                assertThat(smaller.basis()).isEqualTo(r.basis());
                assertThat(r.appliesIn().members()).containsAll(smaller.appliesIn().members());
                assertThat(size(smaller)).isLessThan(size(r));
              }
            });
  }

  @Test
  void conditionsShrinkTowardsAlways() {
    qt().withExamples(300)
        .forAll(gen(Generators.conditions()))
        .checkAssert(
            c -> {
              List<Condition> smaller = Shrinks.condition(c);
              if (c.isAlways()) {
                assertThat(smaller).isEmpty();
              } else {
                assertThat(smaller.get(0).isAlways()).isTrue();
                assertThat(smaller).allMatch(s -> size(s) < size(c));
              }
            });
  }

  @Test
  void rostersShrinkByDroppingParticipantsAndMakingThemAttendeesButNeverToNothing() {
    qt().withExamples(300)
        .forAll(gen(Generators.rosters(Generators.participants(), 6)))
        .checkAssert(
            roster -> {
              Set<String> ids = new HashSet<>();
              roster.forEach(p -> ids.add(p.id()));
              for (List<Participant> smaller : Shrinks.roster(roster)) {
                assertThat(smaller).isNotEmpty();
                assertThat(smaller.size() < roster.size() || nonAttendees(smaller) < nonAttendees(roster))
                    .isTrue();
                assertThat(smaller).allMatch(p -> ids.contains(p.id()));
              }
            });
  }

  @Test
  void meetingsShrinkByDroppingATagOrAFeature() {
    qt().withExamples(300)
        .forAll(gen(Generators.meetings()))
        .checkAssert(
            m -> {
              for (Meeting smaller : Shrinks.meeting(m)) {
                assertThat(m.tags()).containsAll(smaller.tags());
                assertThat(m.featuresInUse()).containsAll(smaller.featuresInUse());
                assertThat(smaller.tags().size() + smaller.featuresInUse().size())
                    .isEqualTo(m.tags().size() + m.featuresInUse().size() - 1);
              }
            });
  }

  @Test
  void followingShrinksAlwaysEndsAtAValueThatCannotShrink() {
    qt().withExamples(100)
        .forAll(gen(Generators.policies()))
        .checkAssert(
            p -> {
              Policy current = p;
              int steps = 0;
              while (!Shrinks.policy(current).isEmpty()) {
                List<Policy> next = Shrinks.policy(current);
                current = next.get(next.size() - 1); // the least aggressive shrink: the longest walk
                steps++;
                assertThat(steps).isLessThanOrEqualTo(size(p));
              }
              assertThat(current.exemptions()).isEmpty();
              assertThat(current.rules()).isEmpty();
            });
  }

  private static long nonAttendees(List<Participant> roster) {
    return roster.stream().filter(p -> p.role() != Role.ATTENDEE).count();
  }

  private static int size(Policy p) {
    int n = 0;
    for (Rule r : p.rules()) {
      n += 1 + size(r);
    }
    for (Exemption e : p.exemptions()) {
      n += 1 + e.appliesIn().members().size() + e.lifts().size();
    }
    return n;
  }

  private static int size(Rule r) {
    int n = r.appliesIn().members().size() + size(r.when());
    if (r.effect() instanceof Effect.Disable d) {
      n += d.features().size();
    }
    return n;
  }

  private static int size(Condition c) {
    return c.tagsAny().size() + c.tagsAll().size() + c.featuresAny().size();
  }
}
