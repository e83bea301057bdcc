package io.geoscope.core;

/**
 * What an area rule does for a participant in the area's country whom the evidence places neither
 * inside nor outside the area (see {@link Placement}).
 */
public enum OnUncertain {
  /** The rule does not apply (default): not known to be inside, not bound. */
  SKIP("skip"),
  /**
   * The rule applies; permitted only under the operator's own law, like {@code on-unknown: apply}.
   */
  APPLY("apply");

  private final String code;

  OnUncertain(String code) {
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
  public static OnUncertain fromCode(String code) {
    for (OnUncertain o : values()) {
      if (o.code.equals(code)) {
        return o;
      }
    }
    throw new IllegalArgumentException("unknown on-uncertain '" + code + "' (skip, apply)");
  }
}
