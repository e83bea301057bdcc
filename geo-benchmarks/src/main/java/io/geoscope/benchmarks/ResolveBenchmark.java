package io.geoscope.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.common.net.InetAddresses;
import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.model.CountryResponse;
import io.geoscope.core.Jurisdiction;
import io.geoscope.geoip.GeoResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One address to one country, by Geoscope's {@link GeoResolver} and by MaxMind's readers, on the
 * same database and the same inputs in the same run. Every method returns the country (a {@link
 * Jurisdiction} for ours, the ISO code for MaxMind's), so each does the whole job a join hook
 * needs. Baselines come from {@link InetAddress} and, with the suffix {@code FromString}, from text
 * through Guava's {@code InetAddresses.forString} (no DNS).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ResolveBenchmark {

  /** {@code synthetic}, {@code real} or a path to a MaxMind DB file. */
  @Param({"synthetic", "real"})
  public String db = "synthetic";

  /** {@code uniform}: every input once per round; {@code zipf}: repeat visitors. */
  @Param({"uniform", "zipf"})
  public String distribution = "uniform";

  Path path;
  Addresses in;

  @Setup(Level.Trial)
  public void inputs() {
    path = Databases.location(db);
    in = Addresses.ipv4(path, distribution, Databases.SEED);
  }

  /** Per-thread position in the inputs. */
  @State(Scope.Thread)
  public static class Cursor {
    int i;

    int next() {
      return i++ & Addresses.MASK;
    }
  }

  /** Geoscope's resolver. */
  @State(Scope.Benchmark)
  public static class Geoscope {
    GeoResolver resolver;

    @Setup(Level.Trial)
    public void build(ResolveBenchmark b) throws Exception {
      resolver = GeoResolver.builder().database(b.path).build();
    }
  }

  /** IPv6 inputs, made only for the benchmark that uses them. */
  @State(Scope.Benchmark)
  public static class Ipv6 {
    Addresses in;

    @Setup(Level.Trial)
    public void inputs(ResolveBenchmark b) {
      in = Addresses.ipv6(b.path, b.distribution, Databases.SEED);
    }
  }

  /** GeoIP2's {@code DatabaseReader} without a cache. */
  @State(Scope.Benchmark)
  public static class Geoip2 {
    DatabaseReader reader;

    @Setup(Level.Trial)
    public void open(ResolveBenchmark b) throws IOException {
      reader = new DatabaseReader.Builder(Databases.forGeoip2(b.path).toFile()).build();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      reader.close();
    }
  }

  /** GeoIP2's {@code DatabaseReader} with MaxMind's {@code CHMCache}. */
  @State(Scope.Benchmark)
  public static class Geoip2Chm extends Geoip2 {
    @Override
    @Setup(Level.Trial)
    public void open(ResolveBenchmark b) throws IOException {
      reader =
          new DatabaseReader.Builder(Databases.forGeoip2(b.path).toFile())
              .withCache(new CHMCache())
              .build();
    }
  }

  /** maxmind-db's {@code Reader} without a cache. */
  @State(Scope.Benchmark)
  public static class Maxmind {
    Reader reader;

    @Setup(Level.Trial)
    public void open(ResolveBenchmark b) throws IOException {
      reader = new Reader(b.path.toFile());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      reader.close();
    }
  }

  /** maxmind-db's {@code Reader} with MaxMind's {@code CHMCache}. */
  @State(Scope.Benchmark)
  public static class MaxmindChm extends Maxmind {
    @Override
    @Setup(Level.Trial)
    public void open(ResolveBenchmark b) throws IOException {
      reader = new Reader(b.path.toFile(), new CHMCache());
    }
  }

  /**
   * maxmind-db's {@code Reader} behind a Caffeine cache keyed by address, large enough to hold
   * every input: after warm-up every lookup is a hit, the best case for the cache.
   */
  @State(Scope.Benchmark)
  public static class MaxmindCaffeine {
    static final String NOT_FOUND = "";
    Reader reader;
    Cache<InetAddress, String> cache;
    Function<InetAddress, String> load;

    @Setup(Level.Trial)
    public void open(ResolveBenchmark b) throws IOException {
      Reader r = new Reader(b.path.toFile());
      reader = r;
      cache = Caffeine.newBuilder().maximumSize(2L * Addresses.SIZE).build();
      load =
          address -> {
            try {
              String code = isoCode(r.get(address, Map.class));
              return code == null ? NOT_FOUND : code;
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          };
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      reader.close();
    }
  }

  /** The country code of a decoded record, GeoIP2-shaped or flat; null if it has none. */
  static @Nullable String isoCode(@Nullable Map<?, ?> record) {
    if (record == null) {
      return null;
    }
    Object country = record.get("country");
    if (country instanceof Map) {
      return (String) ((Map<?, ?>) country).get("iso_code");
    }
    return (String) record.get("country_code");
  }

  static @Nullable String isoCode(Optional<CountryResponse> response) {
    return response.isPresent() ? response.get().country().isoCode() : null;
  }

  // ---- Geoscope ----

  /** Text to jurisdiction: Geoscope's strict parser, then the compiled range table. */
  @Benchmark
  public Jurisdiction geoscopeFromString(Geoscope g, Cursor c) {
    return g.resolver.resolve(in.text[c.next()]).jurisdiction();
  }

  /** Raw bytes (4 or 16, network order) to jurisdiction. */
  @Benchmark
  public Jurisdiction geoscopeFromBytes(Geoscope g, Cursor c) {
    return g.resolver.resolve(in.bytes[c.next()]).jurisdiction();
  }

  /** An {@link InetAddress} to jurisdiction (pays for {@code getAddress()}'s copy). */
  @Benchmark
  public Jurisdiction geoscopeFromInetAddress(Geoscope g, Cursor c) {
    return g.resolver.resolve(in.inet[c.next()]).jurisdiction();
  }

  /** IPv6 text to jurisdiction. */
  @Benchmark
  public Jurisdiction geoscopeIpv6FromString(Geoscope g, Ipv6 v6, Cursor c) {
    return g.resolver.resolve(v6.in.text[c.next()]).jurisdiction();
  }

  /** IPv6 raw bytes to jurisdiction: the IPv6 lookup without the parser, for comparison. */
  @Benchmark
  public Jurisdiction geoscopeIpv6FromBytes(Geoscope g, Ipv6 v6, Cursor c) {
    return g.resolver.resolve(v6.in.bytes[c.next()]).jurisdiction();
  }

  // ---- GeoIP2 DatabaseReader ----

  /** GeoIP2 {@code DatabaseReader.tryCountry}, no cache, from {@link InetAddress}. */
  @Benchmark
  public @Nullable String geoip2DatabaseReader(Geoip2 r, Cursor c) throws Exception {
    return isoCode(r.reader.tryCountry(in.inet[c.next()]));
  }

  /** GeoIP2 {@code DatabaseReader.tryCountry} with {@code CHMCache}, from {@link InetAddress}. */
  @Benchmark
  public @Nullable String geoip2DatabaseReaderChmCache(Geoip2Chm r, Cursor c) throws Exception {
    return isoCode(r.reader.tryCountry(in.inet[c.next()]));
  }

  /** GeoIP2 {@code DatabaseReader.tryCountry}, no cache, from text via Guava. */
  @Benchmark
  public @Nullable String geoip2DatabaseReaderFromString(Geoip2 r, Cursor c) throws Exception {
    return isoCode(r.reader.tryCountry(InetAddresses.forString(in.text[c.next()])));
  }

  /** GeoIP2 {@code DatabaseReader.tryCountry} with {@code CHMCache}, from text via Guava. */
  @Benchmark
  public @Nullable String geoip2DatabaseReaderChmCacheFromString(Geoip2Chm r, Cursor c)
      throws Exception {
    return isoCode(r.reader.tryCountry(InetAddresses.forString(in.text[c.next()])));
  }

  // ---- maxmind-db Reader ----

  /** maxmind-db {@code Reader.get} to a map, no cache, from {@link InetAddress}. */
  @Benchmark
  public @Nullable String maxmindReader(Maxmind r, Cursor c) throws IOException {
    return isoCode(r.reader.get(in.inet[c.next()], Map.class));
  }

  /** maxmind-db {@code Reader.get} with {@code CHMCache}, from {@link InetAddress}. */
  @Benchmark
  public @Nullable String maxmindReaderChmCache(MaxmindChm r, Cursor c) throws IOException {
    return isoCode(r.reader.get(in.inet[c.next()], Map.class));
  }

  /** maxmind-db {@code Reader.get} behind Caffeine, from {@link InetAddress}. */
  @Benchmark
  public String maxmindReaderCaffeine(MaxmindCaffeine r, Cursor c) {
    return r.cache.get(in.inet[c.next()], r.load);
  }

  /** maxmind-db {@code Reader.get} to a map, no cache, from text via Guava. */
  @Benchmark
  public @Nullable String maxmindReaderFromString(Maxmind r, Cursor c) throws IOException {
    return isoCode(r.reader.get(InetAddresses.forString(in.text[c.next()]), Map.class));
  }

  /** maxmind-db {@code Reader.get} with {@code CHMCache}, from text via Guava. */
  @Benchmark
  public @Nullable String maxmindReaderChmCacheFromString(MaxmindChm r, Cursor c)
      throws IOException {
    return isoCode(r.reader.get(InetAddresses.forString(in.text[c.next()]), Map.class));
  }

  /** maxmind-db {@code Reader.get} behind Caffeine, from text via Guava. */
  @Benchmark
  public String maxmindReaderCaffeineFromString(MaxmindCaffeine r, Cursor c) {
    return r.cache.get(InetAddresses.forString(in.text[c.next()]), r.load);
  }
}
