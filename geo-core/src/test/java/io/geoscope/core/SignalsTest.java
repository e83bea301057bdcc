package io.geoscope.core;

import static io.geoscope.core.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignalsTest {
  private static final Meeting MEETING = new Meeting(Set.of("june-fourth"), Set.of(Feature.RECORDING));

  private static Evidence at(String code, LocationSource source) {
    return Evidence.of(Jurisdiction.of(code), source, source.code() + "-producer");
  }

  private static LegalBasis californiaPrivacy() {
    return LegalBasis.builder()
        .authority("State of California")
        .home("US-CA")
        .kind(InstrumentKind.STATUTE)
        .citation("Cal. Penal Code 632")
        .build();
  }

  private static LegalBasis ukraineSanctions() {
    return LegalBasis.builder()
        .authority("OFAC")
        .home("US")
        .territory("UA-43")
        .extraterritorial("EO 13685: US persons may not export services to Crimea")
        .kind(InstrumentKind.SANCTIONS)
        .citation("31 CFR part 589")
        .build();
  }

  private static final Rule CN_SPEECH =
      Rule.builder("cn-june-fourth")
          .basis(Fixtures.cybersecurityLaw())
          .appliesIn("CN")
          .when(Condition.anyTag("june-fourth"))
          .effect(Effect.denyJoin())
          .build();

  private static final Rule CA_NOTICE =
      Rule.builder("ca-recording-notice")
          .basis(californiaPrivacy())
          .appliesIn("US-CA")
          .effect(Effect.notice("recording-consent"))
          .build();

  private static final Rule IRAN_ANY =
      Rule.builder("ofac-iran")
          .basis(Fixtures.iranSanctions())
          .appliesIn("IR")
          .effect(Effect.denyJoin())
          .evidence(EvidenceStandard.ANY)
          .build();

  private static final DecisionEngine ENGINE =
      DecisionEngine.builder(Fixtures.policy(List.of(CN_SPEECH, CA_NOTICE, IRAN_ANY), List.of()))
          .build();

  @Test
  void aChineseAddressWithACaliforniaDialInIsPlacedInCaliforniaAndTheConflictIsSaid() {
    Signals signals =
        Signals.of(at("CN", LocationSource.IP_GEOLOCATION), at("US-CA", LocationSource.DIAL_IN));
    Decision d = ENGINE.decide(signals, MEETING, NOW);

    assertThat(d.jurisdiction()).isEqualTo(Jurisdiction.of("US-CA"));
    assertThat(d.outcome()).isEqualTo(Outcome.ADMIT);
    assertThat(d.applied()).isEmpty();
    assertThat(d.conflict().signals()).containsExactlyElementsOf(signals.all());
    assertThat(d.conflict().narrowed()).containsExactly("ca-recording-notice");
    assertThat(d.reasonParams()).containsEntry("conflict", "dial-in US-CA, ip-geolocation CN");
    assertThat(d.describe())
        .isEqualTo(
            "admitted (location signals disagree: dial-in US-CA, ip-geolocation CN; not applied"
                + " while they disagree: ca-recording-notice)");
  }

  @Test
  void anAmericanAddressAtAChineseRoomSiteIsNotDeniedOnDisputedEvidenceAndTheConflictIsSaid() {
    Signals signals =
        Signals.of(at("US", LocationSource.IP_GEOLOCATION), at("CN", LocationSource.ROOM_SYSTEM));
    Decision d = ENGINE.decide(signals, MEETING, NOW);

    assertThat(d.jurisdiction()).isEqualTo(Jurisdiction.of("CN"));
    assertThat(d.admitted()).isTrue();
    assertThat(d.conflict().narrowed()).containsExactly("cn-june-fourth");
    assertThat(d.describe()).contains("room-system CN, ip-geolocation US").contains("cn-june-fourth");
  }

  @Test
  void theSameRoomSiteAloneStillDeniesUnderTheChineseRule() {
    Decision d = ENGINE.decide(Signals.of(at("CN", LocationSource.ROOM_SYSTEM)), MEETING, NOW);
    assertThat(d.outcome()).isEqualTo(Outcome.DENY);
    assertThat(d.conflict().present()).isFalse();
  }

  @Test
  void aSanctionsRuleWithEvidenceAnyActsOnAnIranianAddressWhateverTheDialInSays() {
    Signals signals =
        Signals.of(at("IR", LocationSource.IP_GEOLOCATION), at("DE", LocationSource.DIAL_IN));
    Decision d = ENGINE.decide(signals, MEETING, NOW);

    assertThat(d.outcome()).isEqualTo(Outcome.DENY);
    assertThat(d.jurisdiction()).isEqualTo(Jurisdiction.of("DE"));
    assertThat(d.applied()).singleElement().satisfies(a -> {
      assertThat(a.ruleId()).isEqualTo("ofac-iran");
      assertThat(a.evidence().source()).isEqualTo(LocationSource.IP_GEOLOCATION);
    });
    assertThat(d.describe()).contains("ip-geolocation IR");
  }

  @Test
  void twoSignalsOfTheStrongestSourceInDifferentCountriesLeaveThePlacementUnknownAsConflicting() {
    Signals signals =
        Signals.of(at("CN", LocationSource.DECLARED), at("US", LocationSource.DECLARED));
    assertThat(signals.primary().jurisdiction().unknownReason())
        .contains(UnknownReason.CONFLICTING_SIGNALS);
    assertThat(signals.conflicting()).isTrue();
  }

  @Test
  void signalsAgreeingOnTheCountryButNotTheSubdivisionPlaceTheParticipantInTheCountry() {
    Signals signals =
        Signals.of(at("US-CA", LocationSource.DIAL_IN), at("US-NY", LocationSource.DIAL_IN));
    assertThat(signals.primary().jurisdiction()).isEqualTo(Jurisdiction.of("US"));
    assertThat(signals.primary().precision()).isEqualTo(Precision.COUNTRY);
    assertThat(signals.conflicting()).isFalse();
  }

  @Test
  void aVerifiedLocationOutranksEveryOtherSignal() {
    Participant p =
        new Participant("p", Role.ATTENDEE, at("CN", LocationSource.IP_GEOLOCATION))
            .with(at("DE", LocationSource.VERIFIED));
    assertThat(p.jurisdiction()).isEqualTo(Jurisdiction.of("DE"));
    assertThat(p.signals().size()).isEqualTo(2);
  }

  @Test
  void noSignalAtAllIsNoEvidence() {
    assertThat(Signals.of().primary()).isEqualTo(Evidence.none());
  }

  @Test
  void aCountryLevelPlacementMeetsASubdivisionRuleOnlyWhenTheRuleSaysOnImpreciseApply() {
    Evidence ukraine = at("UA", LocationSource.IP_GEOLOCATION);
    for (OnImprecise onImprecise : OnImprecise.values()) {
      Rule crimea =
          Rule.builder("ofac-crimea")
              .basis(ukraineSanctions())
              .appliesIn("UA-43")
              .effect(Effect.denyJoin())
              .onImprecise(onImprecise)
              .build();
      DecisionEngine engine =
          DecisionEngine.builder(Fixtures.policy(List.of(crimea), List.of())).build();
      assertThat(engine.decide(ukraine, MEETING, NOW).admitted())
          .as(onImprecise.code())
          .isEqualTo(onImprecise == OnImprecise.SKIP);
      assertThat(engine.decide(at("UA-43", LocationSource.DIAL_IN), MEETING, NOW).admitted()).isFalse();
      assertThat(engine.decide(at("UA-30", LocationSource.DIAL_IN), MEETING, NOW).admitted()).isTrue();
    }
  }

  @Test
  void anOnlyAmericanPlacementGetsTheCaliforniaNoticeOnlyWithOnImpreciseApply() {
    Evidence us = at("US", LocationSource.IP_GEOLOCATION);
    assertThat(ENGINE.decide(us, MEETING, NOW).effects()).isEmpty();
    Rule imprecise =
        new Rule(
            CA_NOTICE.id(), CA_NOTICE.basis(), CA_NOTICE.appliesIn(), CA_NOTICE.when(),
            CA_NOTICE.effect(), CA_NOTICE.mode(), CA_NOTICE.onUnknown(), EvidenceStandard.PRIMARY,
            OnImprecise.APPLY, OnAnonymizer.IGNORE);
    DecisionEngine engine =
        DecisionEngine.builder(Fixtures.policy(List.of(imprecise), List.of())).build();
    assertThat(engine.decide(us, MEETING, NOW).effects()).containsExactly(Effect.notice("recording-consent"));
    assertThat(engine.decide(at("US-NY", LocationSource.IP_GEOLOCATION), MEETING, NOW).effects()).isEmpty();
  }

  @Test
  void onAnonymizerSkipIgnoresAnAnonymizedSignalAndApplyCatchesIt() {
    Evidence torInCn =
        at("CN", LocationSource.IP_GEOLOCATION).withAnonymizers(Set.of(Anonymizer.TOR_EXIT));
    Rule skip =
        Rule.builder("cn-skip").basis(Fixtures.cybersecurityLaw()).appliesIn("CN")
            .effect(Effect.denyJoin()).onAnonymizer(OnAnonymizer.SKIP).build();
    Rule apply =
        Rule.builder("ir-apply").basis(Fixtures.iranSanctions()).appliesIn("IR")
            .effect(Effect.disable(Set.of(Feature.CHAT))).onAnonymizer(OnAnonymizer.APPLY).build();
    DecisionEngine engine =
        DecisionEngine.builder(Fixtures.policy(List.of(skip, apply), List.of())).build();
    Decision d = engine.decide(torInCn, MEETING, NOW);
    assertThat(d.applied()).extracting(AppliedRule::ruleId).containsExactly("ir-apply");
    assertThat(engine.decide(at("CN", LocationSource.IP_GEOLOCATION), MEETING, NOW).outcome())
        .isEqualTo(Outcome.DENY);
  }

  @Test
  void everySettingThatActsUnplacedIsRefusedWhereOnUnknownApplyWouldBe() {
    Rule all =
        new Rule(
            "wide", Fixtures.cybersecurityLaw(), Scope.of("CN"), Condition.always(),
            Effect.denyJoin(), Mode.ENFORCE, OnUnknown.APPLY, EvidenceStandard.ANY,
            OnImprecise.APPLY, OnAnonymizer.APPLY);
    assertThat(PolicyValidator.checkUnplaced(all, false))
        .extracting(PolicyProblem::field)
        .containsExactly("on-unknown", "evidence", "on-imprecise", "on-anonymizer");
    assertThat(PolicyValidator.checkUnplaced(all, true)).isEmpty();
    assertThat(PolicyValidator.checkUnplaced(CN_SPEECH, false)).isEmpty();
    assertThat(PolicyValidator.checkUnplaced(all)).isEqualTo(PolicyValidator.checkUnplaced(
        new Rule("wide", all.basis(), all.appliesIn(), all.when(), all.effect(), all.mode(),
            OnUnknown.APPLY), true));
  }

  @Test
  void aPrecedenceCannotListASourceTwice() {
    assertThatThrownBy(() -> Precedence.of(LocationSource.DECLARED, LocationSource.DECLARED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("declared");
  }

  @Test
  void oneSignalIsTheSameAsSignalsOfItAndRepeatsCostNothing() {
    java.util.List<Evidence> many = new java.util.ArrayList<>();
    for (Jurisdiction j : Jurisdiction.countries()) {
      many.add(Evidence.of(j, LocationSource.IP_GEOLOCATION, "test"));
    }
    many.add(Evidence.none());
    many.add(Evidence.of(Jurisdiction.unknown(UnknownReason.ANONYMIZER),
        LocationSource.IP_GEOLOCATION, "test"));
    for (Evidence e : many) {
      Signals one = Signals.single(e);
      assertThat(one).isEqualTo(Signals.of(e));
      assertThat(one.primary()).isSameAs(e);
      assertThat(one.known()).isEqualTo(Signals.of(e).known());
      assertThat(one.conflicting()).isFalse();
    }
    // More evidence than cache slots: whatever was evicted, each answer is its own evidence's.
    for (Evidence e : many) {
      assertThat(Signals.single(e).primary()).isSameAs(e);
      assertThat(Signals.single(e)).isSameAs(Signals.single(e));
    }
  }
}
