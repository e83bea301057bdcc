package io.geoscope.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Evidence;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.PolicyProblem;
import io.geoscope.core.PolicyValidationException;
import io.geoscope.core.Rule;
import io.geoscope.testkit.Arbitrary;
import io.geoscope.testkit.Generators;
import io.geoscope.testkit.Invariant;
import io.geoscope.testkit.PolicyInvariants;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The invariants that make the engine safe to embed, checked with geo-testkit exactly as a
 * compliance engineer checks their own policy: {@link PolicyInvariants} over generated policies
 * (plain, and with every evidence setting), each with its own seed. What the kit's invariants do
 * not say (validation, rule order, dormant rules, never throwing) is checked here with the kit's
 * generators; that the engine decides exactly as the reference evaluator is {@link
 * ReferenceEvaluatorTest}.
 */
class DecisionEnginePropertiesTest {
  /** Policies per invariant; each is checked on {@link #PER_POLICY} situations. */
  private static final int POLICIES = 250;
  private static final int PER_POLICY = 4;
  private static final int EXAMPLES = 1000;

  /** Policies: three in four plain, one in four with every evidence setting. */
  private static Gen<Policy> policies() {
    Arbitrary<Policy> plain = Generators.policies();
    Arbitrary<Policy> settings = Generators.policiesWithEvidenceSettings(6, 2);
    return Kit.gen(Arbitrary.of(s -> s.chance(25) ? settings.generate(s) : plain.generate(s)));
  }

  /** {@code invariant} holds for {@link #POLICIES} x {@link #PER_POLICY} generated situations. */
  private static void holds(Invariant invariant) {
    qt().withExamples(POLICIES)
        .forAll(policies(), longs().all())
        .checkAssert((policy, seed) -> PolicyInvariants.forPolicy(policy)
            .seed(seed).examples(PER_POLICY).only(invariant).check());
  }

  @Test
  void everyEffectIsOnTheOneParticipantAndComesFromAnEnforcedRuleThatReachesThem() {
    holds(Invariant.NEVER_WIDEN);
  }

  @Test
  void addingOrRemovingARuleChangesDecisionsOnlyForParticipantsItReaches() {
    holds(Invariant.LOCALITY);
  }

  @Test
  void aParticipantIsDecidedAloneExactlyAsInsideTheRosterInAnyOrder() {
    holds(Invariant.INDEPENDENCE);
  }

  @Test
  void theHostIsDecidedExactlyLikeAnyParticipantWithTheSameEvidence() {
    holds(Invariant.HOST_EQUALITY);
  }

  @Test
  void aShadowRuleNeverChangesAnOutcome() {
    holds(Invariant.SHADOW_NEUTRALITY);
  }

  @Test
  void anExemptionOnlyEverRemovesEffects() {
    holds(Invariant.EXEMPTION_ONLY_LIFTS);
  }

  @Test
  void noAuthorityReachesBeyondItsHomeExceptThroughAPermittedReach() {
    holds(Invariant.LAWFUL_REACH);
  }

  @Test
  void aRuleInForceWhoseConditionHoldsIsEnforcedOnEveryoneItReaches() {
    holds(Invariant.ENFORCEMENT);
  }

  @Test
  void aLiftedRuleNeverReachesAParticipantItsExemptionCovers() {
    holds(Invariant.EXEMPTION_HONOURED);
  }

  // ---- what the kit's invariants do not say -------------------------------------------------

  /** A policy with a participant placed around it, a meeting for it and an instant that matters. */
  record Situation(Policy policy, Participant participant, Meeting meeting, Instant at) {}

  private static Gen<Situation> situations(Arbitrary<Policy> policies) {
    return Kit.gen(Arbitrary.of(s -> {
      Policy p = policies.generate(s);
      return new Situation(p, Generators.participantsFor(p).generate(s),
          Generators.meetingsFor(p).generate(s),
          Generators.oneOf(Generators.instantsFor(p)).generate(s));
    }));
  }

  private static Decision decide(Policy policy, Situation s) {
    return DecisionEngine.builder(policy).build().decide(s.participant(), s.meeting(), s.at());
  }

  private static Policy with(Policy policy, Rule extra) {
    List<Rule> rules = new ArrayList<>(policy.rules());
    rules.add(extra);
    return Generators.policyOf(rules, policy.exemptions());
  }

  /** A copy of {@code rule} whose basis is not in force at {@code at}: expired or not yet. */
  private static Rule outOfForce(Rule rule, Instant at, boolean expired, int days, int length) {
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    LegalBasis b = rule.basis();
    LocalDate effective = expired ? day.minusDays(days + length) : day.plusDays(days + 1);
    LocalDate expires = expired ? day.minusDays(days) : day.plusDays(days + 1 + length);
    LegalBasis dormant = new LegalBasis(b.authority(), b.home(), b.territory(),
        b.extraterritorial(), b.kind(), b.citation(), b.reference(),
        java.util.Optional.of(effective), java.util.Optional.of(expires));
    return new Rule(rule.id(), dormant, rule.appliesIn(), rule.when(), rule.effect(),
        rule.mode(), rule.onUnknown(), rule.evidence(), rule.onImprecise(), rule.onAnonymizer());
  }

