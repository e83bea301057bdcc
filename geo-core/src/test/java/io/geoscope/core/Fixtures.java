package io.geoscope.core;

import java.time.Instant;

/** Hand-written laws and participants shared by the example-based tests. */
final class Fixtures {
  private Fixtures() {}

  static final Instant NOW = Instant.parse("2026-06-04T08:00:00Z");

  /** The operator of the test policies: subject to US law. */
  static final Operator OPERATOR = Operator.of("Example Meetings Inc.", "US");

  /** The Cybersecurity Law of the PRC, enforced by the CAC: binding in mainland China only. */
  static LegalBasis cybersecurityLaw() {
    return LegalBasis.builder()
        .authority("Cyberspace Administration of China")
        .home("CN")
        .kind(InstrumentKind.STATUTE)
        .citation("Cybersecurity Law of the PRC, art. 12")
        .build();
  }

  /** US sanctions on Iran, binding on participants located in Iran (extraterritorial). */
  static LegalBasis iranSanctions() {
    return LegalBasis.builder()
        .authority("OFAC")
        .territory("IR")
        .extraterritorial("IEEPA: US persons may not export services to Iran")
        .kind(InstrumentKind.SANCTIONS)
        .citation("31 CFR part 560")
        .build();
  }

  /** A participant placed by hand in {@code code} (a country, a subdivision) with a role. */
  static Participant at(String id, Role role, String code) {
    return new Participant(
        id, role, Evidence.of(Jurisdiction.of(code), LocationSource.DECLARED, "test"));
  }

  /**
   * The policy of these rules and exemptions under {@link #OPERATOR}, whose authorities all come
   * from the catalogue; a rejection is a mistake in the test.
   */
  static Policy policy(java.util.List<Rule> rules, java.util.List<Exemption> exemptions) {
    return Policy.of("fixture", java.util.Optional.of(OPERATOR), java.util.List.of(), rules,
        exemptions);
  }

  /** The engine's plain admit under {@code version} for {@code evidence}: nothing matched. */
  static Decision plainAdmit(String version, Evidence evidence) {
    return Decision.admitted(version, evidence);
  }
}
