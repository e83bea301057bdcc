package io.geoscope.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class SignalsPropertiesTest {

  private static Gen<Jurisdiction> places() {
    return Generators.jurisdictions();
  }

  @Test
  void precedenceDoesNotDependOnTheOrderSignalsArrive() {
    qt().withExamples(1000)
        .forAll(SignalGenerators.policies(), SignalGenerators.signalLists(places()),
            Generators.occasions(), Generate.longRange(0, Long.MAX_VALUE))
        .checkAssert((policy, list, occasion, seed) -> {
          List<Evidence> shuffled = new ArrayList<>(list);
          Collections.shuffle(shuffled, new Random(seed));
          Signals a = Signals.of(list);
          Signals b = Signals.of(shuffled);
          assertThat(b).isEqualTo(a);
          assertThat(b.primary()).isEqualTo(a.primary());
          DecisionEngine engine = DecisionEngine.builder(policy).build();
          assertThat(engine.decide(b, occasion.meeting(), occasion.at()))
              .isEqualTo(engine.decide(a, occasion.meeting(), occasion.at()));
        });
  }

  @Test
  void thePrimarySignalIsTheStrongestSourcesAgreedPlacement() {
    qt().withExamples(1000)
        .forAll(SignalGenerators.signalLists(places()))
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
    qt().withExamples(1000)
        .forAll(SignalGenerators.policies(), SignalGenerators.signalLists(places()), Generators.occasions())
        .checkAssert((policy, list, occasion) -> {
          Signals s = Signals.of(list);
          Decision d = DecisionEngine.builder(policy).build().decide(s, occasion.meeting(), occasion.at());
          long countries = list.stream().map(Evidence::jurisdiction).filter(Jurisdiction::isKnown)
              .map(Jurisdiction::country).distinct().count();
          if (countries > 1) {
            assertThat(d.conflict().signals()).containsExactlyElementsOf(s.all());
            assertThat(d.reasonParams()).containsKey("conflict");
            assertThat(d.describe()).contains("location signals disagree");
            for (Evidence e : list) {
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
    qt().withExamples(1000)
        .forAll(SignalGenerators.policies(), SignalGenerators.signalLists(places()),
            SignalGenerators.signals(Generators.knownJurisdictions()), Generators.occasions())
        .assuming((policy, list, extra, occasion) -> {
          List<Evidence> more = new ArrayList<>(list);
          more.add(extra);
          return Signals.of(more).conflicting();
        })
        .checkAssert((policy, list, extra, occasion) -> {
          DecisionEngine engine = DecisionEngine.builder(policy).build();
          List<Evidence> more = new ArrayList<>(list);
          more.add(extra);
          Decision before = engine.decide(Signals.of(list), occasion.meeting(), occasion.at());
          Decision after = engine.decide(Signals.of(more), occasion.meeting(), occasion.at());
          assertThat(primaryNonSanctions(policy, after)).isSubsetOf(primaryNonSanctions(policy, before));
        });
  }

  private static List<String> primaryNonSanctions(Policy policy, Decision d) {
    List<String> ids = new ArrayList<>();
    for (AppliedRule a : d.applied()) {
      Rule r = policy.rules().stream().filter(x -> x.id().equals(a.ruleId())).findFirst().orElseThrow();
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
    return rule.appliesIn().members().stream().anyMatch(m -> m.equals(j) || m.equals(j.country()))
        || imprecise;
  }

  @Test
  void evidenceAnyAppliesExactlyWhenSomeSignalIsInScope() {
    qt().withExamples(1000)
        .forAll(SignalGenerators.rules("r"), SignalGenerators.signalLists(places()), Generators.occasions())
        .checkAssert((generated, list, occasion) -> {
          Rule rule = new Rule(generated.id(), Generators.asOperatorLaw(generated.basis()),
              generated.appliesIn(), generated.when(),
              generated.effect(), Mode.ENFORCE, OnUnknown.SKIP, EvidenceStandard.ANY,
              generated.onImprecise(), OnAnonymizer.IGNORE);
          Decision d = DecisionEngine.builder(Generators.validPolicy(List.of(rule), List.of())).build()
              .decide(Signals.of(list), occasion.meeting(), occasion.at());
          boolean occasionHolds = rule.when().matches(occasion.meeting()) && rule.basis().inForceAt(occasion.at());
          boolean someInScope = list.stream().anyMatch(e -> inScope(rule, e));
          assertThat(!d.applied().isEmpty()).isEqualTo(occasionHolds && someInScope);
        });
  }

  @Test
  void onImpreciseDecidesACountryLevelPlacementAgainstASubdivisionRuleBothWays() {
    qt().withExamples(1000)
        .forAll(Generate.pick(Generators.SUBDIVISION_POOL), Generate.enumValues(OnImprecise.class),
            SignalGenerators.signals(Generators.countries()), Generators.meetings())
        .checkAssert((sub, onImprecise, signal, meeting) -> {
          // on-imprecise: apply needs the operator's own law: OFAC sanctions on the subdivision
          LegalBasis basis = Generators.asOperatorLaw(LegalBasis.builder()
              .authority(sub.code() + "-authority").citation("c").territory(Scope.of(List.of(sub)))
              .kind(InstrumentKind.REGULATION).build());
          Rule rule = Rule.builder("r").basis(basis).appliesIn(Scope.of(List.of(sub)))
              .effect(Effect.denyJoin()).onImprecise(onImprecise).build();
          Evidence country = new Evidence(sub.country(), signal.source(), "p", "", 0, java.util.Set.of());
          Decision d = DecisionEngine.builder(Generators.validPolicy(List.of(rule), List.of())).build()
              .decide(country, meeting, Fixtures.NOW);
          assertThat(d.admitted()).isEqualTo(onImprecise == OnImprecise.SKIP);
        });
  }

  @Test
  void oneSignalDecidesTheSameOnTheFastPathAndTheSeveralSignalPath() {
    qt().withExamples(1000)
        .forAll(SignalGenerators.policies(), SignalGenerators.signals(places()), Generators.occasions())
        .checkAssert((policy, signal, occasion) -> {
          DecisionEngine engine = DecisionEngine.builder(policy).build();
          assertThat(engine.decide(Signals.of(signal, Evidence.none()), occasion.meeting(), occasion.at()))
              .isEqualTo(engine.decide(signal, occasion.meeting(), occasion.at()));
        });
  }

  @Test
  void aWarmPrebuiltTableAnswersAsAFreshEngineForEvidenceDifferingOnlyInPrecisionOrAnonymizers() {
    qt().withExamples(1000)
        .forAll(SignalGenerators.policies(), SignalGenerators.signalLists(places()), Generators.occasions())
        .checkAssert((policy, list, occasion) -> {
          DecisionEngine warm = DecisionEngine.builder(policy).build();
          List<Evidence> variants = new ArrayList<>();
          for (Evidence e : list) {
            Jurisdiction j = e.jurisdiction();
            variants.add(e);
            variants.add(new Evidence(j, e.source(), e.producer(), "", 0, java.util.Set.of()));
            variants.add(new Evidence(j, e.source(), e.producer(), "", 50,
                java.util.EnumSet.allOf(Anonymizer.class)));
            if (j.isSubdivision()) {
              variants.add(new Evidence(j.country(), e.source(), e.producer(), "", 0, e.anonymizers()));
            }
          }
          for (int round = 0; round < 2; round++) {
            for (Evidence e : variants) {
              Decision fresh = DecisionEngine.builder(policy).build()
                  .decide(e, occasion.meeting(), occasion.at());
              assertThat(warm.decide(e, occasion.meeting(), occasion.at())).isEqualTo(fresh);
            }
          }
        });
  }
}
