package io.geoscope.appeals;


/** Where an appeal stands. Only {@link #PENDING} can change, and only once. */
public enum AppealStatus {
  /** Filed, not yet reviewed. */
  PENDING("pending"),
  /** A reviewer verified the claimed location; the account has a verified location. */
  APPROVED("approved"),
  /** A reviewer could not verify the claimed location. */
  DENIED("denied"),
  /** Lapsed without a decision, e.g. the verification asked for never came. */
  EXPIRED("expired");

  private final String code;

  AppealStatus(String code) {
    this.code = code;
  }

  /** The stable lower-case name stored in the database and written in exports. */
  public String code() {
    return code;
  }

  /**
   * The status with the given {@link #code()}.
   *
   * @throws IllegalArgumentException if no status has that code
   */
  public static AppealStatus fromCode(String code) {
    return Codes.parse(values(), AppealStatus::code, code, "appeal status");
  }
}
