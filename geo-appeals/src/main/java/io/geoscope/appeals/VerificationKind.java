package io.geoscope.appeals;


/**
 * A kind of verification an appellant offers. Only the kind is recorded: never the document, its
 * number, an address or an IP; the reviewer sees the evidence itself outside Geoscope.
 */
public enum VerificationKind {
  /** A government-issued identity document showing residence. */
  IDENTITY_DOCUMENT("identity-document"),
  /** A utility bill, lease or bank statement showing an address. */
  PROOF_OF_ADDRESS("proof-of-address"),
  /** An employer's or university's letter. */
  INSTITUTION_LETTER("institution-letter"),
  /** A live video call with the reviewer. */
  VIDEO_CALL("video-call"),
  /** Travel records showing the person was not where the evidence placed them. */
  TRAVEL_RECORD("travel-record");

  private final String code;

  VerificationKind(String code) {
    this.code = code;
  }

  /** The stable lower-case, hyphenated name used in the database, the CLI and exports. */
  public String code() {
    return code;
  }

  /**
   * The kind with the given {@link #code()}.
   *
   * @throws IllegalArgumentException if no kind has that code
   */
  public static VerificationKind fromCode(String code) {
    return Codes.parse(values(), VerificationKind::code, code, "verification kind");
  }
}
