package io.geoscope.core;

/** What a rule scoped to a subdivision does for a participant placed only at country level in that subdivision's country. */
public enum OnImprecise {
  /** The default: the rule does not apply; the placement does not say the participant is in the subdivision. */
  SKIP("skip"),
  /** The rule applies, e.g. a Crimea sanctions rule for a participant placed only in Ukraine; permitted only where {@code on-unknown: apply} is. */
  APPLY("apply");

  private final String code;

  OnImprecise(String code) {
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
  public static OnImprecise fromCode(String code) {
    for (OnImprecise v : values()) {
      if (v.code.equals(code)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "unknown onimprecise '" + code + "' (skip, apply)");
  }
}
