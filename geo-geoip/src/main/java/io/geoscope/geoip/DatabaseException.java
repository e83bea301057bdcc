package io.geoscope.geoip;

import static java.util.Objects.requireNonNull;


/**
 * A MaxMind DB file could not be put into service: it is unreadable, corrupt, of the wrong kind, or
 * its build date is implausible. The message names the file and the reason, never an IP address.
 *
 * <p>When a {@linkplain GeoResolver#reload(java.nio.file.Path) reload} fails with this exception,
 * the database already in service stays in service.
 */
public final class DatabaseException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a database was refused. */
  public enum Reason {
    /** The file could not be read (missing, not a regular file, permission, I/O error, too big). */
    UNREADABLE,
    /** The file is not a well-formed MaxMind DB (metadata, search tree or data section). */
    CORRUPT,
    /** The file is well formed but does not hold the records this use needs. */
    WRONG_SCHEMA,
    /** The build epoch lies implausibly far in the future (more than a year from now). */
    IMPLAUSIBLE_BUILD_EPOCH,
    /** The build epoch is older than the database in service; reload with force to accept it. */
    OLDER_THAN_IN_SERVICE,
    /**
     * The database is of a coarser kind than the one in service (country-only replacing one with
     * subdivisions); reload with force to accept it.
     */
    COARSER_THAN_IN_SERVICE,
    /**
     * Compiling the file would exceed one of the {@link DatabaseLimits} (depth, decode budget,
     * compile time, file size); the message names the limit and its value.
     */
    RESOURCE_LIMIT
  }

  private final Reason reason;
  private final String fileName;

  /**
   * Creates an exception for {@code fileName} (a file name, not a path with user data).
   *
   * @param reason why the file was refused
   * @param fileName the file's name, for the message
   * @param detail what exactly is wrong; anything in it that looks like an IP address is replaced
   *     by {@code <address>}, anything unprintable by {@code ?}, and it is cut at 1,024 characters
   * @param cause the underlying failure, or {@code null}
   */
  public DatabaseException(
      Reason reason,
      String fileName,
      String detail,
      @org.jspecify.annotations.Nullable Throwable cause) {
    super(
        requireNonNull(fileName, "fileName")
            + ": "
            + requireNonNull(reason, "reason")
            + ": "
            + redact(requireNonNull(detail, "detail")),
        cause);
    this.reason = reason;
    this.fileName = fileName;
  }

  static String redact(String detail) {
    return UntrustedText.bounded(detail, 1024);
  }

  /** Why the database was refused. */
  public Reason reason() {
    return reason;
  }

  /** The name of the refused file. */
  public String fileName() {
    return fileName;
  }
}
