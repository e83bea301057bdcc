package io.geoscope.core;

import static io.geoscope.core.Generators.occasions;
import static io.geoscope.core.Generators.participants;
import static io.geoscope.core.Generators.policies;
import static io.geoscope.core.Generators.policiesOf;
import static io.geoscope.core.Generators.rosters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.common.collect.ImmutableList;
import io.geoscope.core.Generators.Occasion;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The invariants that make the engine safe to embed: it only ever acts on a participant a law of
 * their own location reaches, and the compiled engine agrees with the plain reference evaluator.
 */
class DecisionEnginePropertiesTest {
  private static final int EXAMPLES = 1000;

  private static DecisionEngine engine(Policy policy) {
    return DecisionEngine.builder(policy).build();
  }

  /** Policies with a roster placed mostly where the policy acts. */
  private static Gen<Pair<Policy, List<Participant>>> policiesAndRosters() {
    return policies()
        .flatMap(p -> Generators.rostersNear(p).map(r -> Pair.of(p, r)))
        .describedAs(pr -> Generators.describe(pr._1) + "\nroster " + pr._2);
  }

  /** Policies with a participant placed mostly where the policy acts. */
  private static Gen<Pair<Policy, Participant>> policiesAndParticipants() {
    return policies()
        .flatMap(p -> Generators.participantsNear(p).map(x -> Pair.of(p, x)))
        .describedAs(pp -> Generators.describe(pp._1) + "\nparticipant " + pp._2);
  }

  /** Policies, a rule to add, and a participant placed mostly where either acts. */
  private static Gen<Pair<Pair<Policy, Rule>, Participant>> additions(Gen<Rule> rules) {
    return policies()
        .zip(rules, Pair::of)
        .flatMap(pr -> Generators.participantsNear(with(pr._1, pr._2)).map(x -> Pair.of(pr, x)))
        .describedAs(prp -> Generators.describe(prp._1._1) + "\nadded " + prp._1._2
            + "\nparticipant " + prp._2);
  }

  private static Policy with(Policy policy, Rule extra) {
    List<Rule> rules = ImmutableList.<Rule>builder().addAll(policy.rules()).add(extra).build();
    return Generators.validPolicy(rules, policy.exemptions());
  }

  /** True if {@code rule}'s scope reaches a participant in {@code j}, ignoring time and meeting. */
  private static boolean reaches(Rule rule, Jurisdiction j) {
    return j.isKnown() ? rule.appliesIn().covers(j) : rule.onUnknown() == OnUnknown.APPLY;
  }

  private static Set<String> ruleIds(List<AppliedRule> rules) {
    Set<String> ids = new HashSet<>();
    rules.forEach(a -> ids.add(a.ruleId()));
    return ids;
  }

  /** The effects as atoms: deny-join, each disabled feature, each notice key. */
  private static Set<String> atoms(Decision d) {
    Set<String> atoms = new HashSet<>();
    for (Effect e : d.effects()) {
      if (e instanceof Effect.DenyJoin) {
        atoms.add("deny-join");
      } else if (e instanceof Effect.Disable dis) {
        dis.features().forEach(f -> atoms.add("disable:" + f.code()));
      } else if (e instanceof Effect.Notice n) {
        atoms.add("notice:" + n.key());
      }
    }
    return atoms;
  }

  private static int severity(Outcome outcome) {
    return outcome.ordinal(); // ADMIT < ADMIT_LIMITED < DENY, as declared
  }

  // 1 -----------------------------------------------------------------------------------------

  /** Jurisdictions (known from the generators' places, or unknown) no enforced rule reaches. */
  private static List<Jurisdiction> unreached(Policy policy) {
    List<Rule> enforced =
        policy.rules().stream().filter(r -> r.mode() == Mode.ENFORCE).toList();
    List<Jurisdiction> candidates = new ArrayList<>(Jurisdiction.countries());
    candidates.addAll(Generators.SUBDIVISION_POOL);
    for (UnknownReason reason : UnknownReason.values()) {
      candidates.add(Jurisdiction.unknown(reason));
    }
    return candidates.stream().filter(j -> enforced.stream().noneMatch(r -> reaches(r, j))).toList();
  }

  @Test
  void participantOutsideEveryEnforcedRuleScopeIsAdmittedWithNoEffects() {
    Gen<Pair<Policy, Participant>> outside =
        policies().flatMap(p -> participants("p", Generate.pick(unreached(p))).map(x -> Pair.of(p, x)));
    qt().withExamples(EXAMPLES)
        .forAll(outside, occasions())
        .checkAssert((pp, o) -> {
          Decision d = engine(pp._1).decide(pp._2, o.meeting(), o.at());
          assertThat(d.outcome()).isEqualTo(Outcome.ADMIT);
          assertThat(d.effects()).isEmpty();
          assertThat(d.applied()).isEmpty();
          assertThat(d.reasonKey()).isEqualTo("geoscope.admit");
          assertThat(d.jurisdiction()).isSameAs(pp._2.jurisdiction());
        });
  }

