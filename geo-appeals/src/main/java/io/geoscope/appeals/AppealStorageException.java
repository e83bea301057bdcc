package io.geoscope.appeals;

/**
 * The database failed (unreachable, crashed mid-transaction, migration refused). The operation
 * was rolled back or never reached the database: it was not acknowledged and may be retried.
 */
public final class AppealStorageException extends AppealException {
  private static final long serialVersionUID = 1L;
  private final String sqlState;

  /** A storage failure during {@code operation}, with the driver's SQLState (or empty). */
  public AppealStorageException(String operation, String sqlState, Throwable cause) {
    super("appeal store failed during " + operation
        + (sqlState.isEmpty() ? "" : " (SQLState " + sqlState + ")"), cause);
    this.sqlState = sqlState;
  }

  /** The driver's SQLState, or empty if it gave none. */
  public String sqlState() {
    return sqlState;
  }
}
