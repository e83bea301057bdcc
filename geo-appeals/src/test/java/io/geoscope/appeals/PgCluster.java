package io.geoscope.appeals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, throwaway PostgreSQL cluster for tests: initdb in a temp dir, started with pg_ctl on
 * 127.0.0.1 on a free port (no Unix socket), stopped and deleted at the end. Run as {@code
 * nobody} when the tests run as root (initdb refuses root). Or, with {@code GEOSCOPE_PG_URL}, the
 * server {@code .ci/run} started.
 */
final class PgCluster implements AutoCloseable {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static volatile PgCluster shared;

  private final Path bin;
  private final Path dir;
  private final int port;

  private PgCluster(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  /** True when the run must not skip PostgreSQL: CI=true or -Dgeoscope.ci=true. */
  static boolean mustRun() {
    return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("geoscope.ci");
  }

  /** Skips (or, under CI, fails) with a message saying what is missing. */
  static void unavailable(String what) {
    String message = "PostgreSQL half skipped: " + what
        + ". Install Debian's postgresql (initdb and pg_ctl in /usr/lib/postgresql/*/bin) or set"
        + " GEOSCOPE_PG_URL to a server whose user may CREATE DATABASE.";
    if (mustRun()) {
      throw new AssertionError("CI must run the PostgreSQL half, but " + message);
    }
    Assumptions.abort(message);
  }

  /** initdb and pg_ctl: GEOSCOPE_PG_BIN, else the newest /usr/lib/postgresql/N/bin. */
  static Optional<Path> binaries() {
    String env = System.getenv("GEOSCOPE_PG_BIN");
    List<Path> candidates = new ArrayList<>();
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env));
    }
    Path root = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        versions.map(v -> v.resolve("bin"))
            .sorted(Comparator.comparing(Path::toString).reversed())
            .forEach(candidates::add);
      } catch (IOException e) {
        // Unreadable: treat as absent.
      }
    }
    return candidates.stream()
        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
        .findFirst();
  }

  /**
   * A JDBC URL of a new, empty database on the shared test server: {@code GEOSCOPE_PG_URL}'s
   * server, or a cluster started here once per JVM. Skips or fails when there is neither.
   */
  static String newDatabase() throws Exception {
    String admin = System.getenv("GEOSCOPE_PG_URL");
    if (admin == null || admin.isBlank()) {
      admin = sharedCluster().url("postgres");
    }
    String name = "appeals_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return withDatabase(admin, name);
  }

  /** {@code url} with its database name replaced by {@code name}. */
  static String withDatabase(String url, String name) {
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?');
    String rest = query < 0 ? "" : url.substring(query);
    return url.substring(0, slash + 1) + name + rest;
  }

  private static synchronized PgCluster sharedCluster() throws Exception {
    if (shared == null) {
      Optional<Path> bin = binaries();
      if (bin.isEmpty()) {
        unavailable("GEOSCOPE_PG_URL is not set and no initdb/pg_ctl was found");
      }
      PgCluster c = start(bin.orElseThrow());
      // At JVM exit surefire allows 30 s: a throwaway cluster needs no clean shutdown.
      Runtime.getRuntime().addShutdownHook(new Thread(c::discard));
      shared = c;
    }
    return shared;
  }

  /** Starts a new cluster of its own (for tests that crash the server). Skips when impossible. */
  static PgCluster startOwn() throws Exception {
    Optional<Path> bin = binaries();
    if (bin.isEmpty()) {
      unavailable("this test crashes a server of its own and no initdb/pg_ctl was found");
    }
    return start(bin.orElseThrow());
  }

  private static PgCluster start(Path bin) throws Exception {
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "geoscope-pg-");
    if (isRoot()) {
      run(List.of("chown", "nobody", dir.toString()), false);
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PgCluster c = new PgCluster(bin, dir, port);
    c.pg("initdb", "-D", c.data(), "-U", "geoscope", "-A", "trust", "-E", "UTF8", "--no-instructions");
    c.startServer();
    return c;
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private String data() {
    return dir.resolve("data").toString();
  }

  /** Starts (or restarts) the server; waits until it accepts connections. */
  void startServer() throws Exception {
    pg("pg_ctl", "-D", data(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
        "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
            + " -c fsync=on -c synchronous_commit=on",
        "start");
  }

  /**
   * Crashes the server: immediate shutdown, which aborts every backend without a checkpoint, so
   * the next start runs crash recovery from the write-ahead log.
   */
  void crash() throws Exception {
    pg("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
  }

  /** A JDBC URL of {@code database} on this server. */
  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database
        + "?user=geoscope&connectTimeout=5&socketTimeout=30";
  }

  /** A JDBC URL of a new database on this server. */
  String createDatabase(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(url("postgres"));
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  /** The pg_dump next to initdb, for dump tests. */
  Path pgDump() {
    return bin.resolve("pg_dump");
  }

  private void pg(String tool, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    if (isRoot()) {
      cmd.addAll(List.of("runuser", "-u", "nobody", "--"));
    }
    cmd.add(bin.resolve(tool).toString());
    cmd.addAll(List.of(args));
    run(cmd, true);
  }

  static String run(List<String> cmd, boolean check) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(cmd.get(0) + " did not finish");
    }
    if (check && p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + out);
    }
    return out;
  }

  /** Stops the server at once (no checkpoint) and deletes the cluster. */
  void discard() {
    try {
      crash();
    } catch (Exception alreadyStopped) {
      // Stopped by a crash test, or never started.
    }
    delete();
  }

  @Override
  public void close() {
    try {
      pg("pg_ctl", "-D", data(), "-m", "fast", "-w", "stop");
    } catch (Exception alreadyStopped) {
      // Stopped by a crash test, or never started.
    }
    delete();
  }

  private void delete() {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Left in /tmp; harmless.
    }
  }
}
