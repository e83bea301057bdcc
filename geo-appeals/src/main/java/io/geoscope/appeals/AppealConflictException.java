package io.geoscope.appeals;

/**
 * Another review got there first: the appeal is no longer pending (or changed concurrently), so
 * this review was not recorded. The winning outcome is {@link #current()}.
 */
public final class AppealConflictException extends AppealException {
  private static final long serialVersionUID = 1L;
  private final String appealId;
  private final AppealStatus current;

  /** A conflict on {@code appealId}, whose status is now {@code current}. */
  public AppealConflictException(String appealId, AppealStatus current) {
    this(appealId, current,
        "appeal " + appealId + " is already " + current.code() + "; this review was not recorded");
  }

  /** A conflict on {@code appealId}, whose status is now {@code current}, explained by {@code message}. */
  public AppealConflictException(String appealId, AppealStatus current, String message) {
    super(message, null);
    this.appealId = appealId;
    this.current = current;
  }

  /** The appeal. */
  public String appealId() {
    return appealId;
  }

  /** Its status after the review that won. */
  public AppealStatus current() {
    return current;
  }
}