  @Test
  void anExpiredOrNotYetEffectiveRuleNeverChangesADecision() {
    Gen<int[]> timing = integers().between(0, 1).zip(integers().between(0, 3),
        integers().between(1, 5), (expired, days, length) -> new int[] {expired, days, length});
    qt().withExamples(EXAMPLES)
        .forAll(situations(Generators.policies()), Kit.gen(Generators.rules("dormant")), timing)
        .checkAssert((s, added, t) -> {
          Rule rule = outOfForce(added, s.at(), t[0] == 1, t[1], t[2]);
          assertThat(rule.basis().inForceAt(s.at())).isFalse();
          assertThat(decide(with(s.policy(), rule), s)).isEqualTo(decide(s.policy(), s));
        });
  }

  @Test
  void everyRuleWhoseScopeLeavesItsAuthoritysTerritoryIsRejected() {
    qt().withExamples(EXAMPLES)
        .forAll(Kit.gen(Generators.policies()), Kit.gen(Generators.overreachingRules("overreach")))
        .checkAssert((policy, bad) -> {
          List<Rule> rules = new ArrayList<>(policy.rules());
          rules.add(bad);
          assertThatThrownBy(() -> Policy.of("v", rules, policy.exemptions()))
              .isInstanceOfSatisfying(PolicyValidationException.class, e ->
                  assertThat(e.problems())
                      .anySatisfy(problem -> {
                        assertThat(problem.code()).isEqualTo(PolicyProblem.Code.SCOPE_OUTSIDE_TERRITORY);
                        assertThat(problem.subject()).isEqualTo("overreach");
                        assertThat(problem.field()).isEqualTo("applies-in");
                      }));
          assertThatThrownBy(() -> Rule.builder(bad.id())
                  .basis(bad.basis())
                  .appliesIn(bad.appliesIn())
                  .when(bad.when())
                  .effect(bad.effect())
                  .mode(bad.mode())
                  .onUnknown(bad.onUnknown())
                  .build())
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("overreach applies-in")
              .hasMessageContaining("is outside the territory");
        });
  }

  @Test
  void decisionsDoNotDependOnTheOrderOfRulesOrExemptions() {
    Gen<Policy[]> reordered = Kit.gen(Arbitrary.of(s -> {
      Policy p = Generators.policies().generate(s);
      Policy q = Generators.policyOf(Generators.shuffled(p.rules()).generate(s),
          Generators.shuffled(p.exemptions()).generate(s));
      return new Policy[] {p, q};
    }));
    qt().withExamples(EXAMPLES)
        .forAll(reordered, longs().all())
        .checkAssert((pq, seed) -> {
          List<Participant> roster =
              Generators.rosters(Generators.participantsFor(pq[0]), 8).sample(seed);
          Meeting meeting = Generators.meetingsFor(pq[0]).sample(seed);
          Instant at = Generators.oneOf(Generators.instantsFor(pq[0])).sample(seed);
          assertThat(DecisionEngine.builder(pq[1]).build().decideRoster(roster, meeting, at))
              .isEqualTo(DecisionEngine.builder(pq[0]).build().decideRoster(roster, meeting, at));
        });
  }

  @Test
  void aPolicyWithADuplicateIdIsRejected() {
    Gen<Object[]> policyAndDuplicate = Kit.gen(Arbitrary.of(s -> {
      List<Rule> rules = new ArrayList<>();
      for (int i = 1, n = s.nextInt(1, 6); i <= n; i++) {
        rules.add(Generators.rules("r" + i).generate(s));
      }
      List<io.geoscope.core.Exemption> exemptions = s.chance(50)
          ? List.of(Generators.exemptions("x1", rules).generate(s)) : List.of();
      String id = s.pick(rules).id();
      return new Object[] {Generators.policyOf(rules, exemptions), Generators.rules(id).generate(s)};
    }));
    qt().withExamples(EXAMPLES)
        .forAll(policyAndDuplicate)
        .checkAssert(pd -> {
          Policy policy = (Policy) pd[0];
          Rule duplicate = (Rule) pd[1];
          List<Rule> rules = new ArrayList<>(policy.rules());
          rules.add(duplicate);
          assertThatThrownBy(() -> Policy.of("v", rules, policy.exemptions()))
              .isInstanceOfSatisfying(PolicyValidationException.class, e ->
                  assertThat(e.problems())
                      .filteredOn(problem -> problem.code() == PolicyProblem.Code.DUPLICATE_ID)
                      .extracting(PolicyProblem::subject)
                      .containsExactly(duplicate.id()));
        });
  }

  @Test
  void aPolicyThatValidatesNeverThrowsWhileDecidingForAnyone() {
    List<Instant> endsOfTime = List.of(Instant.MIN, Instant.EPOCH, Instant.MAX);
    qt().withExamples(EXAMPLES)
        .forAll(policies(), longs().all())
        .checkAssert((policy, seed) -> {
          List<Participant> roster =
              Generators.rosters(Generators.participantsFor(policy), 8).sample(seed);
          Meeting meeting = Generators.meetingsFor(policy).sample(seed);
          List<Instant> instants = new ArrayList<>(Generators.instantsFor(policy));
          instants.addAll(endsOfTime);
          DecisionEngine engine =
              DecisionEngine.builder(policy)
                  .listener((when, who, role, decision) -> {
                    throw new IllegalStateException("listener failure");
                  })
                  .build();
          assertThatCode(() -> {
            for (Instant at : instants) {
              engine.decideRoster(roster, meeting, at);
              engine.decide(Evidence.none(), meeting, at);
              for (Participant p : roster) {
                engine.decide(p, meeting, at).describe();
              }
            }
          }).doesNotThrowAnyException();
          assertThat(engine.listenerFailures()).isPositive();
        });
  }
}
