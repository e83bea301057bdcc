package io.geoscope.appeals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Appeals, their reviews, verified locations and the audit trail, in a database: SQLite for one
 * machine ({@link #embedded(Path)}) or PostgreSQL ({@link #open(String)} with a {@code
 * jdbc:postgresql:} URL). Opening migrates the schema with Flyway.
 *
 * <p>Every write is one transaction that either happens whole (appeal, review, verified location
 * and audit record together) and is durable when the method returns, or throws and leaves nothing
 * behind. Of concurrent reviews of one appeal exactly one is recorded; the others get {@link
 * AppealConflictException}. Nothing stored is an IP address, a phone number or a document: inputs
 * are checked where they are built ({@link AppealRequest}, {@link Review}).
 *
 * <p>Implementations are thread-safe; one instance may serve a whole application. A store opened
 * from a URL opens a connection per operation; pass a pooled {@link DataSource} to {@link
 * #open(DataSource)} in production.
 *
 * <pre>{@code
 * try (AppealStore store = AppealStore.embedded(Path.of("appeals.db"))) {
 *   Appeal a = store.file(new AppealRequest("acct-7", Jurisdiction.of("UA-43"),
 *       Jurisdiction.of("UA-30"), Set.of(VerificationKind.PROOF_OF_ADDRESS), "acct-7", now, "v1"));
 *   store.approve(a.id(), new Review("rev-1", "lease in Kyiv", now, "v1"), now.plus(Duration.ofDays(365)));
 * }
 * }</pre>
 */
public interface AppealStore extends AutoCloseable {

  /**
   * Opens (creating if absent) the embedded SQLite store in {@code file}: write-ahead log,
   * synchronous commits, foreign keys on.
   *
   * @throws AppealStorageException if the file cannot be opened or migrated
   */
  static AppealStore embedded(Path file) throws AppealStorageException {
    return JdbcAppealStore.open("jdbc:sqlite:" + file.toAbsolutePath());
  }

  /**
   * Opens the store at a JDBC URL, {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://...}
   * (credentials as URL parameters), and migrates it.
   *
   * @throws AppealStorageException if the database cannot be reached or migrated
   * @throws IllegalArgumentException for another kind of URL
   */
  static AppealStore open(String jdbcUrl) throws AppealStorageException {
    return JdbcAppealStore.open(jdbcUrl);
  }

  /**
   * Opens the store over a (pooled) data source of SQLite or PostgreSQL, and migrates it.
   *
   * @throws AppealStorageException if the database cannot be reached or migrated
   * @throws IllegalArgumentException for another database
   */
  static AppealStore open(DataSource dataSource) throws AppealStorageException {
    return JdbcAppealStore.open(dataSource);
  }

  /**
   * Files an appeal; it is pending, with one audit record ({@code filed}).
   *
   * @throws AppealStorageException if it was not stored
   */
  Appeal file(AppealRequest request) throws AppealException;

  /**
   * Approves a pending appeal: records the review, gives the account the verified location {@code
   * claimed} until {@code verifiedUntil} (replacing any earlier one) and appends an audit record.
   *
   * @throws AppealNotFoundException if there is no such appeal
   * @throws AppealConflictException if it is no longer pending (another review won)
   * @throws AppealStorageException if nothing could be stored
   * @throws IllegalArgumentException if {@code verifiedUntil} is not after the review
   */
  Appeal approve(String appealId, Review review, Instant verifiedUntil) throws AppealException;

  /**
   * Denies a pending appeal: records the review and appends an audit record.
   *
   * @throws AppealNotFoundException if there is no such appeal
   * @throws AppealConflictException if it is no longer pending
   * @throws AppealStorageException if nothing could be stored
   */
  Appeal deny(String appealId, Review review) throws AppealException;

  /**
   * Marks a pending appeal expired (it lapsed without a decision) and appends an audit record.
   *
   * @throws AppealNotFoundException if there is no such appeal
   * @throws AppealConflictException if it is no longer pending
   * @throws AppealStorageException if nothing could be stored
   */
  Appeal expire(String appealId, Review review) throws AppealException;

  /**
   * Expires every appeal still pending that was filed before {@code filedBefore}, each in its own
   * transaction; an appeal a reviewer decides meanwhile is left as decided.
   *
   * @return the appeals this call expired
   * @throws AppealStorageException if the database failed (those already expired stay expired)
   */
  List<Appeal> expireLapsed(Instant filedBefore, Review review) throws AppealException;

  /**
   * The appeal with this id.
   *
   * @throws AppealNotFoundException if there is none
   */
  Appeal find(String appealId) throws AppealException;

  /** Every appeal, oldest first. */
  List<Appeal> list() throws AppealStorageException;

  /** Every appeal with this status, oldest first. */
  List<Appeal> list(AppealStatus status) throws AppealStorageException;

  /**
   * The account's verified location, expired or not (callers compare {@link
   * VerifiedLocation#expiresAt()}): one primary-key query.
   */
  Optional<VerifiedLocation> verifiedLocation(String accountId) throws AppealStorageException;

  /** The audit trail of one appeal, in order. */
  List<AuditRecord> audit(String appealId) throws AppealStorageException;

  /** Every audit record with {@code from <= at < to}, in time order. */
  List<AuditRecord> audit(Instant from, Instant to) throws AppealStorageException;

  /**
   * Appeals per jurisdiction they were placed in, for {@code [from, to)}: received (filed in the
   * period), approved, denied and expired (decided in it), and pending at its end.
   */
  AppealsReport report(Instant from, Instant to) throws AppealStorageException;

  /** Releases the store's resources; further calls fail. */
  @Override
  void close();
}
