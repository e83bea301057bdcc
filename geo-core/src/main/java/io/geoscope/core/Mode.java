package io.geoscope.core;

/** Whether a rule acts or is only observed. */
public enum Mode {
  /** The rule's effect is applied. */
  ENFORCE("enforce"),
  /** The rule is evaluated and reported as a shadow match, but never changes an outcome. */
  SHADOW("shadow");

  private final String code;

  Mode(String code) {
    this.code = code;
  }

  /** The stable name used in policy files. */
  public String code() {
    return code;
  }

  /**
   * Returns the mode with the given {@link #code()}.
   *
   * @throws IllegalArgumentException if no mode has that code
   */
  public static Mode fromCode(String code) {
    for (Mode m : values()) {
      if (m.code.equals(code)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown mode '" + code + "' (enforce, shadow)");
  }
}
