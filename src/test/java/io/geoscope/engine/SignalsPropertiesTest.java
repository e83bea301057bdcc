package io.geoscope.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.geoscope.core.Anonymizer;
import io.geoscope.core.AppliedRule;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Effect;
import io.geoscope.core.Evidence;
import io.geoscope.core.EvidenceStandard;
import io.geoscope.core.InstrumentKind;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.Meeting;
import io.geoscope.core.Mode;
import io.geoscope.core.OnAnonymizer;
import io.geoscope.core.OnImprecise;
import io.geoscope.core.OnUnknown;
import io.geoscope.core.Policy;
import io.geoscope.core.Precedence;
import io.geoscope.core.Rule;
import io.geoscope.core.Scope;
import io.geoscope.core.Signals;
import io.geoscope.core.UnknownReason;
import io.geoscope.testkit.Arbitrary;
import io.geoscope.testkit.Generators;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Several location signals for one participant, with geo-testkit's signal generators. */
class SignalsPropertiesTest {
  private static final int EXAMPLES = 1000;
  private static final Instant NOW = Instant.parse("2026-06-04T08:00:00Z");

  /** A policy with every evidence setting, two to five signals, a meeting and an instant. */
  record Case(Policy policy, List<Evidence> signals, Meeting meeting, Instant at) {}

  private static Arbitrary<List<Evidence>> signalLists() {
    return Generators.signalLists(Generators.jurisdictions(), 2, 5);
  }

  private static Gen<Case> cases() {
    Arbitrary<Policy> policies = Generators.policiesWithEvidenceSettings(6, 2);
    Arbitrary<List<Evidence>> lists = signalLists();
    return Kit.gen(Arbitrary.of(s -> {
      Policy p = policies.generate(s);
      return new Case(p, lists.generate(s), Generators.meetingsFor(p).generate(s),
          Generators.oneOf(Generators.instantsFor(p)).generate(s));
    }));
  }

  private static Decision decide(Policy policy, Signals signals, Case c) {
    return DecisionEngine.builder(policy).build().decide(signals, c.meeting(), c.at());
  }

  @Test
  void precedenceDoesNotDependOnTheOrderSignalsArrive() {
    qt().withExamples(EXAMPLES)
        .forAll(cases(), Generate.longRange(0, Long.MAX_VALUE))
        .checkAssert((c, seed) -> {
          List<Evidence> shuffled = new ArrayList<>(c.signals());
          Collections.shuffle(shuffled, new Random(seed));
          Signals a = Signals.of(c.signals());
          Signals b = Signals.of(shuffled);
          assertThat(b).isEqualTo(a);
          assertThat(b.primary()).isEqualTo(a.primary());
          assertThat(decide(c.policy(), b, c)).isEqualTo(decide(c.policy(), a, c));
        });
  }

  @Test
  void thePrimarySignalIsTheStrongestSourcesAgreedPlacement() {
    qt().withExamples(EXAMPLES)
        .forAll(Kit.gen(signalLists()))
        .checkAssert(list -> {
          Signals s = Signals.of(list);
          Precedence p = Precedence.standard();
          List<Evidence> known = list.stream().filter(e -> e.jurisdiction().isKnown()).toList();
          if (known.isEmpty()) {
            assertThat(s.primary().jurisdiction().isKnown()).isFalse();
            return;
          }
          int top = known.stream().mapToInt(e -> p.rank(e.source())).min().orElseThrow();
          List<Jurisdiction> strongest = known.stream()
              .filter(e -> p.rank(e.source()) == top).map(Evidence::jurisdiction).distinct().toList();
          long countries = strongest.stream().map(Jurisdiction::country).distinct().count();
          Jurisdiction primary = s.primary().jurisdiction();
          if (countries > 1) {
            assertThat(primary.unknownReason()).contains(UnknownReason.CONFLICTING_SIGNALS);
          } else if (strongest.size() == 1) {
            assertThat(primary).isEqualTo(strongest.get(0));
          } else {
            assertThat(primary).isIn(strongest.get(0).country(), strongest.get(0));
            assertThat(strongest).allMatch(j -> j.within(primary) || j == primary);
          }
        });
  }

  @Test
  void aConflictAtCountryLevelIsAlwaysRecordedWithEverySignalAndSaid() {
    qt().withExamples(EXAMPLES)
        .forAll(cases())
        .checkAssert(c -> {
          Signals s = Signals.of(c.signals());
          Decision d = decide(c.policy(), s, c);
          long countries = c.signals().stream().map(Evidence::jurisdiction)
              .filter(Jurisdiction::isKnown).map(Jurisdiction::country).distinct().count();
          if (countries > 1) {
            assertThat(d.conflict().signals()).containsExactlyElementsOf(s.all());
            assertThat(d.reasonParams()).containsKey("conflict");
            assertThat(d.describe()).contains("location signals disagree");
            for (Evidence e : c.signals()) {
              assertThat(d.describe()).contains(e.source().code() + " " + e.jurisdiction().code());
            }
          } else {
            assertThat(d.conflict().present()).isFalse();
            assertThat(d.describe()).doesNotContain("disagree");
          }
        });
  }

  @Test
  void withPrimaryEvidenceAConflictingSignalNeverAddsAnEffectFromARuleThatIsNotSanctions() {
    qt().withExamples(EXAMPLES)
        .forAll(cases(), Kit.gen(Generators.signals(Generators.knownJurisdictions())))
        .assuming((c, extra) -> {
          List<Evidence> more = new ArrayList<>(c.signals());
          more.add(extra);
          return Signals.of(more).conflicting();
        })
        .checkAssert((c, extra) -> {
          List<Evidence> more = new ArrayList<>(c.signals());
          more.add(extra);
          Decision before = decide(c.policy(), Signals.of(c.signals()), c);
          Decision after = decide(c.policy(), Signals.of(more), c);
          assertThat(primaryNonSanctions(c.policy(), after))
              .isSubsetOf(primaryNonSanctions(c.policy(), before));
        });
  }

