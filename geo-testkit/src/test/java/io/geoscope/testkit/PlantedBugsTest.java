package io.geoscope.testkit;

import static io.geoscope.testkit.Invariant.EXEMPTION_ONLY_LIFTS;
import static io.geoscope.testkit.Invariant.HOST_EQUALITY;
import static io.geoscope.testkit.Invariant.INDEPENDENCE;
import static io.geoscope.testkit.Invariant.LOCALITY;
import static io.geoscope.testkit.Invariant.NEVER_WIDEN;
import static io.geoscope.testkit.Invariant.SHADOW_NEUTRALITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.geoscope.core.AppliedRule;
import io.geoscope.core.Decision;
import io.geoscope.core.Effect;
import io.geoscope.core.Feature;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.Meeting;
import io.geoscope.core.Mode;
import io.geoscope.core.OnUnknown;
import io.geoscope.core.Outcome;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.Role;
import io.geoscope.core.Rule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The engine is correct by design, so to show the checker can fail these tests feed it decision
 * functions with one deliberate bug each, and check that the violation names the right invariant
 * and rule and that the counterexample is shrunk to its essence.
 */
class PlantedBugsTest {
  private static final Decider ENGINE = Decider.engine();
  private final Policy policy = SamplePolicies.realistic();

  @Test
  void hostsDeniedEverywhereBreaksHostEqualityAndNeverWidenWithOneParticipant() throws Exception {
    Policy small =
        Policy.builder("hosts").operator(io.geoscope.core.Operator.of("Example Meetings Inc.", "US"))
            .rule(SamplePolicies.CN_JUNE_FOURTH)
            .rule(SamplePolicies.DE_RECORDING_NOTICE)
            .rule(SamplePolicies.US_CA_CLOUD_RECORDING)
            .build();
    Decider hostsDenied =
        (p, who, meeting, at) ->
            who.role() == Role.HOST
                ? decisionApplying(who, rulesWithEffect(p, Effect.denyJoin()))
                : ENGINE.decide(p, who, meeting, at);

    InvariantReport report = PolicyInvariants.forPolicy(small).decider(hostsDenied).run();

    InvariantViolation hostEquality = report.violation(HOST_EQUALITY).orElseThrow();
    assertThat(hostEquality.ruleIds()).containsExactly("cn-june-fourth");
    assertThat(hostEquality.counterexample().roster()).hasSize(1);
    InvariantViolation widen = report.violation(NEVER_WIDEN).orElseThrow();
    assertThat(widen.ruleIds()).containsExactly("cn-june-fourth");
    assertThat(widen.counterexample().roster())
        .singleElement()
        .satisfies(p -> assertThat(p.role()).isEqualTo(Role.HOST));
    assertThat(report.violation(INDEPENDENCE)).isEmpty();
  }

  @Test
  void ignoringScopeIsCaughtAsWideningAndAsNonLocalNamingTheRule() {
    Decider ignoresScope =
        (p, who, meeting, at) -> {
          List<Rule> matched = new ArrayList<>();
          for (Rule r : p.rules()) {
            if (r.mode() == Mode.ENFORCE && r.basis().inForceAt(at) && r.when().matches(meeting)) {
              matched.add(r);
            }
          }
          return decisionApplying(who, matched);
        };

    InvariantReport report = PolicyInvariants.forPolicy(policy).decider(ignoresScope).run();

    InvariantViolation widen = report.violation(NEVER_WIDEN).orElseThrow();
    Rule blamed = policy.rule(widen.ruleIds().get(0)).orElseThrow();
    Participant victim = widen.counterexample().roster().get(0);
    assertThat(widen.counterexample().roster()).hasSize(1);
    assertThat(victim.jurisdiction().isKnown() && blamed.appliesIn().covers(victim.jurisdiction()))
        .as("%s is outside %s's scope", victim.jurisdiction(), blamed.id())
        .isFalse();

    InvariantViolation locality = report.violation(LOCALITY).orElseThrow();
    assertThat(locality.counterexample().policy().rules())
        .extracting(Rule::id)
        .containsExactly(locality.ruleIds().get(0));
    assertThat(locality.counterexample().policy().exemptions()).isEmpty();
    assertThat(locality.counterexample().roster()).hasSize(1);
  }

