package io.geoscope.appeals;

import static java.util.Objects.requireNonNull;

import io.geoscope.appeals.Appeal;
import io.geoscope.appeals.AppealConflictException;
import io.geoscope.appeals.AppealException;
import io.geoscope.appeals.AppealNotFoundException;
import io.geoscope.appeals.AppealRequest;
import io.geoscope.appeals.AppealStatus;
import io.geoscope.appeals.AppealStorageException;
import io.geoscope.appeals.AppealStore;
import io.geoscope.appeals.AppealsReport;
import io.geoscope.appeals.AuditAction;
import io.geoscope.appeals.AuditRecord;
import io.geoscope.appeals.Review;
import io.geoscope.appeals.VerificationKind;
import io.geoscope.appeals.VerifiedLocation;
import io.geoscope.core.Jurisdiction;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;

/**
 * The {@link AppealStore} over plain JDBC, for SQLite and PostgreSQL. Each write is one
 * transaction; a review updates the appeal only if its version is still the one read, so of two
 * concurrent reviews the second updates nothing and reports a conflict. Thread-safe: it holds no
 * connection between operations.
 */
final class JdbcAppealStore implements AppealStore {

  /** Opens a connection; SQLException is the only failure. */
  @FunctionalInterface
  public interface Connector {
    /** A new connection the caller closes. */
    Connection connect() throws SQLException;
  }

  /** The databases the migrations are written for (Flyway's {@code {vendor}} folders). */
  enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    final String folder;