  private static List<String> primaryNonSanctions(Policy policy, Decision d) {
    List<String> ids = new ArrayList<>();
    for (AppliedRule a : d.applied()) {
      Rule r = policy.rule(a.ruleId()).orElseThrow();
      if (r.evidence() == EvidenceStandard.PRIMARY && !r.isSanctions()) {
        ids.add(a.ruleId());
      }
    }
    return ids;
  }

  /** The reference: a signal reaches a plain rule when its place is inside the rule's scope. */
  private static boolean inScope(Rule rule, Evidence e) {
    Jurisdiction j = e.jurisdiction();
    if (!j.isKnown()) {
      return false;
    }
    boolean imprecise = rule.onImprecise() == OnImprecise.APPLY && !j.isSubdivision()
        && rule.appliesIn().members().stream().anyMatch(m -> m.country().equals(j));
    return rule.appliesIn().covers(j) || imprecise;
  }

  @Test
  void evidenceAnyAppliesExactlyWhenSomeSignalIsInScope() {
    Arbitrary<Rule> rules = Generators.rulesWithEvidenceSettings("r");
    Arbitrary<List<Evidence>> lists = signalLists();
    Gen<Case> anyRule = Kit.gen(Arbitrary.of(s -> {
      Rule generated = rules.generate(s);
      Rule rule = new Rule(generated.id(), Generators.operatorLaw(generated.basis()),
          generated.appliesIn(), generated.when(), generated.effect(), Mode.ENFORCE,
          OnUnknown.SKIP, EvidenceStandard.ANY, generated.onImprecise(), OnAnonymizer.IGNORE);
      Policy p = Generators.policyOf(List.of(rule), List.of());
      return new Case(p, lists.generate(s), Generators.meetingsFor(p).generate(s),
          Generators.oneOf(Generators.instantsFor(p)).generate(s));
    }));
    qt().withExamples(EXAMPLES)
        .forAll(anyRule)
        .checkAssert(c -> {
          Rule rule = c.policy().rules().get(0);
          Decision d = decide(c.policy(), Signals.of(c.signals()), c);
          boolean occasionHolds = rule.when().matches(c.meeting()) && rule.basis().inForceAt(c.at());
          boolean someInScope = c.signals().stream().anyMatch(e -> inScope(rule, e));
          assertThat(!d.applied().isEmpty()).isEqualTo(occasionHolds && someInScope);
        });
  }

  @Test
  void onImpreciseDecidesACountryLevelPlacementAgainstASubdivisionRuleBothWays() {
    qt().withExamples(EXAMPLES)
        .forAll(Kit.gen(Generators.subdivisions()), Generate.enumValues(OnImprecise.class),
            Kit.gen(Generators.signals(Generators.countries())), Kit.gen(Generators.meetings()))
        .checkAssert((sub, onImprecise, signal, meeting) -> {
          // on-imprecise: apply needs the operator's own law: OFAC sanctions on the subdivision
          LegalBasis basis = Generators.operatorLaw(LegalBasis.builder()
              .authority(sub.country().code() + "-authority").citation("c")
              .home(sub.country()).territory(Scope.of(List.of(sub)))
              .kind(InstrumentKind.REGULATION).build());
          Rule rule = Rule.builder("r").basis(basis).appliesIn(Scope.of(List.of(sub)))
              .effect(Effect.denyJoin()).onImprecise(onImprecise).build();
          Evidence country = new Evidence(sub.country(), signal.source(), "p", "", 0, Set.of());
          Decision d = DecisionEngine.builder(Generators.policyOf(List.of(rule), List.of())).build()
              .decide(country, meeting, NOW);
          assertThat(d.admitted()).isEqualTo(onImprecise == OnImprecise.SKIP);
        });
  }

  @Test
  void oneSignalDecidesTheSameOnTheFastPathAndTheSeveralSignalPath() {
    qt().withExamples(EXAMPLES)
        .forAll(cases())
        .checkAssert(c -> {
          DecisionEngine engine = DecisionEngine.builder(c.policy()).build();
          Evidence signal = c.signals().get(0);
          assertThat(engine.decide(Signals.of(signal, Evidence.none()), c.meeting(), c.at()))
              .isEqualTo(engine.decide(signal, c.meeting(), c.at()));
        });
  }

  @Test
  void aWarmPrebuiltTableAnswersAsAFreshEngineForEvidenceDifferingOnlyInPrecisionOrAnonymizers() {
    qt().withExamples(EXAMPLES)
        .forAll(cases())
        .checkAssert(c -> {
          DecisionEngine warm = DecisionEngine.builder(c.policy()).build();
          List<Evidence> variants = new ArrayList<>();
          for (Evidence e : c.signals()) {
            Jurisdiction j = e.jurisdiction();
            variants.add(e);
            variants.add(new Evidence(j, e.source(), e.producer(), "", 0, Set.of()));
            variants.add(new Evidence(j, e.source(), e.producer(), "", 50,
                EnumSet.allOf(Anonymizer.class)));
            if (j.isSubdivision()) {
              variants.add(new Evidence(j.country(), e.source(), e.producer(), "", 0, e.anonymizers()));
            }
          }
          for (int round = 0; round < 2; round++) {
            for (Evidence e : variants) {
              Decision fresh = DecisionEngine.builder(c.policy()).build()
                  .decide(e, c.meeting(), c.at());
              assertThat(warm.decide(e, c.meeting(), c.at())).isEqualTo(fresh);
            }
          }
        });
  }
}