  @Test
  void ignoringShadowModeIsCaughtAndShrunkToTheShadowRuleAndOneFeature() {
    Decider ignoresShadow =
        onEditedPolicy(p -> PolicyEdits.mapRules(p, r -> PolicyEdits.withMode(r, Mode.ENFORCE)));

    InvariantViolation v =
        assertViolation(
            PolicyInvariants.forPolicy(policy).decider(ignoresShadow).only(SHADOW_NEUTRALITY));

    // Which rule the first failing example blames depends on the seed's draws (the generators'
    // pool now also holds CN-HK-style places and nested subdivisions): either the shadow rule
    // itself, or an enforced rule still applied once every rule is shadowed.
    assertThat(v.ruleIds()).hasSize(1);
    String blamed = v.ruleIds().get(0);
    assertThat(blamed).isIn("de-recording-notice", "ru-transfer-notice");
    Counterexample c = v.counterexample();
    assertThat(c.policy().rules()).extracting(Rule::id).containsExactly(blamed);
    Rule rule = c.policy().rules().get(0);
    assertThat(c.roster())
        .singleElement()
        .satisfies(p -> assertThat(rule.appliesIn().covers(p.jurisdiction())).isTrue());
    assertThat(c.meeting().tags()).isEmpty();
    assertThat(c.meeting().featuresInUse()).hasSizeLessThanOrEqualTo(1);
    assertThat(v).hasMessageContaining("invariant shadow-neutrality violated (rule " + blamed + ")");
  }

  @Test
  void anExemptionThatAddsADenyIsCaughtNamingTheExemptionAndItsRule() {
    Decider exemptionDenies =
        (p, who, meeting, at) -> {
          Decision d = ENGINE.decide(p, who, meeting, at);
          if (d.lifted().isEmpty()) {
            return d;
          }
          List<Effect> effects = new ArrayList<>();
          effects.add(Effect.denyJoin());
          effects.addAll(d.effects());
          return new Decision(
              d.jurisdiction(), Outcome.DENY, effects, d.applied(), d.shadowed(), d.lifted(),
              "geoscope.deny", d.reasonParams());
        };

    InvariantReport report = PolicyInvariants.forPolicy(policy).decider(exemptionDenies).run();

    InvariantViolation v = report.violation(EXEMPTION_ONLY_LIFTS).orElseThrow();
    // Lifting ir-ofac's deny and adding a deny nets out; lifting the Californian disable does not.
    assertThat(v.ruleIds()).containsExactly("ca-all-party-consent", "us-ca-cloud-recording");
    Counterexample c = v.counterexample();
    assertThat(c.policy().rules()).extracting(Rule::id).containsExactly("us-ca-cloud-recording");
    assertThat(c.policy().exemptions())
        .singleElement()
        .satisfies(e -> assertThat(e.id()).isEqualTo("ca-all-party-consent"));
    assertThat(c.roster())
        .singleElement()
        .satisfies(p -> assertThat(p.jurisdiction()).isEqualTo(Jurisdiction.of("US-CA")));
  }

  @Test
  void denyingTheWholeRosterWhenOneIsDeniedIsCaughtWithARosterOfTwo() {
    Decider cancelsMeeting =
        new Decider() {
          @Override
          public Decision decide(Policy p, Participant who, Meeting meeting, Instant at) {
            return ENGINE.decide(p, who, meeting, at);
          }

          @Override
          public List<Decision> decideRoster(
              Policy p, List<Participant> roster, Meeting meeting, Instant at) {
            List<Decision> decided = ENGINE.decideRoster(p, roster, meeting, at);
            Optional<Decision> denied =
                decided.stream().filter(d -> d.outcome() == Outcome.DENY).findFirst();
            return denied.isPresent() ? Collections.nCopies(roster.size(), denied.get()) : decided;
          }
        };

    InvariantReport report = PolicyInvariants.forPolicy(policy).decider(cancelsMeeting).run();

    InvariantViolation independence = report.violation(INDEPENDENCE).orElseThrow();
    assertThat(independence.counterexample().roster()).hasSize(2);
    assertThat(independence.original().roster().size()).isGreaterThanOrEqualTo(2);
    assertThat(independence.ruleIds()).hasSize(1).containsAnyOf("cn-june-fourth", "ir-ofac");
    InvariantViolation widen = report.violation(NEVER_WIDEN).orElseThrow();
    assertThat(widen.counterexample().roster()).hasSize(2);
    assertThat(widen.detail()).contains("not the participant");
    assertThat(report.violation(HOST_EQUALITY)).isEmpty();
    assertThat(report.violation(LOCALITY)).isEmpty();
  }

