package io.geoscope.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Areas as the engine sees them: references in scopes, placements carried by the evidence, the
 * country guard, {@code on-uncertain}, exemptions in areas, and the validator's checks. The areas
 * here are placed by a table written in the test ({@link Fixed}); geo-areas' geometry has its own
 * tests, and the policy-file and end-to-end tests put the two together.
 */
class AreaRulesTest {
  static final Instant NOW = Fixtures.NOW;
  static final AreaRef ZONE =
      new AreaRef("zone", "Made-up zone", Jurisdiction.of("UA-14"), "none: made up", "sha256:1");
  static final AreaRef COASTAL =
      new AreaRef("coastal", "Made-up coast", Jurisdiction.of("UA"), "none: made up", "sha256:2");

  /** Areas whose placement of every participant is fixed by the test. */
  record Fixed(List<AreaRef> refs, Placement placement) implements Areas {
    @Override
    public AreaPlacements place(Jurisdiction where, @Nullable String postalCode, double latitude,
        double longitude, double radiusKm) {
      java.util.Map<String, Placement> out = new java.util.HashMap<>();
      for (AreaRef a : refs) {
        if (where.isKnown() && where.within(a.country())) {
          out.put(a.id(), placement);
        }
      }
      return AreaPlacements.of(out);
    }
  }

  static LegalBasis sanctions() {
    return LegalBasis.builder().authority("OFAC").kind(InstrumentKind.SANCTIONS)
        .citation("EO 14065").extraterritorial("US sanctions bind the US provider for users there")
        .build();
  }

  static Policy policy(OnUncertain onUncertain, Exemption... exemptions) {
    Policy.Builder b = Policy.builder("areas").operator(Fixtures.OPERATOR)
        .areas(new Fixed(List.of(ZONE, COASTAL), Placement.UNCERTAIN_NO_PLACE_DETAIL))
        .rule(Rule.builder("zone-deny").basis(sanctions()).appliesIn(Scope.ofAreas(ZONE))
            .effect(Effect.denyJoin()).onUncertain(onUncertain).build());
    for (Exemption e : exemptions) {
      b.exemption(e);
    }
    return b.build();
  }

  static Evidence at(String code, Placement p, AreaRef... areas) {
    java.util.Map<String, Placement> m = new java.util.HashMap<>();
    for (AreaRef a : areas) {
      m.put(a.id(), p);
    }
    return Evidence.of(Jurisdiction.of(code), LocationSource.VERIFIED, "test")
        .withAreas(AreaPlacements.of(m));
  }

  @Test
  void insideAppliesOutsideNeverUncertainOnlyWithOnUncertainApply() {
    DecisionEngine skip = DecisionEngine.builder(policy(OnUncertain.SKIP)).build();
    DecisionEngine apply = DecisionEngine.builder(policy(OnUncertain.APPLY)).build();
    for (Placement p : Placement.values()) {
      Evidence e = at("UA-14", p, ZONE);
      boolean inside = p.isInside();
      assertThat(skip.decide(e, Meeting.plain(), NOW).admitted()).as("%s skip", p).isEqualTo(!inside);
      assertThat(apply.decide(e, Meeting.plain(), NOW).admitted()).as("%s apply", p)
          .isEqualTo(p.isOutside());
    }
    Decision d = skip.decide(at("UA-14", Placement.INSIDE_BY_BOUNDARY, ZONE), Meeting.plain(), NOW);
    assertThat(d.applied()).singleElement().satisfies(a ->
        assertThat(a.area()).isEqualTo("area zone: inside (location circle within the boundary)"));
    assertThat(d.describe()).contains("[area zone: inside (location circle within the boundary)]");
    // The prebuilt path: the same evidence gives the same decision object.
    Evidence again = at("UA-14", Placement.INSIDE_BY_BOUNDARY, ZONE);
    assertThat(skip.decide(again, Meeting.plain(), NOW)).isSameAs(d);
    // Evidence without placements in UA-14 is uncertain: skipped, or applied with apply.
    Evidence bare = Evidence.of(Jurisdiction.of("UA-14"), LocationSource.VERIFIED, "test");
    assertThat(skip.decide(bare, Meeting.plain(), NOW).admitted()).isTrue();
    assertThat(apply.decide(bare, Meeting.plain(), NOW).admitted()).isFalse();
    // Uncertain at country level, or in another subdivision, is not within the area's UA-14.
    assertThat(apply.decide(at("UA", Placement.UNCERTAIN_NO_PLACE_DETAIL, ZONE), Meeting.plain(),
        NOW).admitted()).isTrue();
    assertThat(apply.decide(at("UA-30", Placement.UNCERTAIN_NO_PLACE_DETAIL, ZONE),
        Meeting.plain(), NOW).admitted()).isTrue();
  }

