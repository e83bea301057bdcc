package io.geoscope.core;

/** How a participant's location was established. */
public enum LocationSource {
  /** Geolocation of the participant's IP address against a database. */
  IP_GEOLOCATION("ip-geolocation"),
  /** The country of a dial-in number the participant called from. */
  DIAL_IN("dial-in"),
  /** The configured location of a room system. */
  ROOM_SYSTEM("room-system"),
  /** The participant's own declaration. */
  DECLARED("declared"),
  /**
   * A location a reviewer verified for the participant's account (an approved appeal); it
   * replaces the account's other location evidence and restricts like any other evidence.
   */
  VERIFIED("verified"),
  /** No evidence was available. */
  NONE("none");

  private final String code;

  LocationSource(String code) {
    this.code = code;
  }

  /** The stable, lower-case, hyphenated name used in files, events and reports. */
  public String code() {
    return code;
  }

  /**
   * Returns the source with the given {@link #code()}.
   *
   * @throws IllegalArgumentException if no source has that code
   */
  public static LocationSource fromCode(String code) {
    for (LocationSource s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown location source '" + code + "'");
  }
}
