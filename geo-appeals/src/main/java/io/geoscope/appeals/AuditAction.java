package io.geoscope.appeals;


/** What an audit record says happened to an appeal. */
public enum AuditAction {
  /** The appeal was filed. */
  FILED("filed"),
  /** A reviewer approved it and a verified location was granted. */
  APPROVED("approved"),
  /** A reviewer denied it. */
  DENIED("denied"),
  /** It lapsed without a decision. */
  EXPIRED("expired");

  private final String code;

  AuditAction(String code) {
    this.code = code;
  }

  /** The stable lower-case name stored in the database and written in exports. */
  public String code() {
    return code;
  }

  /**
   * The action with the given {@link #code()}.
   *
   * @throws IllegalArgumentException if no action has that code
   */
  public static AuditAction fromCode(String code) {
    return Codes.parse(values(), AuditAction::code, code, "audit action");
  }
}
