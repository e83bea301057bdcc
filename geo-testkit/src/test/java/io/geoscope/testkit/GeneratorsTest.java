package io.geoscope.testkit;

import static io.geoscope.testkit.KitGen.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;

import io.geoscope.core.Effect;
import io.geoscope.core.Exemption;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Meeting;
import io.geoscope.core.Mode;
import io.geoscope.core.OnUnknown;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.Role;
import io.geoscope.core.Rule;
import io.geoscope.core.UnknownReason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GeneratorsTest {

  @Test
  void theSameSeedGivesTheSameValues() {
    List<Arbitrary<?>> arbitraries =
        List.of(
            Generators.jurisdictions(),
            Generators.legalBases(),
            Generators.rules("r1"),
            Generators.policies(),
            Generators.participants(),
            Generators.rosters(Generators.participants(), 6),
            Generators.meetings());
    for (Arbitrary<?> a : arbitraries) {
      assertThat(a.samples(42, 100)).isEqualTo(a.samples(42, 100));
    }
    assertThat(Generators.policies().samples(1, 20))
        .isNotEqualTo(Generators.policies().samples(2, 20));
  }

  @Test
  void everyGeneratedPolicyIsLegallyValidAndAcceptedByPolicyOf() {
    qt().withExamples(500)
        .forAll(gen(Generators.policies()))
        .checkAssert(
            p -> {
              assertThatCode(() -> Policy.of(p.version(), p.operator(), p.authorities(), p.rules(), p.exemptions()))
                  .doesNotThrowAnyException();
              Set<String> ruleIds = new HashSet<>();
              for (Rule r : p.rules()) {
                assertThat(ruleIds.add(r.id())).as("unique rule id %s", r.id()).isTrue();
                assertLawful(r.basis());
                assertThat(r.appliesIn().within(r.basis().territory().orElseThrow()))
                    .as("%s applies in %s inside %s", r.id(), r.appliesIn(), r.basis().territory())
                    .isTrue();
              }
              for (Exemption e : p.exemptions()) {
                assertLawful(e.basis());
                assertThat(e.appliesIn().within(e.basis().territory().orElseThrow())).isTrue();
                assertThat(ruleIds).containsAll(e.lifts());
              }
            });
  }

  private static void assertLawful(LegalBasis b) {
    boolean leavesHome = b.home().isEmpty();
    if (leavesHome) {
      assertThat(b.extraterritorial()).as("statement for %s", b.territory()).get().asString().isNotBlank();
    }
    if (b.effective().isPresent() && b.expires().isPresent()) {
      assertThat(b.expires().get()).isAfter(b.effective().get());
    }
  }

  @Test
  void generatedRulesReachEveryEffectModeOnUnknownAndBasisShape() {
    List<Rule> rules = Generators.rules("r1").samples(7, 1000);

    assertThat(rules).extracting(r -> r.effect().kind()).contains("deny-join", "disable", "notice");
    assertThat(rules).extracting(Rule::mode).contains(Mode.ENFORCE, Mode.SHADOW);
    assertThat(rules).extracting(Rule::onUnknown).contains(OnUnknown.SKIP, OnUnknown.APPLY);
    assertThat(rules).anyMatch(r -> r.basis().extraterritorial().isPresent());
    assertThat(rules).anyMatch(r -> r.basis().effective().isPresent());
    assertThat(rules).anyMatch(r -> r.basis().expires().isPresent());
    assertThat(rules).anyMatch(r -> r.appliesIn().members().stream().anyMatch(Jurisdiction::isSubdivision));
    assertThat(rules).anyMatch(r -> !r.when().isAlways());
    assertThat(rules).anyMatch(r -> r.when().isAlways());
  }

  @Test
  void generatedJurisdictionsIncludeTheFeaturedCountriesTheirSubdivisionsAndEveryUnknown() {
    List<Jurisdiction> all = Generators.jurisdictions().samples(3, 3000);
    Set<String> codes = all.stream().map(Jurisdiction::code).collect(Collectors.toSet());

    assertThat(codes).contains("CN", "HK", "MO", "TW", "US", "DE", "IR", "RU", "US-CA", "CN-JL");
    for (UnknownReason reason : UnknownReason.values()) {
      assertThat(all).contains(Jurisdiction.unknown(reason));
    }
    assertThat(Generators.countries().samples(4, 500)).allMatch(j -> j.kind() == Jurisdiction.Kind.COUNTRY);
    assertThat(Generators.subdivisions().samples(4, 500)).allMatch(Jurisdiction::isSubdivision);
  }

  @Test
  void participantsComeInEveryRoleWithEvidenceFromEverySourceAndSomeUnknown() {
    List<Participant> people = Generators.participants().samples(5, 1000);

    assertThat(people).extracting(Participant::role).contains(Role.values());
    assertThat(people).extracting(p -> p.evidence().source()).contains(LocationSource.values());
    assertThat(people).anyMatch(p -> !p.jurisdiction().isKnown());
    assertThat(people)
        .filteredOn(p -> p.evidence().source() == LocationSource.NONE)
        .allMatch(p -> !p.jurisdiction().isKnown());
  }

  @Test
  void rostersAreNonEmptyWithUniqueIds() {
    qt().withExamples(300)
        .forAll(gen(Generators.rosters(Generators.participants(), 8)))
        .checkAssert(
            roster -> {
              assertThat(roster).isNotEmpty().hasSizeLessThanOrEqualTo(8);
              assertThat(roster).extracting(Participant::id).doesNotHaveDuplicates();
            });
  }

  @Test
  void participantsForAPolicyAreOftenInsideItsScopesSometimesOutsideAndSometimesUnknown() {
    Policy policy = SamplePolicies.realistic();
    List<Participant> people = Generators.participantsFor(policy).samples(9, 1000);

    long covered =
        people.stream()
            .filter(p -> policy.rules().stream().anyMatch(r -> r.appliesIn().covers(p.jurisdiction())))
            .count();
    assertThat(covered).isGreaterThan(250);
    assertThat(people).anyMatch(p -> !p.jurisdiction().isKnown());
    assertThat(people)
        .anyMatch(
            p ->
                p.jurisdiction().isKnown()
                    && policy.rules().stream().noneMatch(r -> r.appliesIn().covers(p.jurisdiction())));
    // Subdivisions of a country-scoped rule and the country of a subdivision-scoped rule.
    assertThat(people).extracting(Participant::jurisdiction).contains(Jurisdiction.of("US"));
    assertThat(people).anyMatch(p -> p.jurisdiction().isSubdivision() && p.jurisdiction().within(Jurisdiction.of("CN")));
  }

  @Test
  void instantsForAPolicyStraddleEveryEffectiveAndExpiryDay() {
    Policy policy = SamplePolicies.realistic();
    List<Instant> instants = Generators.instantsFor(policy);
    for (LocalDate day : List.of(LocalDate.of(2021, 3, 1), LocalDate.of(2025, 9, 1), LocalDate.of(2022, 9, 23))) {
      Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
      assertThat(instants).anyMatch(i -> i.isBefore(start) && i.isAfter(start.minusSeconds(60)));
      assertThat(instants).contains(start);
    }
    assertThat(instants).isSorted();
  }

  @Test
  void meetingsForAPolicyUseTheTagsAndFeaturesItsConditionsName() {
    List<Meeting> meetings = Generators.meetingsFor(SamplePolicies.realistic()).samples(10, 300);

    assertThat(meetings).anyMatch(m -> m.tags().contains("june-fourth"));
    assertThat(meetings).anyMatch(m -> m.tags().isEmpty());
    assertThat(meetings).anyMatch(m -> SamplePolicies.DE_RECORDING_NOTICE.when().matches(m));
    assertThat(meetings).anyMatch(m -> !SamplePolicies.DE_RECORDING_NOTICE.when().matches(m));
  }

  @Test
  void quickTheoriesShrinksGeneratedPoliciesThroughTheAdapter() {
    Throwable falsified =
        catchThrowable(
            () ->
                qt().withFixedSeed(1)
                    .withExamples(300)
                    .forAll(gen(Generators.policies()))
                    .check(p -> p.rules().stream().noneMatch(r -> r.effect() instanceof Effect.DenyJoin)));

    // Any policy with a deny rule falsifies it; the smallest has that one rule and nothing else.
    assertThat(falsified)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Policy[generated, 1 rules, 0 exemptions]");
  }

  @Test
  void aSeededSourceStaysInRangeAndRejectsAnEmptyRange() {
    Source s = Source.seeded(1);
    for (int i = 0; i < 1000; i++) {
      assertThat(s.next(-3, 3)).isBetween(-3L, 3L);
      assertThat(s.next(Long.MAX_VALUE - 1, Long.MAX_VALUE)).isGreaterThanOrEqualTo(Long.MAX_VALUE - 1);
    }
    assertThat(s.next(5, 5)).isEqualTo(5);
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> s.next(2, 1));
  }

  @Test
  void theSimplestDrawsGiveTheSimplestValues() {
    Source minimum = (min, max) -> min;

    assertThat(Generators.policies().generate(minimum).rules()).isEmpty();
    assertThat(Generators.rosters(Generators.participants(), 5).generate(minimum))
        .singleElement()
        .satisfies(p -> assertThat(p.role()).isEqualTo(Role.ATTENDEE));
    Meeting plain = Generators.meetings().generate(minimum);
    assertThat(plain.tags()).isEmpty();
    assertThat(plain.featuresInUse()).isEmpty();
    Rule simplest = Generators.rules("r1").generate(minimum);
    assertThat(simplest.when().isAlways()).isTrue();
    assertThat(simplest.mode()).isEqualTo(Mode.ENFORCE);
    assertThat(simplest.onUnknown()).isEqualTo(OnUnknown.SKIP);
    assertThat(simplest.basis().extraterritorial()).isEmpty();
  }
}
