package io.geoscope.core;

/** Why a participant's jurisdiction could not be determined. */
public enum UnknownReason {
  /** The location source had no entry for the participant (e.g. an address the database lacks). */
  NOT_FOUND("not-found"),
  /** The address is not publicly routable (private, loopback, link-local, CGNAT, documentation...). */
  NON_ROUTABLE("non-routable"),
  /** The address belongs to an anonymizer (VPN, Tor exit, hosting provider, proxy). */
  ANONYMIZER("anonymizer"),
  /** Two or more location signals disagree. */
  CONFLICTING_SIGNALS("conflicting-signals"),
  /** No location evidence was supplied at all. */
  NO_EVIDENCE("no-evidence");

  private final String code;

  UnknownReason(String code) {
    this.code = code;
  }

  /** The stable, lower-case, hyphenated name used in files, events and reports. */
  public String code() {
    return code;
  }

  /**
   * Returns the reason with the given {@link #code()}.
   *
   * @throws IllegalArgumentException if no reason has that code
   */
  public static UnknownReason fromCode(String code) {
    for (UnknownReason r : values()) {
      if (r.code.equals(code)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown reason code '" + code + "'");
  }
}