    Dialect(String folder) {
      this.folder = folder;
    }
  }

  private static final String APPEAL_COLUMNS =
      "id, account_id, placed_in, claimed, verification, status, filed_at, decided_at, version";
  private static final String AUDIT_COLUMNS =
      "appeal_id, seq, at, actor, action, account_id, jurisdiction, reason, policy_version";
  private static final SecureRandom IDS = new SecureRandom();

  private final Connector connector;
  private final Dialect dialect;
  private volatile boolean closed;

  JdbcAppealStore(Connector connector, Dialect dialect) {
    this.connector = connector;
    this.dialect = dialect;
  }

  /**
   * Opens and migrates the store at a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL.
   *
   * @throws AppealStorageException if it cannot be reached or migrated
   */
  public static JdbcAppealStore open(String url) throws AppealStorageException {
    requireNonNull(url, "jdbcUrl");
    if (url.startsWith("jdbc:sqlite:")) {
      Properties sqlite = sqliteSettings();
      return migrated(() -> DriverManager.getConnection(url, sqlite), Dialect.SQLITE);
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return migrated(() -> DriverManager.getConnection(url), Dialect.POSTGRESQL);
    }
    throw new IllegalArgumentException(
        "the appeal store runs on SQLite (jdbc:sqlite:<file>) or PostgreSQL (jdbc:postgresql:...)");
  }

  /**
   * Opens and migrates the store over a data source of SQLite or PostgreSQL.
   *
   * @throws AppealStorageException if it cannot be reached or migrated
   */
  public static JdbcAppealStore open(DataSource dataSource) throws AppealStorageException {
    requireNonNull(dataSource, "dataSource");
    String product;
    try (Connection c = dataSource.getConnection()) {
      product = c.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw storage("open", e);
    }
    Dialect dialect;
    if ("SQLite".equalsIgnoreCase(product)) {
      dialect = Dialect.SQLITE;
    } else if ("PostgreSQL".equalsIgnoreCase(product)) {
      dialect = Dialect.POSTGRESQL;
    } else {
      throw new IllegalArgumentException(
          "the appeal store runs on SQLite or PostgreSQL, not " + product);
    }
    return migrated(dataSource::getConnection, dialect);
  }

  /**
   * Opens a store without migrating, over any connector; for tests that wrap connections.
   *
   * @throws AppealStorageException if it cannot be reached or migrated
   */
  public static JdbcAppealStore openMigrated(Connector connector) throws AppealStorageException {
    Dialect dialect;
    try (Connection c = connector.connect()) {
      dialect =
          "SQLite".equalsIgnoreCase(c.getMetaData().getDatabaseProductName())
              ? Dialect.SQLITE
              : Dialect.POSTGRESQL;
    } catch (SQLException e) {
      throw storage("open", e);
    }
    return migrated(connector, dialect);
  }

  /** SQLite settings for durability and one writer at a time: WAL, FULL sync, IMMEDIATE. */
  static Properties sqliteSettings() {
    Properties p = new Properties();
    p.setProperty("journal_mode", "WAL");
    p.setProperty("synchronous", "FULL");
    p.setProperty("foreign_keys", "true");
    p.setProperty("busy_timeout", "30000");
    // Every transaction takes the write lock at BEGIN: a read-then-write never fails to upgrade.
    p.setProperty("transaction_mode", "IMMEDIATE");
    return p;
  }

  private static JdbcAppealStore migrated(Connector connector, Dialect dialect)
      throws AppealStorageException {
    try {
      Flyway.configure(JdbcAppealStore.class.getClassLoader())
          .dataSource(new ConnectorDataSource(connector))
          .locations("classpath:db/migration/common", "classpath:db/migration/" + dialect.folder)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new AppealStorageException("migrate", sqlState(e), e);
    }
    return new JdbcAppealStore(connector, dialect);
  }

  private static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        return s.getSQLState();
      }
    }
    return "";
  }

  static AppealStorageException storage(String operation, SQLException e) {
    return new AppealStorageException(operation, sqlState(e), e);
  }

  /** The database this store runs on: {@code sqlite} or {@code postgresql}. */
  public String dialect() {
    return dialect.folder;
  }

  // ---------------------------------------------------------------- writes

  @Override
  public Appeal file(AppealRequest r) throws AppealException {
    requireNonNull(r, "request");
    String id = newId();
    Instant at = millis(r.at());
    String kinds = r.verification().stream()
        .sorted()
        .map(VerificationKind::code)
        .collect(Collectors.joining(","));
    return inTransaction("file", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO appeal (" + APPEAL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 1)")) {
        s.setString(1, id);
        s.setString(2, r.accountId());
        s.setString(3, r.placedIn().code());
        s.setString(4, r.claimed().code());
        s.setString(5, kinds);
        s.setString(6, AppealStatus.PENDING.code());
        s.setLong(7, at.toEpochMilli());
        s.executeUpdate();
      }
      appendAudit(c, new AuditRecord(id, 1, at, r.filedBy(), AuditAction.FILED, r.accountId(),
          r.claimed(), "offers " + kinds, r.policyVersion()));
      return new Appeal(id, r.accountId(), r.placedIn(), r.claimed(), r.verification(),
          AppealStatus.PENDING, at, null, 1);
    });
  }

  @Override
  public Appeal approve(String appealId, Review review, Instant verifiedUntil)
      throws AppealException {
    requireNonNull(verifiedUntil, "verifiedUntil");
    Instant until = millis(verifiedUntil);
    if (!until.isAfter(millis(review.at()))) {
      throw new IllegalArgumentException("verifiedUntil must be after the review");
    }
    return review(appealId, review, AppealStatus.APPROVED, until);
  }

  @Override
  public Appeal deny(String appealId, Review review) throws AppealException {
    return review(appealId, review, AppealStatus.DENIED, null);
  }

  @Override
  public Appeal expire(String appealId, Review review) throws AppealException {
    return review(appealId, review, AppealStatus.EXPIRED, null);
  }

  @Override
  public List<Appeal> expireLapsed(Instant filedBefore, Review review) throws AppealException {
    requireNonNull(filedBefore, "filedBefore");
    List<Appeal> expired = new ArrayList<>();
    for (Appeal a : query("expire", "WHERE status = ? AND filed_at < ? ORDER BY filed_at, id",
        AppealStatus.PENDING.code(), filedBefore.toEpochMilli())) {
      try {
        expired.add(expire(a.id(), review));
      } catch (AppealConflictException decidedMeanwhile) {
        // A reviewer decided it between the scan and this transaction: their outcome stands.
      }
    }
    return List.copyOf(expired);
  }

  private Appeal review(String appealId, Review review, AppealStatus outcome, @Nullable Instant until)
      throws AppealException {
    requireNonNull(appealId, "appealId");
    requireNonNull(review, "review");
    Instant at = millis(review.at());
    return inTransaction(outcome.code(), appealId, c -> {
      Appeal a = findIn(c, appealId);
      if (a.status() != AppealStatus.PENDING) {
        throw new AppealConflictException(appealId, a.status());
      }
      int version = a.version() + 1;
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE appeal SET status = ?, decided_at = ?, version = ? WHERE id = ? AND version = ?")) {
        s.setString(1, outcome.code());
        s.setLong(2, at.toEpochMilli());
        s.setInt(3, version);
        s.setString(4, appealId);
        s.setInt(5, a.version());
        if (s.executeUpdate() != 1) {
          // Another reviewer's transaction committed between our read and our update.
          throw new AppealConflictException(appealId, findIn(c, appealId).status());
        }
      }
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO review (appeal_id, reviewer, outcome, reason, reviewed_at, policy_version)"
              + " VALUES (?, ?, ?, ?, ?, ?)")) {
        s.setString(1, appealId);
        s.setString(2, review.reviewer());
        s.setString(3, outcome.code());
        s.setString(4, review.reason());
        s.setLong(5, at.toEpochMilli());
        s.setString(6, review.policyVersion());
        s.executeUpdate();
      }
      if (until != null) {
        grant(c, a, at, until);
      }
      appendAudit(c, new AuditRecord(appealId, version, at, review.reviewer(),
          AuditAction.fromCode(outcome.code()), a.accountId(), a.claimed(),
          until == null ? review.reason() : review.reason() + " (verified until " + until + ")",
          review.policyVersion()));
      return new Appeal(a.id(), a.accountId(), a.placedIn(), a.claimed(), a.verification(),
          outcome, a.filedAt(), at, version);
    });
  }

  private static void grant(Connection c, Appeal a, Instant at, Instant until) throws SQLException {
    // One statement both databases read alike; a concurrent grant to the same account waits.
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO verified_location (account_id, jurisdiction, appeal_id, verified_at,"
            + " expires_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET"
            + " jurisdiction = excluded.jurisdiction, appeal_id = excluded.appeal_id,"
            + " verified_at = excluded.verified_at, expires_at = excluded.expires_at")) {
      s.setString(1, a.accountId());
      s.setString(2, a.claimed().code());
      s.setString(3, a.id());
      s.setLong(4, at.toEpochMilli());
      s.setLong(5, until.toEpochMilli());
      s.executeUpdate();
    }
  }

  private static void appendAudit(Connection c, AuditRecord r) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO audit (" + AUDIT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, r.appealId());
      s.setInt(2, r.seq());
      s.setLong(3, r.at().toEpochMilli());
      s.setString(4, r.actor());
      s.setString(5, r.action().code());
      s.setString(6, r.accountId());
      s.setString(7, r.jurisdiction().code());
      s.setString(8, r.reason());
      s.setString(9, r.policyVersion());
      s.executeUpdate();
    }
  }

  // ---------------------------------------------------------------- reads

  @Override
  public Appeal find(String appealId) throws AppealException {
    requireNonNull(appealId, "appealId");
    return inTransaction("find", c -> findIn(c, appealId));
  }

  private static Appeal findIn(Connection c, String appealId) throws SQLException, AppealException {
    List<Appeal> found = appeals(c, "WHERE id = ?", appealId);
    if (found.isEmpty()) {
      throw new AppealNotFoundException(appealId);
    }
    return found.get(0);
  }

  @Override
  public List<Appeal> list() throws AppealStorageException {
    return query("list", "ORDER BY filed_at, id");
  }

  @Override
  public List<Appeal> list(AppealStatus status) throws AppealStorageException {
    return query("list", "WHERE status = ? ORDER BY filed_at, id", status.code());
  }

  private List<Appeal> query(String op, String where, Object... args)
      throws AppealStorageException {
    return reading(op, c -> appeals(c, where, args));
  }

  private static List<Appeal> appeals(Connection c, String where, Object... args)
      throws SQLException {
    List<Appeal> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement("SELECT " + APPEAL_COLUMNS + " FROM appeal " + where)) {
      bind(s, args);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long decided = rs.getLong(8);
          boolean pending = rs.wasNull();
          out.add(new Appeal(rs.getString(1), rs.getString(2), Jurisdiction.of(rs.getString(3)),
              Jurisdiction.of(rs.getString(4)), kinds(rs.getString(5)),
              AppealStatus.fromCode(rs.getString(6)), Instant.ofEpochMilli(rs.getLong(7)),
              pending ? null : Instant.ofEpochMilli(decided), rs.getInt(9)));
        }
      }
    }
    return out;
  }

  private static Set<VerificationKind> kinds(String joined) {
    Set<VerificationKind> kinds = EnumSet.noneOf(VerificationKind.class);
    for (String code : joined.split(",")) {
      kinds.add(VerificationKind.fromCode(code));
    }
    return kinds;
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Long l) {
        s.setLong(i + 1, l);
      } else {
        s.setString(i + 1, (String) args[i]);
      }
    }
  }

  @Override
  public Optional<VerifiedLocation> verifiedLocation(String accountId)
      throws AppealStorageException {
    requireNonNull(accountId, "accountId");
    return reading("verified-location", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT jurisdiction, appeal_id, verified_at, expires_at FROM verified_location"
              + " WHERE account_id = ?")) {
        s.setString(1, accountId);
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          return Optional.of(new VerifiedLocation(accountId, Jurisdiction.of(rs.getString(1)),
              rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
              Instant.ofEpochMilli(rs.getLong(4))));
        }
      }
    });
  }

  @Override
  public List<AuditRecord> audit(String appealId) throws AppealStorageException {
    requireNonNull(appealId, "appealId");
    return reading("audit", c -> audits(c, "WHERE appeal_id = ? ORDER BY seq", appealId));
  }

  @Override
  public List<AuditRecord> audit(Instant from, Instant to) throws AppealStorageException {
    return reading("audit", c -> audits(c, "WHERE at >= ? AND at < ? ORDER BY at, appeal_id, seq",
        from.toEpochMilli(), to.toEpochMilli()));
  }

  private static List<AuditRecord> audits(Connection c, String where, Object... args)
      throws SQLException {
    List<AuditRecord> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement("SELECT " + AUDIT_COLUMNS + " FROM audit " + where)) {
      bind(s, args);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new AuditRecord(rs.getString(1), rs.getInt(2),
              Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4),
              AuditAction.fromCode(rs.getString(5)), rs.getString(6),
              Jurisdiction.of(rs.getString(7)), rs.getString(8), rs.getString(9)));
        }
      }
    }
    return out;
  }

  @Override
  public AppealsReport report(Instant from, Instant to) throws AppealStorageException {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("the period must end after it starts");
    }
    long f = from.toEpochMilli();
    long t = to.toEpochMilli();
    return reading("report", c -> {
      // placed_in -> [received, approved, denied, pending, expired]
      TreeMap<String, long[]> counts = new TreeMap<>();
      count(c, counts, "SELECT placed_in, 'received', COUNT(*) FROM appeal"
          + " WHERE filed_at >= ? AND filed_at < ? GROUP BY placed_in", f, t);
      count(c, counts, "SELECT placed_in, status, COUNT(*) FROM appeal"
          + " WHERE decided_at >= ? AND decided_at < ? GROUP BY placed_in, status", f, t);
      count(c, counts, "SELECT placed_in, 'pending', COUNT(*) FROM appeal"
          + " WHERE filed_at < ? AND (decided_at IS NULL OR decided_at >= ?) GROUP BY placed_in",
          t, t);
      List<AppealsReport.Row> rows = new ArrayList<>();
      counts.forEach((code, n) -> rows.add(
          new AppealsReport.Row(Jurisdiction.of(code), n[0], n[1], n[2], n[3], n[4])));
      return new AppealsReport(from, to, rows);
    });
  }

  private static void count(Connection c, TreeMap<String, long[]> counts, String sql, long a,
      long b) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, a);
      s.setLong(2, b);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          int column = switch (rs.getString(2)) {
            case "received" -> 0;
            case "approved" -> 1;
            case "denied" -> 2;
            case "pending" -> 3;
            default -> 4;
          };
          counts.computeIfAbsent(rs.getString(1), k -> new long[5])[column] += rs.getLong(3);
        }
      }
    }
  }

  // ---------------------------------------------------------------- transactions

  /** Work inside one transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException, AppealException;
  }

  /** Work that only reads. */
  @FunctionalInterface
  interface Read<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T reading(String op, Read<T> read) throws AppealStorageException {
    try {
      return inTransaction(op, read::run);
    } catch (AppealStorageException e) {
      throw e;
    } catch (AppealException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private <T> T inTransaction(String op, Work<T> work) throws AppealException {
    return inTransaction(op, "", work);
  }

  private <T> T inTransaction(String op, String appealId, Work<T> work) throws AppealException {
    if (closed) {
      throw new IllegalStateException("the appeal store is closed");
    }
    try (Connection c = connector.connect()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (AppealException | RuntimeException e) {
        rollback(c, e);
        throw e;
      } catch (SQLException e) {
        rollback(c, e);
        throw isConstraintViolation(e) && !appealId.isEmpty() ? conflict(appealId) : storage(op, e);
      }
    } catch (SQLException e) {
      throw storage(op, e);
    }
  }

  /** A unique or check violation during a review: a concurrent review of the same account won. */
  private static boolean isConstraintViolation(SQLException e) {
    String state = e.getSQLState();
    // PostgreSQL: class 23; SQLite (xerial): error code 19, SQLITE_CONSTRAINT.
    return (state != null && state.startsWith("23")) || e.getErrorCode() == 19;
  }

  private static AppealException conflict(String appealId) {
    return new AppealConflictException(appealId, AppealStatus.PENDING,
        "appeal " + appealId + " changed concurrently; this review was not recorded");
  }

  private static void rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static String newId() {
    // Letters only, so no id is ever shaped like a number, an address or a phone number.
    char[] id = new char[12];
    for (int i = 0; i < id.length; i++) {
      id[i] = (char) ('a' + IDS.nextInt(26));
    }
    return "ap-" + new String(id);
  }

  private static Instant millis(Instant at) {
    return Instant.ofEpochMilli(at.toEpochMilli());
  }

  @Override
  public void close() {
    closed = true;
  }
}
