package io.geoscope.testkit;

import static io.geoscope.testkit.Invariant.ENFORCEMENT;
import static io.geoscope.testkit.Invariant.EXEMPTION_HONOURED;
import static io.geoscope.testkit.Invariant.LAWFUL_REACH;
import static org.assertj.core.api.Assertions.assertThat;

import io.geoscope.core.Decision;
import io.geoscope.core.Effect;
import io.geoscope.core.Evidence;
import io.geoscope.core.InstrumentKind;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.Operator;
import io.geoscope.core.Outcome;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.Rule;
import io.geoscope.core.UnknownReason;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The lawfulness invariants of issue 12, each shown catching a planted bug and passing. */
class LawfulnessInvariantsTest {
  private final Policy policy = SamplePolicies.realistic();

  @Test
  void aDeciderThatIgnoresExemptionsIsCaughtWithAShrunkCounterexample() {
    Decider ignoresExemptions =
        (p, who, m, at) ->
            Decider.engine().decide(PolicyEdits.withoutExemptions(p, e -> true), who, m, at);

    InvariantViolation v =
        PolicyInvariants.forPolicy(policy).decider(ignoresExemptions).only(EXEMPTION_HONOURED)
            .run().violation(EXEMPTION_HONOURED).orElseThrow();

    assertThat(v.ruleIds()).hasSize(2);
    assertThat(v.counterexample().roster()).hasSize(1);
    assertThat(v).hasMessageContaining("invariant exemption-honoured violated");
    // Only the lifted rule and its exemption are listed, not the whole policy.
    assertThat(v.getMessage()).contains("not involved");
  }

  @Test
  void aDeciderThatAdmitsEveryoneIsCaughtWithAShrunkCounterexample() {
    Decider admitsEveryone = (p, who, m, at) -> Decision.admit(who.jurisdiction());

    InvariantViolation v =
        PolicyInvariants.forPolicy(policy).decider(admitsEveryone).only(ENFORCEMENT)
            .run().violation(ENFORCEMENT).orElseThrow();

    assertThat(v.ruleIds()).hasSize(1);
    assertThat(v.counterexample().roster()).hasSize(1);
    Rule blamed = policy.rule(v.ruleIds().get(0)).orElseThrow();
    assertThat(blamed.appliesIn().covers(v.counterexample().roster().get(0).jurisdiction()))
        .isTrue();
    assertThat(v).hasMessageContaining("invariant enforcement violated (rule " + blamed.id());
  }

  @Test
  void aDeciderThatReadsHongKongAsChinaIsCaughtByLawfulReach() {
    // The 2020 bug: HK treated as mainland China, so the CAC's rule reaches Hong Kong.
    Decider hongKongAsChina =
        (p, who, m, at) -> {
          Participant moved = who;
          if (who.jurisdiction().within(Jurisdiction.of("HK"))) {
            moved = new Participant(who.id(), who.role(), Evidence.of(Jurisdiction.of("CN"),
                who.evidence().source(), "planted"));
          }
          return Decider.engine().decide(p, moved, m, at);
        };

    InvariantViolation v =
        PolicyInvariants.forPolicy(policy).decider(hongKongAsChina).examples(1000)
            .only(LAWFUL_REACH).run().violation(LAWFUL_REACH).orElseThrow();

    assertThat(v.ruleIds()).containsExactly("cn-june-fourth");
    assertThat(v.counterexample().roster()).singleElement()
        .satisfies(p -> assertThat(p.jurisdiction()).isEqualTo(Jurisdiction.of("CN-HK")));
    assertThat(v.counterexample().meeting().tags()).containsExactly("june-fourth");
  }

  @Test
  void aPolicyRuleThatDeniesHongKongIsCaughtByAUserPropertyAndShrunk() throws Exception {
    Rule hkDeny =
        Rule.builder("hk-deny")
            .basis(LegalBasis.builder().authority("LegCo").kind(InstrumentKind.STATUTE)
                .citation("Cap. 1 s. 1").build())
            .appliesIn("HK")
            .effect(Effect.denyJoin())
            .build();
    Policy withHk = PolicyEdits.withRule(policy, hkDeny);
    Property hkNeverDenied =
        Property.of("hk-never-denied",
            o -> !o.participant().jurisdiction().within(Jurisdiction.of("HK"))
                || o.decision().outcome() != Outcome.DENY);

    InvariantReport report =
        PolicyInvariants.forPolicy(withHk).onlyProperties().property(hkNeverDenied).run();

    PropertyViolation v = report.propertyViolation("hk-never-denied").orElseThrow();
    assertThat(v.ruleIds()).containsExactly("hk-deny");
    assertThat(v.counterexample().roster()).hasSize(1);
    assertThat(v.getMessage()).contains("rule hk-deny").doesNotContain("rule ir-ofac:");
    assertThat(PolicyInvariants.forPolicy(policy).property(hkNeverDenied).run().passed()).isTrue();
  }

  @Test
  void theEngineKeepsEveryInvariantOverAThousandGeneratedCases() {
    InvariantReport report =
        PolicyInvariants.forPolicy(policy).examples(1000)
            .only(LAWFUL_REACH, ENFORCEMENT, EXEMPTION_HONOURED).run();
    assertThat(report.violations()).isEmpty();
    assertThat(report.examples()).isEqualTo(1000);
    for (Policy generated : Generators.policies().samples(5, 20)) {
      assertThat(PolicyInvariants.forPolicy(generated).examples(50)
          .only(LAWFUL_REACH, ENFORCEMENT, EXEMPTION_HONOURED).run().violations()).isEmpty();
    }
  }

  @Test
  void generatorsReachAliasesNestedSubdivisionsAndEveryUnknownReason() {
    assertThat(Generators.separateTerritoryAliases())
        .contains("CN-HK", "CN-MO", "CN-TW", "CN-91", "CN-92", "CN-71");
    Set<Jurisdiction> nested = new TreeSet<>(Generators.nestedSubdivisions().samples(1, 200));
    assertThat(nested).contains(Jurisdiction.of("GB-WBK"), Jurisdiction.of("FR-75"),
        Jurisdiction.of("ES-M"));
    assertThat(nested).allSatisfy(j -> assertThat(j.parent().isSubdivision()).isTrue());
    List<Jurisdiction> pool = Generators.jurisdictionsFor(policy);
    assertThat(pool).contains(Jurisdiction.of("HK"), Jurisdiction.of("GB-ENG"),
        Jurisdiction.of("GB-WBK"));
    EnumSet<UnknownReason> reasons = EnumSet.noneOf(UnknownReason.class);
    pool.forEach(j -> j.unknownReason().ifPresent(reasons::add));
    assertThat(reasons).containsExactlyInAnyOrder(UnknownReason.values());
    assertThat(Generators.codes().samples(3, 400)).contains("CN-HK");
    assertThat(Generators.aliasedJurisdictions().samples(3, 100))
        .noneMatch(j -> j.code().equals("CN-HK"));
  }

  @SuppressWarnings("unused")
  private static final Operator OPERATOR = Operator.of("x", "US");
}