  @Test
  void ignoringExpiryIsCaughtAtAnInstantAfterTheLawLapsed() {
    Decider ignoresDates = onEditedPolicy(p -> PolicyEdits.mapRules(p, PlantedBugsTest::undated));

    InvariantViolation v =
        assertViolation(PolicyInvariants.forPolicy(policy).decider(ignoresDates).only(NEVER_WIDEN));

    assertThat(v.ruleIds()).containsExactly("ru-transfer-notice");
    assertThat(SamplePolicies.RU_EXPIRED.basis().inForceAt(v.counterexample().at())).isFalse();
    assertThat(v.counterexample().roster())
        .singleElement()
        .satisfies(p -> assertThat(p.jurisdiction().within(Jurisdiction.country("RU"))).isTrue());
    assertThat(v).hasMessageContaining("is not in force at");
  }

  @Test
  void applyingSkipRulesToUnknownParticipantsIsCaughtWithAnUnknownParticipant() {
    Decider appliesToUnknown =
        onEditedPolicy(
            p ->
                PolicyEdits.mapRules(
                    p,
                    // only the operator's own law may apply to unknowns: the bug stays a valid policy
                    r ->
                        io.geoscope.core.PolicyValidator.isOperatorLaw(
                                p.authorityOf(r.basis()), p.operator())
                            ? new Rule(
                                r.id(), r.basis(), r.appliesIn(), r.when(), r.effect(), r.mode(),
                                OnUnknown.APPLY, r.evidence(), r.onImprecise(), r.onAnonymizer())
                            : r));

    InvariantReport report = PolicyInvariants.forPolicy(policy).decider(appliesToUnknown).run();

    InvariantViolation widen = report.violation(NEVER_WIDEN).orElseThrow();
    assertThat(policy.rule(widen.ruleIds().get(0)).orElseThrow().onUnknown())
        .isEqualTo(OnUnknown.SKIP);
    assertThat(widen.counterexample().roster())
        .singleElement()
        .satisfies(p -> assertThat(p.jurisdiction().isKnown()).isFalse());
    InvariantViolation locality = report.violation(LOCALITY).orElseThrow();
    assertThat(locality.counterexample().roster().get(0).jurisdiction().isKnown()).isFalse();
  }

  @Test
  void checkThrowsTheFirstViolationAsAnAssertionErrorWithTheOthersSuppressed() {
    Decider hostsDenied =
        (p, who, meeting, at) ->
            who.role() == Role.HOST
                ? decisionApplying(who, rulesWithEffect(p, Effect.denyJoin()))
                : ENGINE.decide(p, who, meeting, at);

    assertThatThrownBy(() -> PolicyInvariants.forPolicy(policy).decider(hostsDenied).check())
        .isInstanceOf(AssertionError.class)
        .isInstanceOfSatisfying(
            InvariantViolation.class,
            v -> {
              assertThat(v.invariant()).isEqualTo(NEVER_WIDEN);
              assertThat(v.getSuppressed())
                  .extracting(t -> ((InvariantViolation) t).invariant())
                  .contains(HOST_EQUALITY);
            })
        .hasMessageContaining("invariant never-widen violated")
        .hasMessageContaining(" host in ")
        .hasMessageContaining("reproduce with seed " + PolicyInvariants.DEFAULT_SEED);
  }