  // 2 -----------------------------------------------------------------------------------------

  @Test
  void changingOneParticipantsLocationOrRoleNeverChangesAnotherParticipantsDecision() {
    Gen<Pair<Integer, Participant>> change =
        integers().between(0, 7).zip(participants("changed", Generators.jurisdictions()), Pair::of);
    qt().withExamples(EXAMPLES)
        .forAll(policiesAndRosters(), change, occasions())
        .checkAssert((pr, ch, o) -> {
          List<Participant> roster = pr._2;
          DecisionEngine engine = engine(pr._1);
          int i = ch._1 % roster.size();
          Participant old = roster.get(i);
          List<Participant> changed = new ArrayList<>(roster);
          changed.set(i, new Participant(old.id(), ch._2.role(), ch._2.evidence()));

          List<ParticipantDecision> before = engine.decideRoster(roster, o.meeting(), o.at());
          List<ParticipantDecision> after = engine.decideRoster(changed, o.meeting(), o.at());
          for (int k = 0; k < roster.size(); k++) {
            if (k != i) {
              assertThat(after.get(k)).isEqualTo(before.get(k));
            }
          }
        });
  }

  @Test
  void aRosterDecisionIsExactlyTheDecisionOfEachParticipantAlone() {
    qt().withExamples(EXAMPLES)
        .forAll(policiesAndRosters(), occasions())
        .checkAssert((pr, o) -> {
          List<Participant> roster = pr._2;
          DecisionEngine engine = engine(pr._1);
          List<ParticipantDecision> decisions = engine.decideRoster(roster, o.meeting(), o.at());
          assertThat(decisions).hasSameSizeAs(roster);
          for (int k = 0; k < roster.size(); k++) {
            Participant p = roster.get(k);
            assertThat(decisions.get(k))
                .isEqualTo(
                    new ParticipantDecision(p.id(), p.role(), engine.decide(p, o.meeting(), o.at())));
          }
        });
  }

  // 3 -----------------------------------------------------------------------------------------

  @Test
  void theHostIsDecidedExactlyLikeAnyParticipantWithTheSameEvidence() {
    qt().withExamples(EXAMPLES)
        .forAll(policiesAndParticipants(), Generate.enumValues(Role.class), occasions())
        .checkAssert((pp, role, o) -> {
          Evidence evidence = pp._2.evidence();
          DecisionEngine engine = engine(pp._1);
          Decision asHost = engine.decide(new Participant("h", Role.HOST, evidence), o.meeting(), o.at());
          Decision asOther = engine.decide(new Participant("o", role, evidence), o.meeting(), o.at());
          assertThat(asHost).isEqualTo(asOther);
          assertThat(asHost).isEqualTo(engine.decide(evidence, o.meeting(), o.at()));
        });
  }

  @Test
  void hostOutsideRuleScopeIsNeverAffected() {
    qt().withExamples(EXAMPLES)
        .forAll(policiesAndParticipants(), occasions())
        .checkAssert((pp, o) -> {
          Policy policy = pp._1;
          Participant host = new Participant("host", Role.HOST, pp._2.evidence());
          Decision d = engine(policy).decide(host, o.meeting(), o.at());
          Set<String> mentioned = new HashSet<>(ruleIds(d.applied()));
          mentioned.addAll(ruleIds(d.shadowed()));
          d.lifted().forEach(l -> mentioned.add(l.ruleId()));
          for (Rule rule : policy.rules()) {
            if (!reaches(rule, host.jurisdiction())) {
              assertThat(mentioned).doesNotContain(rule.id());
            }
          }
          if (policy.rules().stream().noneMatch(r -> reaches(r, host.jurisdiction()))) {
            assertThat(d).isEqualTo(Fixtures.plainAdmit(policy.version(), host.evidence()));
          }
        });
  }

  // 4 -----------------------------------------------------------------------------------------

