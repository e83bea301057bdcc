package io.geoscope.core;

/** What evidence binds a rule when a participant has several location signals. */
public enum EvidenceStandard {
  /** The default: the jurisdiction chosen by precedence. When signals disagree at country level a rule that is not a sanctions rule does not apply: conflicts can only narrow it. */
  PRIMARY("primary"),
  /** The rule applies if any signal places the participant in its scope, as sanctions practice expects; permitted only where {@code on-unknown: apply} is. */
  ANY("any");

  private final String code;

  EvidenceStandard(String code) {
    this.code = code;
  }

  /** The stable, lower-case, hyphenated name used in policy files, events and reports. */
  public String code() {
    return code;
  }

  /**
   * Returns the value with the given {@link #code()}.
   *
   * @throws IllegalArgumentException if no value has that code
   */
  public static EvidenceStandard fromCode(String code) {
    for (EvidenceStandard v : values()) {
      if (v.code.equals(code)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "unknown evidencestandard '" + code + "' (primary, any)");
  }
}
