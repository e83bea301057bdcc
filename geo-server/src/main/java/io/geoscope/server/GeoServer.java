package io.geoscope.server;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.DecisionEngine;
import io.geoscope.policy.PolicyFileException;
import io.geoscope.geoip.DatabaseException;
import io.geoscope.geoip.GeoResolver;
import io.geoscope.micrometer.DecisionMetrics;
import io.geoscope.policy.LivePolicy;
import io.geoscope.reload.ReloadEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Geoscope decision server: {@code POST /v1/decide}, {@code GET /health}, {@code GET /ready}
 * and {@code GET /metrics} (Prometheus), on Jetty 12. The policy and database files are reloaded
 * when they change (checked every {@link ServerConfig#reloadInterval()}), each whole or not at
 * all; a failed reload keeps the files in service and is logged and counted.
 *
 * <p>Nothing it logs or answers contains a client address. Requests are bounded: bodies over
 * {@link DecisionService#MAX_REQUEST_BYTES} get 413 and the connection is closed (the rest of a
 * body of up to 1 MiB is read and dropped first, so a client still sending sees the 413; a larger
 * one is cut off), headers over 8 KiB get 431, and a connection idle for
 * {@link ServerConfig#requestTimeout()} is closed.
 *
 * <p>Run: {@code java -jar geo-server/target/geoscope-server.jar [config.properties]}; without a
 * file it serves the embedded demo policy and database on 127.0.0.1:8470.
 *
 * <p>Thread-safe; {@link #close()} stops it.
 */
public final class GeoServer implements AutoCloseable {
  private static final Logger LOG = System.getLogger("io.geoscope.server");
  private static final String JSON = "application/json";

  /**
   * How much of an oversized body is read and thrown away so that the client, still sending, can
   * read its 413; past it the connection is closed unread.
   */
  static final int DISCARD_LIMIT = 1024 * 1024;

  private final ServerConfig config;
  private final LivePolicy policy;
  private final GeoResolver resolver;
  private final DecisionService service;
  private final PrometheusMeterRegistry registry;
  private final Server jetty;
  private final ServerConnector connector;
  private final ScheduledExecutorService reloader;
  private final Counter reloadFailures;
  private volatile boolean ready;

  private GeoServer(ServerConfig config) throws IOException, ConfigException {
    this.config = config;
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    DecisionMetrics metrics = DecisionMetrics.of(registry);
    try {
      this.policy =
          LivePolicy.load(config.policy(), p -> DecisionEngine.builder(p).listener(metrics).build());
      this.resolver =
          GeoResolver.builder()
              .database(config.database())
              .documentationRangesResolve(config.documentationRangesResolve())
              .areas(policy.policy().areas())
              .build();
    } catch (PolicyFileException e) {
      throw new ConfigException("policy " + config.policy() + " is invalid: " + e.getMessage());
    } catch (DatabaseException e) {
      throw new ConfigException("database " + config.database() + " is refused: " + e.getMessage());
    }
    this.service = DecisionService.of(policy, resolver);
    this.reloadFailures = Counter.builder("geoscope.server.reload.failures").register(registry);
    // One reload shape: LivePolicy and GeoResolver remember their file, count, and tell this.
    policy.addReloadListener(this::logReload);
    // A policy whose areas changed re-places every database record (off the request path).
    policy.addReloadListener(event -> {
      io.geoscope.core.Areas areas = policy.policy().areas();
      if (!areas.refs().equals(resolver.areas().refs())) {
        resolver.areas(areas);
      }
    });
    resolver.addReloadListener(this::logReload);
    QueuedThreadPool pool = new QueuedThreadPool(config.threads(), 4);
    pool.setName("geo-server");
    this.jetty = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(8 * 1024);
    http.setSendServerVersion(false);
    this.connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost(config.bind());
    connector.setPort(config.port());
    connector.setIdleTimeout(config.requestTimeout().toMillis());
    jetty.addConnector(connector);
    jetty.setHandler(new Routes());
    this.reloader =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "geo-server-reload");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Loads the files and starts listening.
   *
   * @throws ConfigException if the policy or database is refused (the message says why)
   * @throws IOException if a file cannot be read or the port cannot be bound
   */
  public static GeoServer start(ServerConfig config) throws IOException, ConfigException {
    GeoServer s = new GeoServer(requireNonNull(config, "config"));
    try {
      s.jetty.start();
    } catch (IOException e) {
      s.close();
      throw e;
    } catch (Exception e) {
      s.close();
      throw new IOException("geo-server could not start: " + e.getMessage(), e);
    }
    long every = config.reloadInterval().toMillis();
    if (every > 0) {
      s.policy.refreshEvery(config.reloadInterval(), s.reloader);
      s.resolver.refreshEvery(config.reloadInterval(), s.reloader);
    }
    s.ready = true;
    LOG.log(Level.INFO, "geo-server listening on {0} (policy {1}, database {2})",
        s.uri(), s.policy.policy().version(), s.resolver.buildEpoch());
    return s;
  }

  /** The port it listens on (the chosen one when configured with 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** Its base address, e.g. {@code http://127.0.0.1:8470}. */
  public URI uri() {
    String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
    return URI.create("http://" + host + ":" + port());
  }

  /** The decide handler it serves (for benchmarks). */
  public DecisionService service() {
    return service;
  }

  /** Its Prometheus registry. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /**
   * Reloads the policy and the database now, whether or not they changed.
   *
   * @return true if both reloaded; false if either was refused (the old one stays in service)
   */
  public boolean reloadNow() {
    return reloadPolicy() & reloadDatabase();
  }

  /** Reloads whichever file changed since it was last accepted (what the schedule runs). */
  void reloadChanged() {
    try {
      policy.reloadIfChanged();
    } catch (IOException | PolicyFileException e) {
      // counted and logged by logReload
    }
    try {
      resolver.reloadIfChanged();
    } catch (DatabaseException e) {
      // counted and logged by logReload
    }
  }

  private boolean reloadPolicy() {
    try {
      policy.reload();
      return true;
    } catch (IOException | PolicyFileException e) {
      return false; // counted and logged by logReload
    }
  }

  private boolean reloadDatabase() {
    try {
      resolver.reload();
      return true;
    } catch (DatabaseException e) {
      return false; // counted and logged by logReload
    }
  }

  private void logReload(ReloadEvent e) {
    if (e.accepted()) {
      LOG.log(Level.INFO, "{0} reloaded: {1}", new Object[] {e.source().getFileName(), e.detail()});
    } else {
      reloadFailures.increment();
      LOG.log(Level.WARNING, "{0} reload refused, the one in service stays: {1}",
          new Object[] {e.source().getFileName(), e.detail()});
    }
  }

  /** Stops listening and reloading; idempotent. */
  @Override
  public void close() {
    ready = false;
    policy.close();
    resolver.close();
    reloader.shutdownNow();
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "geo-server stop: {0}", e.getClass().getSimpleName());
    }
  }

  private final class Routes extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String path = Request.getPathInContext(request);
      String method = request.getMethod();
      long start = System.nanoTime();
      int status;
      switch (path) {
        case "/v1/decide":
          status = "POST".equals(method) ? decide(request, response, callback) : notAllowed(response, callback, "POST");
          break;
        case "/health":
          status = "GET".equals(method) ? send(response, callback, 200, "text/plain", "ok\n") : notAllowed(response, callback, "GET");
          break;
        case "/ready":
          status = !"GET".equals(method) ? notAllowed(response, callback, "GET")
              : ready ? send(response, callback, 200, "text/plain", "ready\n")
              : send(response, callback, 503, "text/plain", "not ready\n");
          break;
        case "/metrics":
          status = "GET".equals(method)
              ? send(response, callback, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape())
              : notAllowed(response, callback, "GET");
          break;
        default:
          status = send(response, callback, 404, JSON, error("no such endpoint; use POST /v1/decide"));
      }
      Timer.builder("geoscope.server.requests")
          .tag("endpoint", endpoint(path))
          .tag("status", Integer.toString(status))
          .register(registry)
          .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      return true;
    }

    private int decide(Request request, Response response, Callback callback) {
      long declared = request.getLength();
      byte[] body;
      try (InputStream in = Content.Source.asInputStream(request)) {
        if (declared > DecisionService.MAX_REQUEST_BYTES) {
          return tooLarge(in, declared, response, callback);
        }
        body = in.readNBytes(DecisionService.MAX_REQUEST_BYTES + 1);
        if (body.length > DecisionService.MAX_REQUEST_BYTES) {
          return tooLarge(in, declared, response, callback);
        }
      } catch (IOException e) {
        return send(response, callback, 408, JSON, error("request body could not be read in time"));
      }
      try {
        DecisionService.Answer a = service.decide(body);
        LOG.log(Level.DEBUG, "decided {0}: {1} in {2} ({3})", a.decision().outcome().code(),
            a.decision().jurisdiction().code(), String.join("+", ruleIds(a)), policy.policy().version());
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.write(true, ByteBuffer.wrap(a.json()), callback);
        return 200;
      } catch (BadRequestException e) {
        LOG.log(Level.DEBUG, "bad decide request: {0}", e.getMessage());
        return send(response, callback, 400, JSON, error(e.getMessage()));
      }
    }

    /**
     * Answers 413 and closes the connection, after reading and throwing away what is left of the
     * body up to {@link #DISCARD_LIMIT} (bounded in time by the idle timeout): a client still
     * sending would otherwise have its unread bytes reset the connection and never see the 413.
     */
    private int tooLarge(InputStream in, long declared, Response response, Callback callback)
        throws IOException {
      if (declared <= DISCARD_LIMIT) {
        byte[] sink = new byte[8192];
        long left = DISCARD_LIMIT;
        for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0; ) {
          left -= n;
        }
      }
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
      return send(response, callback, 413, JSON,
          error("request body over " + DecisionService.MAX_REQUEST_BYTES + " bytes"));
    }

    private int notAllowed(Response response, Callback callback, String allow) {
      response.getHeaders().put(HttpHeader.ALLOW, allow);
      return send(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, JSON, error("use " + allow));
    }
  }

  private static java.util.List<String> ruleIds(DecisionService.Answer a) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    a.decision().applied().forEach(r -> ids.add(r.ruleId()));
    return ids;
  }

  private static String endpoint(String path) {
    switch (path) {
      case "/v1/decide":
      case "/health":
      case "/ready":
      case "/metrics":
        return path;
      default:
        return "other";
    }
  }

  private static String error(@org.jspecify.annotations.Nullable String message) {
    String m = message == null ? "bad request" : message;
    return "{\"error\":\"" + m.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
  }

  private static int send(Response response, Callback callback, int status, String type, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return status;
  }

  /**
   * Starts the server the command line asks for: {@code [config.properties]}; without one, the
   * embedded demo (documentation addresses, demo policy) on 127.0.0.1:8470.
   *
   * @throws IllegalArgumentException for more than one argument
   */
  static GeoServer launch(String[] args) throws IOException, ConfigException {
    if (args.length > 1) {
      throw new IllegalArgumentException("usage: java -jar geoscope-server.jar [config.properties]");
    }
    if (args.length == 0) {
      LOG.log(Level.INFO, "no configuration file: serving the embedded demo (documentation addresses)");
      return start(Demo.config(Files.createTempDirectory("geoscope-demo")));
    }
    return start(ServerConfig.load(Path.of(args[0])));
  }

  /** Runs the server until the process is stopped; see {@link #launch(String[])}. */
  public static void main(String[] args) throws Exception {
    GeoServer server;
    try {
      server = launch(args);
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("geo-server: " + e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "geo-server-stop"));
    System.out.println("geo-server listening on " + server.uri());
    stopped.await();
  }
}
