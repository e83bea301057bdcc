package io.geoscope.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The README's "Deciding" example, kept compiling and true. */
class ReadmeExampleTest {

  @Test
  void theReadmeExampleDeniesTheParticipantInJilin() throws Exception {
    LegalBasis law = LegalBasis.builder().authority("Cyberspace Administration of China").home("CN")
        .kind(InstrumentKind.STATUTE).citation("Cybersecurity Law of the PRC, art. 12").build();
    Policy policy = Policy.builder("2026-06-01").rule(Rule.builder("cn-june-fourth").basis(law)
        .appliesIn("CN").when(Condition.anyTag("june-fourth")).effect(Effect.denyJoin()).build()).build();
    DecisionEngine engine = DecisionEngine.builder(policy).build();
    Evidence where = Evidence.of(Jurisdiction.of("CN-JL"), LocationSource.DECLARED, "example");
    Decision d = engine.decide(new Participant("p-42", Role.ATTENDEE, where), Meeting.tagged("june-fourth"));

    assertThat(d.describe())
        .isEqualTo("not available from CN-JL under Cybersecurity Law of the PRC, art. 12");
    DecisionMessages words = DecisionMessages.forLocale(java.util.Locale.ENGLISH);
    assertThat(words.reason(d)).isEqualTo(
        "Joining is not available from Jilin, China, under Cybersecurity Law of the PRC, art. 12.");
    assertThat(d.policyVersion()).isEqualTo("2026-06-01");
    assertThat(d.evidence()).isSameAs(where);
  }
}