  /**
   * Two guards keep this: an area rule is indexed under its area's country only, and {@code
   * areaPlacing} checks the country again. Planted, indexing the rule under RU too and dropping
   * the second guard, it is falsified at once ("RU INSIDE_BY_POSTAL_CODE").
   */
  @Test
  void anAreaRuleNeverAffectsAnyoneOutsideTheAreasCountryWhateverTheirPlacements() {
    List<Jurisdiction> places = Jurisdiction.subdivisions();
    Placement[] all = Placement.values();
    DecisionEngine apply = DecisionEngine.builder(policy(OnUncertain.APPLY)).build();
    qt().withExamples(1000).forAll(longs().all(), integers().between(0, all.length - 1))
        .checkAssert((seed, k) -> {
          Random r = new Random(seed);
          Jurisdiction j = places.get(r.nextInt(places.size()));
          Jurisdiction where = r.nextBoolean() ? j : j.country();
          Evidence e = Evidence.of(where, LocationSource.VERIFIED, "t")
              .withAreas(AreaPlacements.of(Map.of("zone", all[k], "coastal", all[k])));
          Decision d = apply.decide(e, Meeting.plain(), NOW);
          if (!where.within(ZONE.country())) {
            assertThat(d.outcome()).as("%s %s", where, all[k]).isEqualTo(Outcome.ADMIT);
          } else {
            boolean applies = all[k].isInside()
                || (all[k].isUncertain() && where.within(ZONE.within()));
            assertThat(d.admitted()).as("%s %s", where, all[k]).isEqualTo(!applies);
          }
        });
  }

  @Test
  void anExemptionInAnAreaLiftsForWhoeverMayBeInsideIt() {
    LegalBasis gl = LegalBasis.builder().authority("OFAC").kind(InstrumentKind.GENERAL_LICENCE)
        .citation("GL 25").extraterritorial("a general licence under the sanctions regulations")
        .build();
    Exemption coastalRelief = new Exemption("coastal-gl", gl,
        new Scope(Set.of(), Set.of(COASTAL)), Set.of("zone-deny"));
    DecisionEngine engine =
        DecisionEngine.builder(policy(OnUncertain.SKIP, coastalRelief)).build();
    Evidence insideBoth = Evidence.of(Jurisdiction.of("UA-14"), LocationSource.VERIFIED, "t")
        .withAreas(AreaPlacements.of(Map.of("zone", Placement.INSIDE_BY_POSTAL_CODE,
            "coastal", Placement.UNCERTAIN_STRADDLES_BOUNDARY)));
    Decision lifted = engine.decide(insideBoth, Meeting.plain(), NOW);
    assertThat(lifted.admitted()).isTrue();
    assertThat(lifted.lifted()).extracting(LiftedRule::exemptionId).containsExactly("coastal-gl");
    Evidence outsideRelief = Evidence.of(Jurisdiction.of("UA-14"), LocationSource.VERIFIED, "t")
        .withAreas(AreaPlacements.of(Map.of("zone", Placement.INSIDE_BY_POSTAL_CODE,
            "coastal", Placement.OUTSIDE_BY_BOUNDARY)));
    assertThat(engine.decide(outsideRelief, Meeting.plain(), NOW).admitted()).isFalse();
  }