  /**
   * Locality, precisely: adding a valid rule R to a policy leaves the decision for a participant
   * in jurisdiction J unchanged unless R reaches J — J is known and lies within R's applies-in, or
   * J is unknown and R has on-unknown {@code apply} — and R is in force at the instant and its
   * condition holds for the meeting.
   */
  @Test
  void addingARuleChangesDecisionsOnlyForParticipantsItReaches() {
    qt().withExamples(EXAMPLES)
        .forAll(additions(Generators.rules("added")), occasions())
        .checkAssert((prp, o) -> {
          Policy policy = prp._1._1;
          Rule added = prp._1._2;
          Participant p = prp._2;
          Decision before = engine(policy).decide(p, o.meeting(), o.at());
          Decision after = engine(with(policy, added)).decide(p, o.meeting(), o.at());
          boolean acts =
              reaches(added, p.jurisdiction())
                  && added.basis().inForceAt(o.at())
                  && added.when().matches(o.meeting());
          if (!acts) {
            assertThat(after).isEqualTo(before);
          } else {
            // It did reach: it is accounted for, as applied or shadowed (nothing lifts "added").
            Set<String> mentioned = new HashSet<>(ruleIds(after.applied()));
            mentioned.addAll(ruleIds(after.shadowed()));
            assertThat(mentioned).contains("added");
          }
        });
  }

  // 5 -----------------------------------------------------------------------------------------

  @Test
  void aShadowRuleNeverChangesAnOutcome() {
    qt().withExamples(EXAMPLES)
        .forAll(additions(Generators.rules("shadow")), occasions())
        .checkAssert((prp, o) -> {
          Policy policy = prp._1._1;
          Rule rule = prp._1._2;
          Participant p = prp._2;
          Rule shadow =
              new Rule(rule.id(), rule.basis(), rule.appliesIn(), rule.when(), rule.effect(),
                  Mode.SHADOW, rule.onUnknown());
          Decision before = engine(policy).decide(p, o.meeting(), o.at());
          Decision after = engine(with(policy, shadow)).decide(p, o.meeting(), o.at());
          assertThat(after.outcome()).isEqualTo(before.outcome());
          assertThat(after.effects()).isEqualTo(before.effects());
          assertThat(after.applied()).isEqualTo(before.applied());
          assertThat(after.lifted()).isEqualTo(before.lifted());
          assertThat(after.reasonKey()).isEqualTo(before.reasonKey());
          assertThat(after.reasonParams()).isEqualTo(before.reasonParams());
          assertThat(after.shadowed()).containsAll(before.shadowed());
        });
  }

  /** A copy of {@code rule} whose basis is not in force at {@code at}: expired or not yet. */
  private static Rule outOfForce(Rule rule, Instant at, boolean expired, int days, int length) {
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    LegalBasis b = rule.basis();
    LocalDate effective = expired ? day.minusDays(days + length) : day.plusDays(days + 1);
    LocalDate expires = expired ? day.minusDays(days) : day.plusDays(days + 1 + length);
    LegalBasis.Builder out =
        LegalBasis.builder()
            .authority(b.authority())
            .territory(b.territory().orElseThrow())
            .kind(b.kind())
            .citation(b.citation())
            .effective(effective)
            .expires(expires);
    b.extraterritorial().ifPresent(out::extraterritorial);
    b.reference().ifPresent(out::reference);
    return new Rule(rule.id(), out.build(), rule.appliesIn(), rule.when(), rule.effect(),
        rule.mode(), rule.onUnknown());
  }

  @Test
  void anExpiredOrNotYetEffectiveRuleNeverChangesADecision() {
    Gen<int[]> timing =
        Generate.booleans().zip(integers().between(0, 3), integers().between(1, 5),
            (expired, days, length) -> new int[] {expired ? 1 : 0, days, length});
    qt().withExamples(EXAMPLES)
        .forAll(additions(Generators.rules("dormant")), timing, occasions())
        .checkAssert((prp, t, o) -> {
          Policy policy = prp._1._1;
          Participant p = prp._2;
          Rule rule = outOfForce(prp._1._2, o.at(), t[0] == 1, t[1], t[2]);
          assertThat(rule.basis().inForceAt(o.at())).isFalse();
          Decision before = engine(policy).decide(p, o.meeting(), o.at());
          Decision after = engine(with(policy, rule)).decide(p, o.meeting(), o.at());
          assertThat(after).isEqualTo(before);
        });
  }

  // 6 -----------------------------------------------------------------------------------------

  @Test
  void anExemptionOnlyEverRemovesEffects() {
    Gen<Pair<Policy, Policy>> withAndWithout =
        integers().between(1, 6).flatMap(n -> policiesOf(n)).flatMap(policy ->
            Generators.exemptions("xz", policy.rules()).map(x -> Pair.of(policy,
                Generators.validPolicy(policy.rules(),
                    ImmutableList.<Exemption>builder().addAll(policy.exemptions()).add(x).build()))));
    qt().withExamples(EXAMPLES)
        .forAll(withAndWithout.flatMap(pe ->
            Generators.participantsNear(pe._2).map(p -> Pair.of(pe, p))), occasions())
        .checkAssert((pep, o) -> {
          Policy policy = pep._1._1;
          Policy exempted = pep._1._2;
          Participant p = pep._2;
          Decision before = engine(policy).decide(p, o.meeting(), o.at());
          Decision after = engine(exempted).decide(p, o.meeting(), o.at());
          assertThat(atoms(before)).containsAll(atoms(after));
          assertThat(severity(after.outcome())).isLessThanOrEqualTo(severity(before.outcome()));
          assertThat(ruleIds(before.applied())).containsAll(ruleIds(after.applied()));
          assertThat(ruleIds(before.shadowed())).containsAll(ruleIds(after.shadowed()));
        });
  }

