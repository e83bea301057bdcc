package io.geoscope.core;

/** How precisely evidence placed a participant: nowhere, in a country, or in a subdivision. */
public enum Precision {
  /** The evidence placed the participant nowhere (the jurisdiction is unknown). */
  NONE("none"),
  /** The evidence placed the participant in a country, not in which subdivision (a flat country database, a City record without subdivisions, a number that maps only to a country). */
  COUNTRY("country"),
  /** The evidence placed the participant in a subdivision (ISO 3166-2). */
  SUBDIVISION("subdivision");

  private final String code;

  Precision(String code) {
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
  public static Precision fromCode(String code) {
    for (Precision v : values()) {
      if (v.code.equals(code)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "unknown precision '" + code + "' (none, country, subdivision)");
  }
}
