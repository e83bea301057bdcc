package io.geoscope.core;

import static io.geoscope.core.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a decision says: normalized effects, the reason key and its parameters. */
class DecisionTest {

  private static Rule rule(String id, LegalBasis basis, String appliesIn, Effect effect, Mode mode) {
    return Rule.builder(id).basis(basis).appliesIn(appliesIn).effect(effect).mode(mode).build();
  }

  private static Decision decide(Policy policy, String where) {
    return DecisionEngine.builder(policy).build()
        .decide(Fixtures.at("p", Role.ATTENDEE, where), Meeting.plain(), NOW);
  }

  @Test
  void effectsAreNormalizedDenyFirstThenOneMergedDisableThenNoticesByKey() {
    List<Effect> normalized =
        Decision.normalize(
            List.of(
                Effect.notice("zeta"),
                Effect.disable(EnumSet.of(Feature.CHAT)),
                Effect.denyJoin(),
                Effect.notice("alpha"),
                Effect.disable(EnumSet.of(Feature.VIDEO, Feature.CHAT)),
                Effect.notice("zeta"),
                Effect.denyJoin()));

    assertThat(normalized)
        .containsExactly(
            Effect.denyJoin(),
            Effect.disable(EnumSet.of(Feature.CHAT, Feature.VIDEO)),
            Effect.notice("alpha"),
            Effect.notice("zeta"));
    assertThat(Decision.normalize(List.of())).isEmpty();
  }

  @Test
  void thePlainAdmitIsOneConstantPerJurisdiction() {
    Jurisdiction de = Jurisdiction.country("DE");
    Decision admit = Decision.admit(de);

    assertThat(Decision.admit(de)).isSameAs(admit);
    assertThat(admit.outcome()).isEqualTo(Outcome.ADMIT);
    assertThat(admit.admitted()).isTrue();
    assertThat(admit.effects()).isEmpty();
    assertThat(admit.applied()).isEmpty();
    assertThat(admit.shadowed()).isEmpty();
    assertThat(admit.lifted()).isEmpty();
    assertThat(admit.reasonKey()).isEqualTo("geoscope.admit");
    assertThat(admit.reasonParams()).isEqualTo(Map.of("jurisdiction", "DE"));
    assertThat(admit.describe()).isEqualTo("admitted");
    assertThat(admit.disabledFeatures()).isEmpty();
  }

  @Test
  void aDenialNamesTheJurisdictionAndTheCitation() throws Exception {
    LegalBasis law = Fixtures.cybersecurityLaw();
    // "a-recording" sorts first, but the deny rule is the one that decided.
    Policy policy =
        Policy.builder("v1").operator(Fixtures.OPERATOR)
            .rule(rule("a-recording", law, "CN", Effect.disable(EnumSet.of(Feature.RECORDING)), Mode.ENFORCE))
            .rule(rule("b-deny", law, "CN", Effect.denyJoin(), Mode.ENFORCE))
            .build();

    Decision d = decide(policy, "CN");

    assertThat(d.outcome()).isEqualTo(Outcome.DENY);
    assertThat(d.admitted()).isFalse();
    assertThat(d.reasonKey()).isEqualTo("geoscope.deny");
    assertThat(d.reasonParams())
        .containsExactly(
            Map.entry("jurisdiction", "CN"),
            Map.entry("rule", "b-deny"),
            Map.entry("authority", "Cyberspace Administration of China"),
            Map.entry("citation", "Cybersecurity Law of the PRC, art. 12"));
    assertThat(d.describe())
        .isEqualTo("not available from CN under Cybersecurity Law of the PRC, art. 12");
    assertThat(d.applied()).extracting(AppliedRule::ruleId).containsExactly("a-recording", "b-deny");
    assertThat(d.applied().get(0).evidence().jurisdiction()).isSameAs(Jurisdiction.of("CN"));
    assertThat(d.disabledFeatures()).containsExactly(Feature.RECORDING);
  }

  @Test
  void aLimitNamesTheFirstRuleThatApplied() throws Exception {
    Policy policy =
        Policy.builder("v1").operator(Fixtures.OPERATOR)
            .rule(rule("ir-notice", Fixtures.iranSanctions(), "IR", Effect.notice("export-control"),
                Mode.ENFORCE))
            .build();

    Decision d = decide(policy, "IR");

    assertThat(d.outcome()).isEqualTo(Outcome.ADMIT_LIMITED);
    assertThat(d.reasonKey()).isEqualTo("geoscope.admit-limited");
    assertThat(d.reasonParams()).containsEntry("rule", "ir-notice").containsEntry("authority", "OFAC");
    assertThat(d.describe()).isEqualTo("limited in IR under 31 CFR part 560");
  }

  @Test
  void aShadowMatchIsReportedButAdmits() throws Exception {
    Policy policy =
        Policy.builder("v1").operator(Fixtures.OPERATOR)
            .rule(rule("cn-shadow", Fixtures.cybersecurityLaw(), "CN", Effect.denyJoin(), Mode.SHADOW))
            .build();

    Decision d = decide(policy, "CN-BJ");

    assertThat(d.outcome()).isEqualTo(Outcome.ADMIT);
    assertThat(d.effects()).isEmpty();
    assertThat(d.applied()).isEmpty();
    assertThat(d.shadowed()).extracting(AppliedRule::ruleId).containsExactly("cn-shadow");
    assertThat(d.reasonKey()).isEqualTo("geoscope.admit");
    assertThat(d.reasonParams()).isEqualTo(Map.of("jurisdiction", "CN-BJ"));
  }

  @Test
  void aLiftedRuleIsReportedWithTheExemptionAndItsCitation() throws Exception {
    LegalBasis licence =
        LegalBasis.builder()
            .authority("OFAC")
            .home("US")
            .territory("IR")
            .extraterritorial("IEEPA: a general licence for personal communications")
            .kind(InstrumentKind.GENERAL_LICENCE)
            .citation("General License D-2")
            .build();
    Policy policy =
        Policy.builder("v1").operator(Fixtures.OPERATOR)
            .rule(rule("ir-deny", Fixtures.iranSanctions(), "IR", Effect.denyJoin(), Mode.ENFORCE))
            .exemption(new Exemption("gl-d2", licence, Scope.of("IR"), Set.of("ir-deny")))
            .build();

    Decision d = decide(policy, "IR");

    assertThat(d.outcome()).isEqualTo(Outcome.ADMIT);
    assertThat(d.lifted()).containsExactly(new LiftedRule("ir-deny", "gl-d2", "General License D-2"));
    assertThat(d.applied()).isEmpty();
  }
}
