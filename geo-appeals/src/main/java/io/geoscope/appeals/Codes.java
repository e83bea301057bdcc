package io.geoscope.appeals;

import java.util.function.Function;

/** Parses the stable codes the public enums store and print. */
final class Codes {
  private Codes() {}

  /**
   * The constant whose code is {@code code}.
   *
   * @throws IllegalArgumentException naming {@code what} if none has it
   */
  public static <E extends Enum<E>> E parse(
      E[] values, Function<E, String> codeOf, String code, String what) {
    for (E e : values) {
      if (codeOf.apply(e).equals(code)) {
        return e;
      }
    }
    // Codes are short lower-case words; anything else is not echoed (it could be personal data).
    boolean echo = code.matches("[a-z][a-z-]{0,31}");
    throw new IllegalArgumentException(
        "unknown " + what + (echo ? " '" + code + "'" : " (not a lower-case code)"));
  }
}
