package io.geoscope.core;

/** What a rule does for a participant whose evidence says it comes through an anonymizer. */
public enum OnAnonymizer {
  /** The default: the anonymizer facts change nothing for this rule; the placement decides (and the resolver's global {@code anonymizersAreUnknown} switch still makes such placements unknown). */
  IGNORE("ignore"),
  /** The rule never acts on an anonymized signal: such a signal places the participant nowhere for it. */
  SKIP("skip"),
  /** The rule applies to every anonymized participant wherever placed, e.g. a sanctions rule denying Tor exits; permitted only where {@code on-unknown: apply} is. */
  APPLY("apply");

  private final String code;

  OnAnonymizer(String code) {
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
  public static OnAnonymizer fromCode(String code) {
    for (OnAnonymizer v : values()) {
      if (v.code.equals(code)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "unknown onanonymizer '" + code + "' (ignore, skip, apply)");
  }
}
