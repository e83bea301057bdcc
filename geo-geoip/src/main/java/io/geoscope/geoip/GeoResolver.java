package io.geoscope.geoip;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.Areas;
import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import io.geoscope.core.UnknownReason;
import java.net.InetAddress;
import io.geoscope.reload.ReloadListener;
import io.geoscope.reload.Reloader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Resolves IP addresses to the jurisdiction they are in, from a MaxMind DB file (GeoIP2/GeoLite2
 * Country, City or Enterprise, DB-IP lite, or flat {@code country_code} databases), optionally
 * flagging anonymizers from a GeoIP2 Anonymous-IP or GeoIP Anonymous Plus database.
 *
 * <pre>{@code
 * GeoResolver resolver = GeoResolver.builder()
 *     .database(Path.of("GeoLite2-City.mmdb"))
 *     .build();
 * Evidence where = resolver.resolve("81.2.69.160"); // GB-ENG, detail "subdivisions[0]"
 * }</pre>
 *
 * <p>At load the whole file is read into memory, every node of its search tree is walked and every
 * distinct record decoded once, into sorted range tables; the file is not used afterwards, so it
 * may be replaced or overwritten at any time. A lookup is a short binary search that allocates
 * nothing and returns an {@link Evidence} built at load time.
 *
 * <p>Address semantics follow MaxMind's reader: IPv4 addresses in an IPv6 database resolve through
 * {@code ::a.b.c.d}; IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code ::a.b.c.d}) and
 * 6to4 ({@code 2002:aabb:ccdd::/48}) addresses resolve as their IPv4 address. One deliberate
 * difference: a Teredo address ({@code 2001::/32}) resolves as its <em>client's</em> IPv4 address
 * (where the participant is), whereas MaxMind's reader resolves the Teredo server. Addresses that
 * are not publicly routable (private, loopback, link-local, CGNAT, documentation, multicast,
 * unspecified, unique local, ...) are always {@code unknown:non-routable}; an address the database
 * does not cover is {@code unknown:not-found}.
 *
 * <p>Instances are safe to share between threads. {@linkplain #reload(Path) Reload} is atomic:
 * lookups in flight finish on the old tables, later ones see the new; a file that is refused leaves
 * the database in service untouched. A file is compiled within {@link DatabaseLimits} (each value
 * its pointers lead to is decoded once, nesting, decoding steps and time are bounded), so no file
 * can make a build or reload run away, and the compile holds no lock lookups or other reloads wait
 * on.
 */
public final class GeoResolver implements AutoCloseable {

  /** What a client hidden by a proxy resolves to: unknown, and saying why. */
  private static final Evidence HIDDEN_BY_PROXY =
      new Evidence(
          Jurisdiction.unknown(UnknownReason.NO_EVIDENCE),
          LocationSource.IP_GEOLOCATION,
          "geoscope trusted proxies",
          "client hidden by proxy");

  /** Written only under {@link #swap} by reload; read without locking by lookups. */
  private volatile ResolverState state;

  /** Serialises the swap at the end of a reload, never the compile before it. */
  private final Object swap = new Object();

  /** The place view of {@link #state}, made on first use. */
  private volatile @Nullable Places places;
  private final Clock clock;
  private final Schema schema;
  private final DatabaseLimits limits;

  private final Reloader<DatabaseException> reloader;
  private final Duration maximumAge;

  private GeoResolver(
      ResolverState initial,
      Clock clock,
      Schema schema,
      DatabaseLimits limits,
      Path source,
      Duration maximumAge) {
    this.state = initial;
    this.clock = clock;
    this.schema = schema;
    this.limits = limits;
    this.maximumAge = maximumAge;
    this.reloader = Reloader.of(source, this::reloadFrom, clock);
  }

  private String reloadFrom(Path path) throws DatabaseException {
    reload(path, false);
    return databaseType() + " build " + buildEpoch();
  }

  /**
   * Loads the remembered database file again (the builder's {@link Builder#database(Path)}),
   * with the same checks as {@link #reload(Path, boolean)} without force; counted in {@link
   * #reloads()} or {@link #refusals()} and heard by reload listeners.
   *
   * @throws DatabaseException if the file is refused
   */
  public void reload() throws DatabaseException {
    try {
      reloader.reload();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the action reads through Loader, which never throws it
    }
  }

  /**
   * Reloads the remembered file only if it changed (size, modification time or identity) since
   * the last accepted load.
   *
   * @return true if a new database went into service
   * @throws DatabaseException if the changed file is refused
   */
  public boolean reloadIfChanged() throws DatabaseException {
    try {
      return reloader.reloadIfChanged();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks the remembered file every {@code period} on {@code executor} (which stays the
   * caller's) and reloads it when it changed, until {@link #close()}. Refusals are counted.
   */
  public void refreshEvery(Duration period, ScheduledExecutorService executor) {
    reloader.refreshEvery(period, executor);
  }

  /** As {@link #refreshEvery(Duration, ScheduledExecutorService)}, on a daemon thread of its own. */
  public void refreshEvery(Duration period) {
    reloader.refreshEvery(period);
  }

  /** Adds a listener for every later reload attempt of the remembered file. */
  public void addReloadListener(ReloadListener listener) {
    reloader.addListener(listener);
  }

  /** Stops the scheduled refresh, if any; lookups keep working. */
  @Override
  public void close() {
    reloader.close();
  }

  /** Reloads of the remembered file that put a new database in service. */
  public long reloads() {
    return reloader.reloads();
  }

  /** Reloads of the remembered file that were refused, leaving the database in service. */
  public long refusals() {
    return reloader.refusals();
  }

  /** When a database was last put in service from the remembered file (the build counts). */
  public Instant lastSuccess() {
    return reloader.lastSuccess();
  }

  /** How finely the database in service places addresses. */
  public DatabasePrecision precision() {
    return DatabasePrecision.of(databaseType());
  }

  /** How old the database in service is: the resolver's clock minus its build epoch. */
  public Duration databaseAge() {
    return Duration.between(buildEpoch(), clock.instant());
  }

  /** The age past which the database counts as stale; see {@link Builder#maximumAge}. */
  public Duration maximumAge() {
    return maximumAge;
  }

  /**
   * Whether the database in service is older than {@link #maximumAge()} (the GeoLite2 EULA asks
   * for updates within 30 days). Lookups go on; this is for health checks and alerts.
   */
  public boolean isStale() {
    return databaseAge().compareTo(maximumAge) > 0;
  }

  /** Starts configuring a resolver. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Resolves an IP address written as text ({@code 81.2.69.160}, {@code 2a00:1450::1}, {@code
   * ::ffff:1.2.3.4}); never does DNS. Allocation-free for a valid literal.
   *
   * @throws InvalidAddressException if {@code ip} is not a strict IP literal (the message never
   *     contains the text)
   */
  public Evidence resolve(CharSequence ip) {
    requireNonNull(ip, "ip");
    // No holder object and no per-thread buffer (virtual threads would each get one): a valid
    // dotted quad is read once into a long; valid IPv6 text is read once, and the parser hands
    // both halves to the state as arguments. Anything else goes to the careful parsers for the
    // precise error.
    ResolverState s = state;
    long v4 = IpParser.fastIpv4(ip);
    if (v4 >= 0) {
      return s.resolve4((int) v4);
    }
    Evidence e = IpParser.onePassIpv6(ip, 0, ip.length(), s);
    if (e != null) {
      return e;
    }
    if (IpParser.isColonForm(ip)) {
      // The one pass declined it: the careful parser names the problem.
      return s.resolve6(IpParser.high(ip), IpParser.low(ip));
    }
    return s.resolve4(IpParser.ipv4(ip));
  }

  /**
   * Resolves a raw address: 4 bytes for IPv4 or 16 for IPv6, network byte order.
   *
   * @throws IllegalArgumentException if the array has another length
   */
  public Evidence resolve(byte[] address) {
    requireNonNull(address, "address");
    if (address.length == 4) {
      return state.resolve4(ClientAddress.int32(address, 0));
    }
    if (address.length == 16) {
      return state.resolve6(ClientAddress.int64(address, 0), ClientAddress.int64(address, 8));
    }
    throw new IllegalArgumentException("address must have 4 or 16 bytes, got " + address.length);
  }

  /** Resolves an address; allocates the byte copy {@link InetAddress#getAddress()} makes. */
  public Evidence resolve(InetAddress address) {
    requireNonNull(address, "address");
    return resolve(address.getAddress());
  }

  /**
   * The place detail (postal code, location, accuracy radius) of the location database in service
   * now; a reload replaces it, so keep the instance with the place numbers it gave.
   */
  public Places places() {
    ResolverState s = state;
    Places p = places;
    if (p == null || !p.of(s)) {
      p = new Places(s);
      places = p; // racy but safe: Places is immutable with final fields
    }
    return p;
  }

  /**
   * Resolves the client {@link TrustedProxies#client} found, without parsing anything again;
   * allocation-free. A client hidden by a proxy gives unknown evidence with reason {@code
   * no-evidence} and detail {@code client hidden by proxy}.
   */
  public Evidence resolve(ClientAddress client) {
    requireNonNull(client, "client");
    if (client.isIpv4()) {
      return state.resolve4(client.ipv4Bits());
    }
    if (client.isIpv6()) {
      return state.resolve6(client.ipv6High(), client.ipv6Low());
    }
    return HIDDEN_BY_PROXY;
  }

  /**
   * Resolves the client behind {@code proxies}: the same evidence as {@code
   * resolve(proxies.client(socketPeer, xForwardedFor))}, with the same errors, but allocation-free
   * for the usual headers. The peer and the header elements are read in place, right to left,
   * nothing is copied and no {@link ClientAddress} is made when every element read is a bare or
   * bracketed address with or without a decimal port; an element that hides the client ({@code
   * unknown}, an obfuscated identifier) or is malformed takes the typed path, which allocates. An
   * IPv6 client found in the header is parsed once more to be resolved.
   *
   * @param xForwardedFor the header value, null when absent; join several lines with {@code ","}
   * @throws InvalidAddressException if the peer is not a bare IP literal
   * @throws InvalidHeaderException if an element that had to be read is malformed
   */
  public Evidence resolve(TrustedProxies proxies, String socketPeer, @Nullable String xForwardedFor) {
    requireNonNull(proxies, "proxies");
    requireNonNull(socketPeer, "socketPeer");
    long where = proxies.locate(socketPeer, xForwardedFor);
    if (where == TrustedProxies.DECLINED) {
      return resolve(proxies.client(socketPeer, xForwardedFor));
    }
    ResolverState s = state;
    long kind = where & (7L << 60);
    if (kind == TrustedProxies.LOCATED_V4) {
      return s.resolve4((int) where);
    }
    if (kind == TrustedProxies.LOCATED_PEER_V6) {
      return IpParser.ipv6(socketPeer, s);
    }
    String header = requireNonNull(xForwardedFor);
    int start = (int) (where >>> 30) & ((1 << 30) - 1);
    int end = (int) where & ((1 << 30) - 1);
    Evidence e = IpParser.onePassIpv6(header, start, end, s);
    return e != null ? e : resolve(proxies.client(socketPeer, xForwardedFor));
  }

  /** Resolves an IPv4 address given as its 32 bits in network order; allocation-free. */
  public Evidence resolveIpv4(int address) {
    return state.resolve4(address);
  }

  /** Resolves an IPv6 address given as two big-endian 64-bit halves; allocation-free. */
  public Evidence resolveIpv6(long hi, long lo) {
    return state.resolve6(hi, lo);
  }

  /**
   * Replaces the location database with {@code path}, unless it is refused; see {@link
   * #reload(Path, boolean)} with {@code force} false.
   */
  public void reload(Path path) throws DatabaseException {
    reload(path, false);
  }

  /**
   * Replaces the location database with {@code path}. The file is refused, and the database in
   * service kept, if it is unreadable, corrupt or of the wrong kind, if compiling it would exceed
   * the {@linkplain Builder#limits(DatabaseLimits) limits}, or unless {@code force} is set if its
   * build epoch is older than the one in service or more than a year in the future, or if it is of
   * a coarser kind than the one in service (a country-only database replacing one with
   * subdivisions, which would silently drop every subdivision rule, see {@link
   * DatabasePrecision}).
   *
   * <p>The file is compiled without holding any lock; only the final checks and swap (a few field
   * writes) are serialised. Lookups never wait for a reload and keep answering from the database in
   * service until the swap; a reload, failed or slow, can delay another reload only by that swap,
   * and no reload runs longer than the {@linkplain DatabaseLimits#compileTimeout() compile timeout}
   * plus the time to read the file. Concurrent reloads are each checked against the database in
   * service when they swap, so an older or coarser build never replaces a newer or finer one unless
   * forced.
   *
   * @throws DatabaseException if the file is refused
   */
  public void reload(Path path, boolean force) throws DatabaseException {
    requireNonNull(path, "path");
    Instant seen = Loader.built(state.location().db());
    Loader.Location next = Loader.location(path, schema, clock, limits, seen, force);
    Areas areasInUse = state.areas();
    Evidence[] placedNext = ResolverState.placed(next, areasInUse);
    synchronized (swap) {
      ResolverState current = state;
      Loader.requireNotOlder(
          path, Loader.built(next.db()), Loader.built(current.location().db()), force);
      DatabasePrecision.check(
          current.location().db().databaseType(), next.db().databaseType(), path, force);
      Evidence[] placed =
          current.areas() == areasInUse ? placedNext : ResolverState.placed(next, current.areas());
      state = current.withLocation(next, placed);
    }
  }

  /**
   * Places every location record of the database in service, and of every database loaded from
   * now on, relative to {@code areas} (geo-areas' {@code AreaSet}, usually the policy's {@code
   * areas()}), so the {@link Evidence} a lookup returns carries its {@link
   * io.geoscope.core.AreaPlacements} and an area rule costs a join nothing more. The tests run here,
   * once per distinct place, outside any lock; lookups keep running meanwhile. Call it again when
   * the policy's areas change ({@code Areas.none()} to stop).
   */
  public void areas(Areas areas) {
    requireNonNull(areas, "areas");
    ResolverState seen = state;
    Evidence[] placed = ResolverState.placed(seen.location(), areas);
    synchronized (swap) {
      ResolverState current = state;
      if (current.location() != seen.location()) {
        placed = ResolverState.placed(current.location(), areas);
      }
      state = current.withAreas(areas, placed);
    }
  }

  /** The areas placed in this resolver's evidence ({@link Areas#none()} unless set). */
  public Areas areas() {
    return state.areas();
  }

  /**
   * Replaces the anonymizer database, with the same rules (and the same locking) as {@link
   * #reload(Path, boolean)}.
   *
   * @throws DatabaseException if the file is refused
   * @throws IllegalStateException if the resolver was built without an anonymizer database
   */
  public void reloadAnonymousIp(Path path, boolean force) throws DatabaseException {
    requireNonNull(path, "path");
    Loader.Anonymizers in = state.anonymizers();
    if (in == null) {
      throw new IllegalStateException("resolver was built without an anonymous-IP database");
    }
    Loader.Anonymizers next =
        Loader.anonymizers(path, clock, limits, Loader.built(in.db()), force);
    synchronized (swap) {
      ResolverState current = state;
      Loader.Anonymizers now = java.util.Objects.requireNonNull(current.anonymizers());
      Loader.requireNotOlder(path, Loader.built(next.db()), Loader.built(now.db()), force);
      state = current.withAnonymizers(next);
    }
  }

  /** The build time of the location database in service. */
  public Instant buildEpoch() {
    return Loader.built(state.location().db());
  }

  /** The {@code database_type} of the location database in service, e.g. {@code GeoIP2-City}. */
  public String databaseType() {
    return state.location().db().databaseType();
  }


  /**
   * Configures a {@link GeoResolver}. Only {@link #database(Path)} is required. Not thread-safe;
   * {@link #build()} may be called more than once.
   */
  public static final class Builder {
    private @Nullable Path database;
    private @Nullable Path anonymousIp;
    private boolean anonymizersAreUnknown;
    private boolean documentationRangesResolve;
    private Areas areas = Areas.none();
    private Schema schema = Schema.AUTO;
    private Clock clock = Clock.systemUTC();
    private Duration maximumAge = Duration.ofDays(30);
    private DatabaseLimits limits = DatabaseLimits.defaults();

    private Builder() {}

    /**
     * The age past which {@link GeoResolver#isStale()} reports the database stale (default 30
     * days, the GeoLite2 EULA's update window).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maximumAge(Duration age) {
      requireNonNull(age, "age");
      if (age.isNegative() || age.isZero()) {
        throw new IllegalArgumentException("maximum database age " + age + " must be positive");
      }
      this.maximumAge = age;
      return this;
    }

    /**
     * The resources a database file may make the resolver spend, at build and at every reload
     * (default {@link DatabaseLimits#defaults()}).
     */
    public Builder limits(DatabaseLimits limits) {
      this.limits = requireNonNull(limits, "limits");
      return this;
    }

    /** The location database (GeoIP2/GeoLite2 Country, City, Enterprise, DB-IP, flat country). */
    public Builder database(Path path) {
      this.database = requireNonNull(path, "database");
      return this;
    }

    /** An optional GeoIP2 Anonymous-IP or GeoIP Anonymous Plus database. */
    public Builder anonymousIp(Path path) {
      this.anonymousIp = requireNonNull(path, "anonymousIp");
      return this;
    }

    /**
     * Whether an address the anonymizer database flags resolves to {@code unknown:anonymizer}
     * instead of its location (default false: the location, with the flags in the detail).
     */
    public Builder anonymizersAreUnknown(boolean unknown) {
      this.anonymizersAreUnknown = unknown;
      return this;
    }

    /**
     * Whether the documentation blocks (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24,
     * 2001:db8::/32, 3fff::/20) resolve through the database like public addresses instead of being
     * non-routable (default false). For demos and tests built on documentation addresses.
     */
    public Builder documentationRangesResolve(boolean resolve) {
      this.documentationRangesResolve = resolve;
      return this;
    }

    /**
     * Places every location record relative to {@code areas} at load (see {@link
     * GeoResolver#areas(Areas)}); none by default.
     */
    public Builder areas(Areas areas) {
      this.areas = requireNonNull(areas, "areas");
      return this;
    }

    /** Forces how records name the country (default {@link Schema#AUTO}). */
    public Builder schema(Schema schema) {
      this.schema = requireNonNull(schema, "schema");
      return this;
    }

    /** The clock that build epochs are checked against (default the system UTC clock). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Loads the databases and builds the resolver.
     *
     * @throws IllegalStateException if no database was set
     * @throws DatabaseException if a database file is refused
     */
    public GeoResolver build() throws DatabaseException {
      Path db = database;
      if (db == null) {
        throw new IllegalStateException("database must be set");
      }
      Loader.Location location = Loader.location(db, schema, clock, limits, null, false);
      Path anon = anonymousIp;
      Loader.Anonymizers anonymizers =
          anon == null ? null : Loader.anonymizers(anon, clock, limits, null, false);
      return new GeoResolver(
          new ResolverState(
              location,
              anonymizers,
              anonymizersAreUnknown,
              new NonRoutable(!documentationRangesResolve),
              areas,
              ResolverState.placed(location, areas)),
          clock,
          schema,
          limits,
          db,
          maximumAge);
    }
  }
}
