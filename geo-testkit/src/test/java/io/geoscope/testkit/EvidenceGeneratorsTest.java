package io.geoscope.testkit;

import static io.geoscope.testkit.KitGen.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.geoscope.core.Evidence;
import io.geoscope.core.EvidenceStandard;
import io.geoscope.core.LocationSource;
import io.geoscope.core.OnAnonymizer;
import io.geoscope.core.OnImprecise;
import io.geoscope.core.Policy;
import io.geoscope.core.PolicyProblem;
import io.geoscope.core.PolicyValidationException;
import io.geoscope.core.Rule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generators for signals, evidence settings, overreaching rules and orders. */
class EvidenceGeneratorsTest {

  @Test
  void policiesWithEvidenceSettingsAreValidAndUseEverySetting() {
    Set<EvidenceStandard> standards = EnumSet.noneOf(EvidenceStandard.class);
    Set<OnImprecise> imprecise = EnumSet.noneOf(OnImprecise.class);
    Set<OnAnonymizer> anonymizer = EnumSet.noneOf(OnAnonymizer.class);
    for (Policy p : Generators.policiesWithEvidenceSettings(6, 2).samples(11, 300)) {
      assertThat(Policy.of(p.version(), p.operator(), p.authorities(), p.rules(), p.exemptions()))
          .isEqualTo(p);
      assertThat(p.rules()).isNotEmpty();
      for (Rule r : p.rules()) {
        standards.add(r.evidence());
        imprecise.add(r.onImprecise());
        anonymizer.add(r.onAnonymizer());
      }
    }
    assertThat(standards).containsExactlyInAnyOrder(EvidenceStandard.values());
    assertThat(imprecise).containsExactlyInAnyOrder(OnImprecise.values());
    assertThat(anonymizer).containsExactlyInAnyOrder(OnAnonymizer.values());
  }

  @Test
  void theRealEngineKeepsEveryInvariantOnPoliciesWithEvidenceSettings() {
    // Before covers() knew on-imprecise, never-widen and locality flagged the engine falsely.
    qt().withExamples(60)
        .forAll(gen(Generators.policiesWithEvidenceSettings(6, 2)))
        .checkAssert(policy -> {
          InvariantReport report = PolicyInvariants.forPolicy(policy).examples(25).run();
          assertThat(report.violations()).as(report.toString()).isEmpty();
        });
  }

  @Test
  void anOverreachingRuleIsRejectedByPolicyOf() {
    qt().withExamples(300)
        .forAll(gen(Generators.overreachingRules("overreach")))
        .checkAssert(bad -> {
          assertThat(bad.appliesIn().within(bad.basis().territory().orElseThrow())).isFalse();
          assertThatThrownBy(() -> Generators.policyOf(List.of(bad), List.of()))
              .isInstanceOfSatisfying(PolicyValidationException.class, e ->
                  assertThat(e.problems()).extracting(PolicyProblem::code)
                      .contains(PolicyProblem.Code.SCOPE_OUTSIDE_TERRITORY));
        });
  }

  @Test
  void shuffledKeepsEveryElementAndTheSimplestDrawKeepsTheOrder() {
    List<Integer> items = List.of(1, 2, 3, 4, 5, 6);
    assertThat(Generators.shuffled(items).generate((min, max) -> min)).isEqualTo(items);
    List<List<Integer>> orders = new ArrayList<>();
    for (List<Integer> shuffled : Generators.shuffled(items).samples(3, 200)) {
      assertThat(shuffled).containsExactlyInAnyOrderElementsOf(items);
      orders.add(shuffled);
    }
    assertThat(orders.stream().distinct().count()).isGreaterThan(50);
  }

  @Test
  void signalsComeFromHookSourcesAndAreSometimesAnonymized() {
    List<List<Evidence>> lists =
        Generators.signalLists(Generators.jurisdictions(), 2, 5).samples(5, 400);
    int anonymized = 0;
    for (List<Evidence> list : lists) {
      assertThat(list).hasSizeBetween(2, 5);
      for (Evidence e : list) {
        assertThat(e.source()).isNotIn(LocationSource.NONE);
        anonymized += e.anonymized() ? 1 : 0;
      }
    }
    assertThat(anonymized).isBetween(100, 600);
  }
}
