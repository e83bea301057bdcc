package io.geoscope.benchmarks;

import io.geoscope.core.Jurisdiction;
import io.geoscope.geoip.writer.MmdbWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A GeoIP2-City-shaped database of realistic size written by the project's own {@link MmdbWriter}:
 * about 500,000 IPv4 and 300,000 IPv6 networks over every ISO 3166-1 country (skewed towards a few
 * big ones, in runs of neighbouring networks as registries allocate them), a tenth of the networks
 * of ten large countries carrying a subdivision. Records are minimal ({@code country. iso_code},
 * {@code subdivisions[].iso_code}), which makes MaxMind's decoders look as good as they can.
 *
 * <p>The file is written once per seed into {@code java.io.tmpdir/geoscope-bench/} and reused.
 */
final class SyntheticDatabase {

  static final int IPV4_NETWORKS = 500_000;
  static final int IPV6_NETWORKS = 300_000;

  /** Bump when the generator changes, so stale cached files are not reused. */
  private static final int GENERATOR_VERSION = 1;

  private static final String[] WITH_SUBDIVISIONS = {
    "US", "CA", "DE", "GB", "FR", "IN", "CN", "BR", "AU", "RU"
  };

  /** IPv4 blocks that are never routed publicly; real databases hold no networks there. */
  private static final long[][] RESERVED4 = {
    {0x0A000000L, 8},
    {0x64400000L, 10},
    {0x7F000000L, 8},
    {0xA9FE0000L, 16},
    {0xAC100000L, 12},
    {0xC0000000L, 24},
    {0xC0000200L, 24},
    {0xC0A80000L, 16},
    {0xC6120000L, 15},
    {0xC6336400L, 24},
    {0xCB007100L, 24}
  };

  /** The top 16 bits of the IPv6 regions the registries allocate from. */
  static final long[] IPV6_REGIONS = {0x2400L, 0x2600L, 0x2800L, 0x2A00L, 0x2C00L};

  private SyntheticDatabase() {}

  /** The path of the database for {@code seed}, writing it first if it is not cached yet. */
  static Path path(long seed) {
    return cached("synthetic-v" + GENERATOR_VERSION + "-" + seed + ".mmdb", () -> writer(seed));
  }

