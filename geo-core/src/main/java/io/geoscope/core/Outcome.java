package io.geoscope.core;

/** The outcome of a decision for one participant. */
public enum Outcome {
  /** Admitted with no effect. */
  ADMIT("admit"),
  /** Admitted, with features disabled or a notice shown to this participant. */
  ADMIT_LIMITED("admit-limited"),
  /** This participant may not join. Nobody else is affected. */
  DENY("deny");

  private final String code;

  Outcome(String code) {
    this.code = code;
  }

  /** The stable name used in events, reports and the CLI. */
  public String code() {
    return code;
  }
}