  @Test
  void aDecisionFunctionThatThrowsIsReportedWithAShrunkCounterexampleAndTheCause() {
    Decider throwsOnUnknown =
        (p, who, meeting, at) -> {
          if (!who.jurisdiction().isKnown()) {
            throw new IllegalStateException("no table slot for " + who.jurisdiction());
          }
          return ENGINE.decide(p, who, meeting, at);
        };

    InvariantViolation v =
        assertViolation(PolicyInvariants.forPolicy(policy).decider(throwsOnUnknown));

    assertThat(v.invariant()).isEqualTo(NEVER_WIDEN);
    assertThat(v.getCause()).isInstanceOf(IllegalStateException.class);
    assertThat(v).hasMessageContaining("the decision function threw");
    assertThat(v.counterexample().roster())
        .singleElement()
        .satisfies(p -> assertThat(p.jurisdiction().isKnown()).isFalse());
  }

  @Test
  void theSameSeedFindsTheSameShrunkCounterexample() {
    Decider ignoresDates = onEditedPolicy(p -> PolicyEdits.mapRules(p, PlantedBugsTest::undated));

    InvariantViolation first =
        assertViolation(PolicyInvariants.forPolicy(policy).decider(ignoresDates).seed(11));
    InvariantViolation again =
        assertViolation(PolicyInvariants.forPolicy(policy).decider(ignoresDates).seed(11));

    assertThat(again.counterexample()).isEqualTo(first.counterexample());
    assertThat(again.getMessage()).isEqualTo(first.getMessage());
  }

  // ---------------------------------------------------------------- planted-bug helpers

  private static InvariantViolation assertViolation(PolicyInvariants check) {
    InvariantReport report = check.run();
    assertThat(report.passed()).as("the planted bug is caught").isFalse();
    return report.violations().get(0);
  }

  /** The real engine, deciding by an edited copy of each policy (memoized per policy). */
  private static Decider onEditedPolicy(UnaryOperator<Policy> edit) {
    Map<Policy, Policy> edited = Collections.synchronizedMap(new IdentityHashMap<>());
    return (p, who, meeting, at) ->
        ENGINE.decide(edited.computeIfAbsent(p, edit), who, meeting, at);
  }

  private static Rule undated(Rule r) {
    LegalBasis b = r.basis();
    LegalBasis undated =
        new LegalBasis(
            b.authority(), b.home(), b.territory(), b.extraterritorial(), b.kind(), b.citation(),
            b.reference(), Optional.<LocalDate>empty(), Optional.<LocalDate>empty());
    return new Rule(r.id(), undated, r.appliesIn(), r.when(), r.effect(), r.mode(), r.onUnknown());
  }

  private static List<Rule> rulesWithEffect(Policy policy, Effect effect) {
    return policy.rules().stream().filter(r -> r.effect().equals(effect)).toList();
  }

  /** A decision applying {@code rules} to {@code who}, however wrong that is. */
  private static Decision decisionApplying(Participant who, List<Rule> rules) {
    Jurisdiction j = who.jurisdiction();
    if (rules.isEmpty()) {
      return Decision.admit(j);
    }
    boolean deny = false;
    EnumSet<Feature> disabled = EnumSet.noneOf(Feature.class);
    TreeSet<String> notices = new TreeSet<>();
    List<AppliedRule> applied = new ArrayList<>();
    for (Rule r : rules) {
      applied.add(AppliedRule.of(r, who.evidence()));
      if (r.effect() instanceof Effect.DenyJoin) {
        deny = true;
      } else if (r.effect() instanceof Effect.Disable d) {
        disabled.addAll(d.features());
      } else if (r.effect() instanceof Effect.Notice n) {
        notices.add(n.key());
      }
    }
    List<Effect> effects = new ArrayList<>();
    if (deny) {
      effects.add(Effect.denyJoin());
    }
    if (!disabled.isEmpty()) {
      effects.add(Effect.disable(disabled));
    }
    notices.forEach(n -> effects.add(Effect.notice(n)));
    Outcome outcome = deny ? Outcome.DENY : Outcome.ADMIT_LIMITED;
    return new Decision(
        j, outcome, effects, applied, List.of(), List.of(), "geoscope." + outcome.code(),
        Map.of("jurisdiction", j.code()));
  }
}
