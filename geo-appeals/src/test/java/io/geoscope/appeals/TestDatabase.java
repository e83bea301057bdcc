package io.geoscope.appeals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** One real database for a test: a SQLite file or a PostgreSQL database, with raw access. */
abstract class TestDatabase {
  /** When true, new connections fail as if the network to the database were cut. */
  volatile boolean down;

  abstract String url();

  abstract String name();

  /** Opens the store, with connections that fail while {@link #down} is set. */
  AppealStore open() throws Exception {
    String url = url();
    JdbcAppealStore.Connector real = url.startsWith("jdbc:sqlite:")
        ? () -> DriverManager.getConnection(url, sqliteSettings())
        : () -> DriverManager.getConnection(url);
    return JdbcAppealStore.openMigrated(() -> {
      if (down) {
        throw new SQLTransientConnectionException("network to the database is down", "08001");
      }
      return real.connect();
    });
  }

  private static java.util.Properties sqliteSettings() {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("busy_timeout", "30000");
    p.setProperty("foreign_keys", "true");
    p.setProperty("transaction_mode", "IMMEDIATE");
    p.setProperty("synchronous", "FULL");
    p.setProperty("journal_mode", "WAL");
    return p;
  }

  /** A raw connection, bypassing the store. */
  Connection raw() throws SQLException {
    return DriverManager.getConnection(url());
  }

  /** Every row of every table, as text: what a database dump holds. */
  String dumpRows() throws SQLException {
    return dump(false);
  }

  /**
   * The text columns of the appeal tables (not numbers, which are epoch-millisecond times, and not
   * Flyway's history): where a number or address pattern must never match.
   */
  String dumpTextColumns() throws SQLException {
    return dump(true);
  }

  private String dump(boolean textOnly) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Connection c = raw()) {
      List<String> tables = new ArrayList<>();
      DatabaseMetaData md = c.getMetaData();
      try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          boolean ours = !textOnly || !rs.getString("TABLE_NAME").startsWith("flyway");
          if ((schema == null || schema.equals("public")) && ours) {
            tables.add(rs.getString("TABLE_NAME"));
          }
        }
      }
      for (String t : tables) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + t)) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            out.append(t).append(':');
            for (int i = 1; i <= n; i++) {
              int type = rs.getMetaData().getColumnType(i);
              boolean text = type == java.sql.Types.VARCHAR || type == java.sql.Types.CHAR;
              if (!textOnly || text) {
                out.append(' ').append(rs.getString(i));
              }
            }
            out.append('\n');
          }
        }
      }
    }
    return out.toString();
  }

  /** The whole dump: rows, plus the raw database files or pg_dump's output where available. */
  abstract String dump() throws Exception;

  /** A SQLite file in a temp dir. */
  static final class Sqlite extends TestDatabase {
    private final Path file;

    Sqlite(Path dir) {
      this.file = dir.resolve("appeals.db");
    }

    @Override
    String url() {
      return "jdbc:sqlite:" + file;
    }

    @Override
    String name() {
      return "sqlite";
    }

    @Override
    String dump() throws Exception {
      StringBuilder out = new StringBuilder(dumpRows());
      // The files themselves, write-ahead log included: nothing hides in free pages either.
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Path p = Path.of(file + suffix);
        if (Files.exists(p)) {
          out.append(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
      }
      return out.toString();
    }
  }

  /** A new database on the test PostgreSQL server. */
  static final class Postgres extends TestDatabase {
    private final String url;

    Postgres() throws Exception {
      this.url = PgCluster.newDatabase();
    }

    @Override
    String url() {
      return url;
    }

    @Override
    String name() {
      return "postgresql";
    }

    @Override
    String dump() throws Exception {
      StringBuilder out = new StringBuilder(dumpRows());
      var bin = PgCluster.binaries();
      if (bin.isPresent() && Files.isExecutable(bin.get().resolve("pg_dump"))) {
        String conn = url.replace("jdbc:", "").replaceAll("[?&](connectTimeout|socketTimeout)=[^&]*", "");
        out.append(PgCluster.run(List.of(bin.get().resolve("pg_dump").toString(), "--dbname=" + conn), true));
      }
      return out.toString();
    }
  }
}