  @Test
  void severalSignalsUseTheAreaPlacementsOfTheSignalThatPlacedThem() {
    Policy p = Policy.builder("areas").operator(Fixtures.OPERATOR)
        .areas(new Fixed(List.of(ZONE, COASTAL), Placement.UNCERTAIN_NO_PLACE_DETAIL))
        .rule(Rule.builder("zone-deny").basis(sanctions()).appliesIn(Scope.ofAreas(ZONE))
            .effect(Effect.denyJoin()).evidence(EvidenceStandard.ANY).build())
        .build();
    DecisionEngine engine = DecisionEngine.builder(p).build();
    Evidence ip = Evidence.of(Jurisdiction.of("PL"), LocationSource.IP_GEOLOCATION, "t");
    Evidence dial = at("UA-14", Placement.INSIDE_BY_POSTAL_CODE, ZONE);
    Decision d = engine.decide(Signals.of(ip, dial), Meeting.plain(), NOW);
    assertThat(d.admitted()).isFalse();
    Evidence dialOut = at("UA-14", Placement.OUTSIDE_BY_POSTAL_CODE, ZONE);
    assertThat(engine.decide(Signals.of(ip, dialOut), Meeting.plain(), NOW).admitted()).isTrue();
  }

  @Test
  void theValidatorChecksReachOnTheAreasJurisdictionAndThatEachAreaIsDefined() {
    // CAC's statute cannot name an area in Ukraine.
    PolicyValidationException reach = catchThrowableOfType(PolicyValidationException.class,
        () -> Policy.builder("v").areas(new Fixed(List.of(ZONE), Placement.INSIDE_BY_BOUNDARY))
            .rule(Rule.builder("cn").basis(Fixtures.cybersecurityLaw())
                .appliesIn(Scope.ofAreas(ZONE)).effect(Effect.denyJoin()).build())
            .build());
    assertThat(reach.problems()).extracting(PolicyProblem::code)
        .contains(PolicyProblem.Code.UNLAWFUL_REACH);
    // An area the policy does not define, and one from another version of the definition.
    AreaRef stale = new AreaRef("zone", "Made-up zone", Jurisdiction.of("UA-14"), "none", "sha256:0");
    PolicyValidationException unknown = catchThrowableOfType(PolicyValidationException.class,
        () -> Policy.builder("v").operator(Fixtures.OPERATOR)
            .areas(new Fixed(List.of(ZONE), Placement.INSIDE_BY_BOUNDARY))
            .rule(Rule.builder("a").basis(sanctions()).appliesIn(Scope.ofAreas(COASTAL))
                .effect(Effect.denyJoin()).build())
            .rule(Rule.builder("b").basis(sanctions()).appliesIn(Scope.ofAreas(stale))
                .effect(Effect.denyJoin()).build())
            .build());
    assertThat(unknown.problems()).extracting(PolicyProblem::code)
        .containsExactly(PolicyProblem.Code.UNKNOWN_AREA, PolicyProblem.Code.UNKNOWN_AREA);
    assertThat(unknown.problems().get(0).message()).contains("not defined");
    assertThat(unknown.problems().get(1).message()).contains("another version");
    // on-uncertain: apply under a law that is not the operator's.
    Authority ua = Authority.declared("ua-reg", "A Ukrainian regulator", Jurisdiction.of("UA"),
        Optional.empty());
    LegalBasis local = LegalBasis.builder().authority("ua-reg").kind(InstrumentKind.STATUTE)
        .citation("A made-up statute, art. 1").build();
    PolicyValidationException uncertain = catchThrowableOfType(PolicyValidationException.class,
        () -> Policy.builder("v").operator(Fixtures.OPERATOR).authority(ua)
            .areas(new Fixed(List.of(ZONE), Placement.INSIDE_BY_BOUNDARY))
            .rule(Rule.builder("ua").basis(local).appliesIn(Scope.ofAreas(ZONE))
                .effect(Effect.notice("recording-consent")).onUncertain(OnUncertain.APPLY)
                .build())
            .build());
    assertThat(uncertain.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(PolicyProblem.Code.UNPLACED_NOT_PERMITTED);
      assertThat(p.field()).isEqualTo("on-uncertain");
    });
  }

  @Test
  void scopesPlacementsAndReferencesAreValuesThatSayWhatTheyHold() {
    Scope s = Scope.of("RU").withAreas(ZONE);
    assertThat(s.hasAreas()).isTrue();
    assertThat(s.places()).containsExactly(Jurisdiction.of("RU"), Jurisdiction.of("UA-14"));
    assertThat(s.toString()).isEqualTo("[RU, area zone]");
    assertThat(s.covers(Jurisdiction.of("UA-14"))).isFalse();
    assertThat(s.within(Scope.of("RU", "UA"))).isTrue();
    assertThat(s.within(Scope.of("RU"))).isFalse();
    assertThat(Scope.of("RU").places()).containsExactly(Jurisdiction.of("RU"));
    assertThatThrownBy(() -> new Scope(Set.of(), Set.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jurisdiction or area");
    assertThatThrownBy(() -> new AreaRef("x", "X", Jurisdiction.unknown(UnknownReason.NO_EVIDENCE),
        "s", "h")).isInstanceOf(IllegalArgumentException.class);
    assertThat(ZONE.country()).isEqualTo(Jurisdiction.of("UA"));
    assertThat(ZONE.toString()).isEqualTo("zone (in UA-14)");

    AreaPlacements p = AreaPlacements.of(Map.of("b", Placement.OUTSIDE_BY_BOUNDARY,
        "a", Placement.INSIDE_BY_POSTAL_CODE));
    assertThat(p.asMap().keySet()).containsExactly("a", "b");
    assertThat(p.placement("a")).isEqualTo(Placement.INSIDE_BY_POSTAL_CODE);
    assertThat(p.placement("c")).isEqualTo(Placement.UNCERTAIN_NO_PLACE_DETAIL);
    assertThat(p).isEqualTo(AreaPlacements.of(Map.of("a", Placement.INSIDE_BY_POSTAL_CODE,
        "b", Placement.OUTSIDE_BY_BOUNDARY))).hasSameHashCodeAs(AreaPlacements.of(
        Map.of("a", Placement.INSIDE_BY_POSTAL_CODE, "b", Placement.OUTSIDE_BY_BOUNDARY)));
    assertThat(p).isNotEqualTo(AreaPlacements.none());
    assertThat(AreaPlacements.of(Map.of())).isSameAs(AreaPlacements.none());
    assertThat(p.toString()).isEqualTo("AreaPlacements[area a: inside (postal code listed);"
        + " area b: outside (location circle clear of the boundary)]");
    // Every placement has its own phrase, and its verdict starts it.
    Set<String> phrases = new java.util.HashSet<>();
    for (Placement each : Placement.values()) {
      assertThat(each.describe()).startsWith(each.verdict().name().toLowerCase());
      phrases.add(each.describe());
    }
    assertThat(phrases).hasSize(Placement.values().length);
    assertThat(EnumSet.allOf(Placement.Test.class)).hasSize(5);

    assertThat(Areas.none().refs()).isEmpty();
    assertThat(Areas.none().place(Jurisdiction.of("UA"), "1", 0, 0, 1)).isSameAs(
        AreaPlacements.none());
    Evidence e = Evidence.of(Jurisdiction.of("UA-14"), LocationSource.DECLARED, "t");
    assertThat(Areas.none().placed(e, "85300")).isSameAs(e);
    Areas fixed = new Fixed(List.of(ZONE), Placement.INSIDE_BY_POSTAL_CODE);
    assertThat(fixed.placed(e, "85300").areas().placement("zone"))
        .isEqualTo(Placement.INSIDE_BY_POSTAL_CODE);
    assertThat(OnUncertain.fromCode("apply")).isEqualTo(OnUncertain.APPLY);
    assertThatThrownBy(() -> OnUncertain.fromCode("maybe"))
        .hasMessageContaining("on-uncertain");
  }
}
