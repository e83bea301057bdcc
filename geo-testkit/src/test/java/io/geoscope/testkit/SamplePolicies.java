package io.geoscope.testkit;

import io.geoscope.core.Condition;
import io.geoscope.core.Effect;
import io.geoscope.core.Exemption;
import io.geoscope.core.Feature;
import io.geoscope.core.InstrumentKind;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.Mode;
import io.geoscope.core.Policy;
import io.geoscope.core.PolicyValidationException;
import io.geoscope.core.Rule;
import io.geoscope.core.Scope;
import java.time.LocalDate;
import java.util.Set;

/** Hand-written policies of the shape compliance engineers write, built in the tests. */
final class SamplePolicies {
  private SamplePolicies() {}

  static final LegalBasis OFAC_ITSR =
      LegalBasis.builder()
          .authority("OFAC")
          .home("US")
          .territory("US", "IR")
          .extraterritorial("US persons may not export services to Iran")
          .kind(InstrumentKind.SANCTIONS)
          .citation("31 CFR part 560")
          .build();

  static final Rule CN_JUNE_FOURTH =
      Rule.builder("cn-june-fourth")
          .basis(
              LegalBasis.builder()
                  .authority("CAC")
                  .home("CN")
                  .kind(InstrumentKind.REGULATION)
                  .citation("Provisions on Internet Information Content art. 6")
                  .build())
          .appliesIn("CN")
          .when(new Condition(Set.of("june-fourth"), Set.of(), Set.of()))
          .effect(Effect.denyJoin())
          .build();

  static final Rule IR_OFAC =
      Rule.builder("ir-ofac").basis(OFAC_ITSR).appliesIn("IR").effect(Effect.denyJoin()).build();

  static final Rule DE_RECORDING_NOTICE =
      Rule.builder("de-recording-notice")
          .basis(
              LegalBasis.builder()
                  .authority("Bundestag")
                  .home("DE")
                  .kind(InstrumentKind.STATUTE)
                  .citation("StGB 201")
                  .build())
          .appliesIn("DE")
          .when(new Condition(Set.of(), Set.of(), Set.of(Feature.RECORDING, Feature.CLOUD_RECORDING)))
          .effect(Effect.notice("recording-consent"))
          .mode(Mode.SHADOW)
          .build();

  static final Rule US_CA_CLOUD_RECORDING =
      Rule.builder("us-ca-cloud-recording")
          .basis(
              LegalBasis.builder()
                  .authority("California Legislature")
                  .home("US-CA")
                  .kind(InstrumentKind.STATUTE)
                  .citation("Cal. Penal Code 632")
                  .build())
          .appliesIn("US-CA")
          .effect(Effect.disable(Set.of(Feature.CLOUD_RECORDING)))
          .build();

  static final Rule RU_EXPIRED =
      Rule.builder("ru-transfer-notice")
          .basis(
              LegalBasis.builder()
                  .authority("Roskomnadzor")
                  .home("RU")
                  .kind(InstrumentKind.REGULATION)
                  .citation("152-FZ art. 12")
                  .effective(LocalDate.of(2021, 3, 1))
                  .expires(LocalDate.of(2025, 9, 1))
                  .build())
          .appliesIn("RU")
          .effect(Effect.notice("data-transfer"))
          .build();

  static final Exemption GL_D2 =
      new Exemption(
          "gl-d2",
          LegalBasis.builder()
              .authority("OFAC")
              .home("US")
              .territory("US", "IR")
              .extraterritorial("general licence for personal communications with Iran")
              .kind(InstrumentKind.GENERAL_LICENCE)
              .citation("ITSR General License D-2")
              .effective(LocalDate.of(2022, 9, 23))
              .build(),
          Scope.of("IR"),
          Set.of("ir-ofac"));

  static final Exemption CA_CONSENT =
      new Exemption(
          "ca-all-party-consent",
          LegalBasis.builder()
              .authority("California Legislature")
              .home("US-CA")
              .kind(InstrumentKind.STATUTE)
              .citation("Cal. Penal Code 633.5")
              .build(),
          Scope.of("US-CA"),
          Set.of("us-ca-cloud-recording"));

  /** Five rules (one shadow, one expiring), a general licence and a consent exemption. */
  static Policy realistic() {
    try {
      return Policy.builder("2026-06-01").operator(io.geoscope.core.Operator.of("Example Meetings Inc.", "US"))
          .rule(CN_JUNE_FOURTH)
          .rule(IR_OFAC)
          .rule(DE_RECORDING_NOTICE)
          .rule(US_CA_CLOUD_RECORDING)
          .rule(RU_EXPIRED)
          .exemption(GL_D2)
          .exemption(CA_CONSENT)
          .build();
    } catch (PolicyValidationException e) {
      throw new AssertionError(e);
    }
  }
}
