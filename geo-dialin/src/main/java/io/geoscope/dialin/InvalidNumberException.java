package io.geoscope.dialin;

/**
 * A dial-in number was refused. The message names the reason and the input's length, never a digit
 * of the number, so it is safe to log.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class InvalidNumberException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Why a number was refused. */
  public enum Reason {
    /** The input is longer than {@link DialInResolver#MAX_INPUT_LENGTH} characters. */
    INPUT_TOO_LONG("the input is too long to be a telephone number"),
    /** The number does not start with {@code +}: only international (E.164) numbers are placed. */
    NOT_INTERNATIONAL("the number is not in international form (it must start with '+')"),
    /** The text is not a telephone number at all. */
    NOT_A_NUMBER("the text is not a telephone number"),
    /** No country uses the country calling code. */
    UNKNOWN_COUNTRY_CODE("no country uses its country calling code"),
    /** Too few digits. */
    TOO_SHORT("it has too few digits"),
    /** Too many digits. */
    TOO_LONG("it has too many digits"),
    /** Well formed, but in no range the country assigns. */
    NOT_ASSIGNED("it is in no range its country assigns");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    /** A sentence fragment saying what was wrong, without the number. */
    public String description() {
      return description;
    }
  }

  private final Reason reason;
  private final int inputLength;

  /** A refusal for {@code reason} of an input of {@code inputLength} characters. */
  public InvalidNumberException(Reason reason, int inputLength) {
    super("dial-in number refused: " + reason.description() + " (" + inputLength + " characters)");
    this.reason = reason;
    this.inputLength = inputLength;
  }

  /** Why the number was refused. */
  public Reason reason() {
    return reason;
  }

  /** The length of the refused input, in characters. */
  public int inputLength() {
    return inputLength;
  }
}
