package io.geoscope.core;

/** The kind of legal instrument a rule or exemption rests on. */
public enum InstrumentKind {
  /** A law passed by a legislature. */
  STATUTE("statute"),
  /** A regulation made under a statute. */
  REGULATION("regulation"),
  /** An order of a court. */
  COURT_ORDER("court-order"),
  /** A sanctions programme. */
  SANCTIONS("sanctions"),
  /** An export control: restricts providing goods, software or services to places or persons. */
  EXPORT_CONTROL("export-control"),
  /** A general licence authorising what a sanctions programme would otherwise prohibit. */
  GENERAL_LICENCE("general-licence");

  private final String code;

  InstrumentKind(String code) {
    this.code = code;
  }

  /**
   * True for the kinds that may reach outside their authority's home: sanctions and export
   * controls (and the general licences lifting them), under the operator's own law.
   */
  public boolean mayReachAbroad() {
    return this == SANCTIONS || this == EXPORT_CONTROL || this == GENERAL_LICENCE;
  }

  /** The stable name used in policy files. */
  public String code() {
    return code;
  }

  /**
   * Returns the kind with the given {@link #code()}.
   *
   * @throws IllegalArgumentException if no kind has that code
   */
  public static InstrumentKind fromCode(String code) {
    for (InstrumentKind k : values()) {
      if (k.code.equals(code)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown instrument kind '" + code
            + "' (statute, regulation, court-order, sanctions, export-control, general-licence)");
  }
}
