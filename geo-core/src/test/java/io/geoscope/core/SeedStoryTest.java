package io.geoscope.core;

import static io.geoscope.core.Fixtures.NOW;
import static io.geoscope.core.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The story Geoscope exists for: a US-hosted meeting tagged june-fourth, with a Hong Kong co-host
 * and participants in mainland China, Germany and the US, under a policy citing a Chinese law. Only
 * the participants in mainland China are touched.
 */
class SeedStoryTest {

  private static final List<Participant> ROSTER =
      List.of(
          at("host", Role.HOST, "US"),
          at("cohost", Role.CO_HOST, "HK"),
          at("beijing", Role.ATTENDEE, "CN"),
          at("jilin", Role.PANELIST, "CN-JL"),
          at("berlin", Role.ATTENDEE, "DE"),
          at("seattle", Role.ATTENDEE, "US-WA"));

  private static Policy chinaPolicy() throws PolicyValidationException {
    LegalBasis law = Fixtures.cybersecurityLaw();
    return Policy.builder("2026-06-01").operator(Fixtures.OPERATOR)
        .rule(
            Rule.builder("cn-june-fourth")
                .basis(law)
                .appliesIn("CN")
                .when(Condition.anyTag("june-fourth"))
                .effect(Effect.denyJoin())
                .build())
        .rule(
            Rule.builder("cn-no-recording")
                .basis(law)
                .appliesIn("CN")
                .effect(Effect.disable(EnumSet.of(Feature.RECORDING)))
                .build())
        .build();
  }

  private static Map<String, Decision> decide(Meeting meeting) throws PolicyValidationException {
    DecisionEngine engine = DecisionEngine.builder(chinaPolicy()).build();
    return engine.decideRoster(ROSTER, meeting, NOW).stream()
        .collect(Collectors.toMap(ParticipantDecision::participantId, ParticipantDecision::decision));
  }

  @Test
  void onlyTheParticipantsInMainlandChinaAreDeniedAJuneFourthMeeting() throws Exception {
    Map<String, Decision> decisions =
        decide(new Meeting(Set.of("june-fourth"), EnumSet.of(Feature.RECORDING)));

    for (String id : List.of("beijing", "jilin")) {
      Decision d = decisions.get(id);
      assertThat(d.outcome()).as(id).isEqualTo(Outcome.DENY);
      assertThat(d.effects())
          .as(id)
          .containsExactly(Effect.denyJoin(), Effect.disable(EnumSet.of(Feature.RECORDING)));
      assertThat(d.reasonParams())
          .as(id)
          .containsEntry("rule", "cn-june-fourth")
          .containsEntry("authority", "Cyberspace Administration of China")
          .containsEntry("citation", "Cybersecurity Law of the PRC, art. 12");
    }
    assertThat(decisions.get("jilin").describe())
        .isEqualTo("not available from CN-JL under Cybersecurity Law of the PRC, art. 12");
    for (String id : List.of("host", "cohost", "berlin", "seattle")) {
      Decision d = decisions.get(id);
      assertThat(d.outcome()).as(id).isEqualTo(Outcome.ADMIT);
      assertThat(d.applied()).as(id).isEmpty();
      assertThat(d.effects()).as(id).isEmpty();
    }
  }

  @Test
  void withoutTheTagTheParticipantsInMainlandChinaOnlyLoseRecording() throws Exception {
    Map<String, Decision> decisions = decide(Meeting.plain());

    for (String id : List.of("beijing", "jilin")) {
      Decision d = decisions.get(id);
      assertThat(d.outcome()).as(id).isEqualTo(Outcome.ADMIT_LIMITED);
      assertThat(d.disabledFeatures()).as(id).containsExactly(Feature.RECORDING);
      assertThat(d.applied()).extracting(AppliedRule::ruleId).containsExactly("cn-no-recording");
    }
    for (String id : List.of("host", "cohost", "berlin", "seattle")) {
      assertThat(decisions.get(id).outcome()).as(id).isEqualTo(Outcome.ADMIT);
      assertThat(decisions.get(id).applied()).as(id).isEmpty();
    }
  }

  @Test
  void theResultHoldsOneDecisionPerParticipantAndNothingMeetingLevel() throws Exception {
    DecisionEngine engine = DecisionEngine.builder(chinaPolicy()).build();
    List<ParticipantDecision> result =
        engine.decideRoster(ROSTER, Meeting.tagged("june-fourth"), NOW);

    assertThat(result)
        .extracting(ParticipantDecision::participantId)
        .containsExactly("host", "cohost", "beijing", "jilin", "berlin", "seattle");
    assertThat(result).extracting(ParticipantDecision::role)
        .containsExactlyElementsOf(ROSTER.stream().map(Participant::role).toList());
    // Every decision is about its own participant's place, and no effect kind can reach further.
    for (int i = 0; i < ROSTER.size(); i++) {
      assertThat(result.get(i).decision().jurisdiction()).isSameAs(ROSTER.get(i).jurisdiction());
    }
    assertThat(Effect.class.getPermittedSubclasses())
        .containsExactlyInAnyOrder(Effect.DenyJoin.class, Effect.Disable.class, Effect.Notice.class);
  }
}
