package io.geoscope.core;

/**
 * A participant's role in a meeting. Carried for reporting only: the decision engine never looks
 * at it, so a host is treated exactly like any other participant at the same location.
 */
public enum Role {
  /** The meeting's host. */
  HOST("host"),
  /** A co-host. */
  CO_HOST("co-host"),
  /** A webinar panelist. */
  PANELIST("panelist"),
  /** An ordinary attendee. */
  ATTENDEE("attendee");

  private final String code;

  Role(String code) {
    this.code = code;
  }

  /** The stable, lower-case, hyphenated name. */
  public String code() {
    return code;
  }

  /**
   * Returns the role with the given {@link #code()}.
   *
   * @throws IllegalArgumentException if no role has that code
   */
  public static Role fromCode(String code) {
    for (Role r : values()) {
      if (r.code.equals(code)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown role '" + code + "' (host, co-host, panelist, attendee)");
  }
}
