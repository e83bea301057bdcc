package io.geoscope.tokens;

import io.geoscope.core.Condition;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Effect;
import io.geoscope.core.Evidence;
import io.geoscope.core.Feature;
import io.geoscope.core.InstrumentKind;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.Role;
import io.geoscope.core.Rule;
import java.util.Set;

/** Small real policies the token tests decide with. */
final class Policies {
  private Policies() {}

  static final LegalBasis CN =
      LegalBasis.builder().authority("Cyberspace Administration of China").home("CN")
          .kind(InstrumentKind.STATUTE).citation("Cybersecurity Law of the PRC, art. 12").build();

  static final LegalBasis RU =
      LegalBasis.builder().authority("Roskomnadzor").home("RU")
          .kind(InstrumentKind.REGULATION).citation("Federal Law 149-FZ").build();

  static final LegalBasis DE =
      LegalBasis.builder().authority("Bundestag").home("DE")
          .kind(InstrumentKind.STATUTE).citation("StGB 201").build();

  /** CN denied in june-fourth meetings; RU loses the given features; DE gets a notice. */
  static DecisionEngine engine(Set<Feature> ruDisabled) {
    Policy.Builder b = Policy.builder("test")
        .rule(Rule.builder("cn").basis(CN).appliesIn("CN").when(Condition.anyTag("june-fourth"))
            .effect(Effect.denyJoin()).build())
        .rule(Rule.builder("de-consent").basis(DE).appliesIn("DE")
            .effect(Effect.notice("recording-consent")).build());
    if (!ruDisabled.isEmpty()) {
      b.rule(Rule.builder("ru").basis(RU).appliesIn("RU").effect(Effect.disable(ruDisabled)).build());
    }
    try {
      return DecisionEngine.builder(b.build()).build();
    } catch (io.geoscope.core.PolicyValidationException e) {
      throw new AssertionError(e);
    }
  }

  static Participant in(String code) {
    return new Participant("p-" + code, Role.ATTENDEE,
        Evidence.of(Jurisdiction.of(code), LocationSource.DECLARED, "test"));
  }
}
