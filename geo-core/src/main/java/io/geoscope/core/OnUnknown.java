package io.geoscope.core;

/** What a rule does for a participant whose jurisdiction is unknown. */
public enum OnUnknown {
  /** The rule does not apply (default): no location, no law. */
  SKIP("skip"),
  /** The rule applies, e.g. a sanctions rule that must deny anonymized access. */
  APPLY("apply");

  private final String code;

  OnUnknown(String code) {
    this.code = code;
  }

  /** The stable name used in policy files. */
  public String code() {
    return code;
  }

  /**
   * Returns the value with the given {@link #code()}.
   *
   * @throws IllegalArgumentException if no value has that code
   */
  public static OnUnknown fromCode(String code) {
    for (OnUnknown o : values()) {
      if (o.code.equals(code)) {
        return o;
      }
    }
    throw new IllegalArgumentException("unknown on-unknown '" + code + "' (skip, apply)");
  }
}
