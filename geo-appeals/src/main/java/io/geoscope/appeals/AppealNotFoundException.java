package io.geoscope.appeals;

/** No appeal has the given id. */
public final class AppealNotFoundException extends AppealException {
  private static final long serialVersionUID = 1L;
  private final String appealId;

  /** No appeal {@code appealId}. */
  public AppealNotFoundException(String appealId) {
    super("no appeal " + appealId, null);
    this.appealId = appealId;
  }

  /** The id that was asked for. */
  public String appealId() {
    return appealId;
  }
}
