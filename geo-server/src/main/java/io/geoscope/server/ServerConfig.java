package io.geoscope.server;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * How {@link GeoServer} runs: where it listens, which policy and database files it serves and
 * reloads, and its limits. Read from a properties file:
 *
 * <pre>{@code
 * bind=127.0.0.1                    # loopback by default: the meeting server is on the same host
 * port=8470                         # 0 picks a free port
 * policy=policy.yaml                # relative paths are relative to this file
 * database=GeoLite2-City.mmdb
 * reload-interval-seconds=30        # files are checked for changes this often (0: never)
 * request-timeout-millis=2000       # idle time allowed while reading a request
 * threads=16
 * documentation-ranges-resolve=false
 * }</pre>
 *
 * @param bind the address to listen on
 * @param port the port (0: a free one)
 * @param policy the policy file (YAML or JSON)
 * @param database the MaxMind DB file
 * @param reloadInterval how often files are checked (zero: never)
 * @param requestTimeout how long a connection may be idle while a request is read
 * @param threads the most request threads
 * @param documentationRangesResolve whether documentation addresses resolve (demos only)
 */
public record ServerConfig(
    String bind,
    int port,
    Path policy,
    Path database,
    Duration reloadInterval,
    Duration requestTimeout,
    int threads,
    boolean documentationRangesResolve) {

  private static final Set<String> KEYS =
      Set.of(
          "bind", "port", "policy", "database", "reload-interval-seconds", "request-timeout-millis",
          "threads", "documentation-ranges-resolve");

  /** Validates. */
  public ServerConfig {
    requireNonNull(bind, "bind");
    requireNonNull(policy, "policy");
    requireNonNull(database, "database");
    requireNonNull(reloadInterval, "reloadInterval");
    requireNonNull(requestTimeout, "requestTimeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535");
    }
    if (threads < 4 || threads > 512) {
      throw new IllegalArgumentException("threads must be 4..512");
    }
    if (reloadInterval.isNegative()) {
      throw new IllegalArgumentException("reloadInterval must not be negative");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
  }

  /** Loopback, a free port, 30 s reloads, 2 s request timeout, 16 threads. */
  public static ServerConfig of(Path policy, Path database) {
    return new ServerConfig(
        "127.0.0.1", 0, policy, database, Duration.ofSeconds(30), Duration.ofSeconds(2), 16, false);
  }

  /** The same configuration listening on another port. */
  public ServerConfig withPort(int port) {
    return new ServerConfig(
        bind, port, policy, database, reloadInterval, requestTimeout, threads, documentationRangesResolve);
  }

  /** The same configuration checking files at another interval. */
  public ServerConfig withReloadInterval(Duration interval) {
    return new ServerConfig(
        bind, port, policy, database, interval, requestTimeout, threads, documentationRangesResolve);
  }

  /** The same configuration with documentation ranges resolving or not. */
  public ServerConfig withDocumentationRangesResolve(boolean resolve) {
    return new ServerConfig(bind, port, policy, database, reloadInterval, requestTimeout, threads, resolve);
  }

  /**
   * Reads a properties file.
   *
   * @throws ConfigException naming the key that is missing, unknown or bad
   * @throws IOException if the file cannot be read
   */
  public static ServerConfig load(Path file) throws IOException, ConfigException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    TreeSet<String> unknown = new TreeSet<>(p.stringPropertyNames());
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      throw new ConfigException(file + ": unknown key(s) " + unknown + "; known: " + new TreeSet<>(KEYS));
    }
    Path dir = file.toAbsolutePath().getParent();
    try {
      return new ServerConfig(
          p.getProperty("bind", "127.0.0.1").strip(),
          number(p, "port", 8470, file),
          dir.resolve(required(p, "policy", file)),
          dir.resolve(required(p, "database", file)),
          Duration.ofSeconds(number(p, "reload-interval-seconds", 30, file)),
          Duration.ofMillis(number(p, "request-timeout-millis", 2000, file)),
          number(p, "threads", 16, file),
          bool(p, "documentation-ranges-resolve", file));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file + ": " + e.getMessage());
    }
  }

  private static String required(Properties p, String key, Path file) throws ConfigException {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new ConfigException(file + ": '" + key + "' is required");
    }
    return v.strip();
  }

  private static int number(Properties p, String key, int fallback, Path file) throws ConfigException {
    String v = p.getProperty(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new ConfigException(file + ": '" + key + "' must be a whole number");
    }
  }

  private static boolean bool(Properties p, String key, Path file) throws ConfigException {
    String v = p.getProperty(key, "false").strip();
    if (!v.equals("true") && !v.equals("false")) {
      throw new ConfigException(file + ": '" + key + "' must be true or false");
    }
    return v.equals("true");
  }
}