  /**
   * The file {@code name} in {@code java.io.tmpdir/geoscope-bench/}, written by {@code writer}
   * first if it is not there yet (generated databases are reused across runs).
   */
  static synchronized Path cached(String name, java.util.function.Supplier<MmdbWriter> writer) {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "geoscope-bench");
    Path file = dir.resolve(name);
    if (Files.isRegularFile(file)) {
      return file;
    }
    try {
      Files.createDirectories(dir);
      long t0 = System.nanoTime();
      writer.get().write(file);
      System.err.printf(
          "geoscope-bench: wrote %s (%,d bytes) in %.1f s%n",
          file, Files.size(file), (System.nanoTime() - t0) / 1e9);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A writer holding the whole synthetic database for {@code seed}. */
  static MmdbWriter writer(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Jurisdiction> countries = Jurisdiction.countries();
    MmdbWriter w =
        MmdbWriter.ipv6("GeoIP2-City")
            .buildEpoch(Instant.parse("2026-06-17T00:00:00Z"))
            .description("en", "Geoscope synthetic benchmark database, seed " + seed);
    writeIpv4(w, random, countries);
    writeIpv6(w, random, countries);
    return w;
  }

  private static void writeIpv4(
      MmdbWriter w, SplittableRandom random, List<Jurisdiction> countries) {
    long next = 0x01000000L;
    long end = 0xE0000000L;
    int written = 0;
    while (written < IPV4_NETWORKS && next < end) {
      Map<String, Object> country = record(random, countries);
      Map<String, Object> subdivided = subdivided(random, country);
      int prefix = ipv4Prefix(random);
      int run = 1 + random.nextInt(12);
      for (int i = 0; i < run && written < IPV4_NETWORKS; i++) {
        long size = 1L << (32 - prefix);
        long start = (next + size - 1) & -size;
        long reservedEnd = reservedEnd(start, size);
        if (reservedEnd >= 0) {
          next = reservedEnd;
          continue;
        }
        if (start + size > end) {
          next = end;
          break;
        }
        w.insert(address4(start), prefix, random.nextInt(10) == 0 ? subdivided : country);
        written++;
        next = start + size;
      }
      if (random.nextInt(5) == 0) {
        next += 256L * (1 + random.nextInt(32));
      }
    }
  }

  private static void writeIpv6(
      MmdbWriter w, SplittableRandom random, List<Jurisdiction> countries) {
    long[] next = new long[IPV6_REGIONS.length];
    for (int r = 0; r < next.length; r++) {
      next[r] = IPV6_REGIONS[r] << 48;
    }
    int written = 0;
    while (written < IPV6_NETWORKS) {
      int r = random.nextInt(IPV6_REGIONS.length);
      long regionEnd = (IPV6_REGIONS[r] + 0x100L) << 48;
      Map<String, Object> country = record(random, countries);
      Map<String, Object> subdivided = subdivided(random, country);
      int prefix = ipv6Prefix(random);
      int run = 1 + random.nextInt(12);
      for (int i = 0; i < run && written < IPV6_NETWORKS; i++) {
        long size = 1L << (64 - prefix);
        long start = (next[r] + size - 1) & -size;
        if (Long.compareUnsigned(start + size, regionEnd) > 0) {
          break;
        }
        w.insert(address6(start), prefix, random.nextInt(10) == 0 ? subdivided : country);
        written++;
        next[r] = start + size;
      }
      if (random.nextInt(4) == 0) {
        next[r] += (1L << 32) * (1 + random.nextInt(8));
      }
    }
  }

  /** A country record, most often one of the first few (by a Zipf-like choice). */
  private static Map<String, Object> record(SplittableRandom random, List<Jurisdiction> countries) {
    String code;
    if (random.nextInt(2) == 0) {
      code =
          WITH_SUBDIVISIONS[
              (int) Math.floor(Math.pow(random.nextDouble(), 2) * WITH_SUBDIVISIONS.length)];
    } else {
      code = countries.get(random.nextInt(countries.size())).code();
    }
    return MmdbWriter.geoip2City(code);
  }

  private static Map<String, Object> subdivided(
      SplittableRandom random, Map<String, Object> country) {
    Object iso = ((Map<?, ?>) country.get("country")).get("iso_code");
    String code = String.valueOf(iso);
    for (String big : WITH_SUBDIVISIONS) {
      if (big.equals(code)) {
        return MmdbWriter.geoip2City(code, String.format("%02d", 1 + random.nextInt(20)));
      }
    }
    return country;
  }

  private static int ipv4Prefix(SplittableRandom random) {
    int p = random.nextInt(100);
    if (p < 55) {
      return 24;
    }
    if (p < 65) {
      return 23;
    }
    if (p < 77) {
      return 22;
    }
    if (p < 83) {
      return 21;
    }
    if (p < 89) {
      return 20;
    }
    if (p < 93) {
      return 19;
    }
    if (p < 96) {
      return 18;
    }
    return p < 98 ? 17 : 16;
  }

  private static int ipv6Prefix(SplittableRandom random) {
    int p = random.nextInt(100);
    if (p < 10) {
      return 29;
    }
    if (p < 55) {
      return 32;
    }
    if (p < 60) {
      return 36;
    }
    if (p < 70) {
      return 40;
    }
    return p < 80 ? 44 : 48;
  }

  /** The end of the reserved block overlapping [start, start + size), or -1 if none does. */
  static long reservedEnd(long start, long size) {
    for (long[] block : RESERVED4) {
      long blockEnd = block[0] + (1L << (32 - block[1]));
      if (start < blockEnd && block[0] < start + size) {
        return blockEnd;
      }
    }
    return -1;
  }

  static InetAddress address4(long a) {
    byte[] b = {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new AssertionError("4 bytes are always an address", e);
    }
  }

  static InetAddress address6(long hi) {
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (hi >>> (56 - 8 * i));
    }
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new AssertionError("16 bytes are always an address", e);
    }
  }
}