  // 7 -----------------------------------------------------------------------------------------

  @Test
  void everyRuleWhoseScopeLeavesItsAuthoritysTerritoryIsRejected() {
    qt().withExamples(EXAMPLES)
        .forAll(policies(), Generators.rulesLeavingTerritory("overreach"))
        .checkAssert((policy, bad) -> {
          List<Rule> rules = ImmutableList.<Rule>builder().addAll(policy.rules()).add(bad).build();
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

  // 8 -----------------------------------------------------------------------------------------

  @Test
  void decisionsDoNotDependOnTheOrderOfRulesOrExemptions() {
    Gen<Pair<Policy, Policy>> reordered =
        policies().flatMap(p -> Generators.permutations(p.rules())
            .zip(Generators.permutations(p.exemptions()),
                (rules, exemptions) -> Pair.of(p, Generators.validPolicy(rules, exemptions))));
    qt().withExamples(EXAMPLES)
        .forAll(reordered.flatMap(pp -> Generators.rostersNear(pp._1).map(r -> Pair.of(pp, r))),
            occasions())
        .checkAssert((ppr, o) -> {
          Pair<Policy, Policy> pp = ppr._1;
          List<Participant> roster = ppr._2;
            assertThat(engine(pp._2).decideRoster(roster, o.meeting(), o.at()))
                .isEqualTo(engine(pp._1).decideRoster(roster, o.meeting(), o.at()));
        });
  }

  @Test
  void aPolicyWithADuplicateIdIsRejected() {
    Gen<Pair<Policy, Rule>> policyAndDuplicate =
        integers().between(1, 6).flatMap(n -> policiesOf(n)
            .zip(integers().between(0, n - 1).flatMap(k -> Generators.rules("r" + k)), Pair::of));
    qt().withExamples(EXAMPLES)
        .forAll(policyAndDuplicate)
        .checkAssert(pd -> {
          List<Rule> rules =
              ImmutableList.<Rule>builder().addAll(pd._1.rules()).add(pd._2).build();
          assertThatThrownBy(() -> Policy.of("v", rules, pd._1.exemptions()))
              .isInstanceOfSatisfying(PolicyValidationException.class, e ->
                  assertThat(e.problems())
                      .filteredOn(problem -> problem.code() == PolicyProblem.Code.DUPLICATE_ID)
                      .extracting(PolicyProblem::subject)
                      .containsExactly(pd._2.id()));
        });
  }

  // 9 -----------------------------------------------------------------------------------------

  @Test
  void aPolicyThatValidatesNeverThrowsWhileDecidingForAnyone() {
    qt().withExamples(EXAMPLES)
        .forAll(policiesAndRosters(), Generators.meetings(), Generators.anyInstants())
        .checkAssert((pr, meeting, at) -> {
          Policy policy = pr._1;
          List<Participant> roster = pr._2;
          DecisionEngine engine =
              DecisionEngine.builder(policy)
                  .listener((when, who, decision) -> {
                    throw new IllegalStateException("listener failure");
                  })
                  .build();
          assertThatCode(() -> {
            engine.decideRoster(roster, meeting, at);
            engine.decide(Evidence.none(), meeting, at);
            for (Participant p : roster) {
              engine.decide(p, meeting, at).describe();
            }
          }).doesNotThrowAnyException();
        });
  }

  // 10 ----------------------------------------------------------------------------------------

  @Test
  void theCompiledEngineAgreesWithTheReferenceEvaluator() {
    qt().withExamples(EXAMPLES * 3)
        .forAll(policiesAndRosters(), occasions())
        .checkAssert((pr, o) -> {
          Policy policy = pr._1;
          List<Participant> roster = pr._2;
          DecisionEngine engine = engine(policy);
          Stream.concat(roster.stream().map(Participant::evidence), Stream.of(Evidence.none()))
              .forEach(ev ->
                  assertThat(engine.decide(ev, o.meeting(), o.at()))
                      .isEqualTo(ReferenceEvaluator.evaluate(policy, ev, o.meeting(), o.at())));
        });
  }
}
