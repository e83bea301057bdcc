package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.geoscope.geoip.DatabaseException;
import io.geoscope.geoip.DatabaseLimits;
import io.geoscope.geoip.GeoResolver;
import io.geoscope.geoip.Schema;
import io.geoscope.geoip.writer.MmdbWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiling a valid database costs work, time and retained memory within a constant factor of its
 * size. The work is counted exactly (the decoder's steps, at most 2 per data-section byte plus a
 * constant: each value is decoded once to check it and at most once more to read it); time and
 * heap are measured, and the constants measured are printed.
 */
class CompileCostPropertyTest {

  private static final String[] COUNTRIES = {"GB", "FR", "DE", "US", "JP", "CN", "IN", "BR"};
  private static final String[] SUBDIVISIONS = {"ENG", "SCT", "BY", "CA", "NY", "13", "BJ"};

  @TempDir Path dir;

  /** A City-shaped database with {@code networks} networks from a seed: shared and nested data. */
  static byte[] database(long seed, int networks) {
    Random random = new Random(seed);
    MmdbWriter w = MmdbWriter.ipv6("GeoIP2-City");
    List<Map<String, Object>> shared = new ArrayList<>();
    for (int i = 0; i < networks; i++) {
      Map<String, Object> record;
      if (!shared.isEmpty() && random.nextInt(3) == 0) {
        record = shared.get(random.nextInt(shared.size()));
      } else {
        String c = COUNTRIES[random.nextInt(COUNTRIES.length)];
        record = random.nextBoolean()
            ? MmdbWriter.geoip2Country(c)
            : MmdbWriter.geoip2City(c, SUBDIVISIONS[random.nextInt(SUBDIVISIONS.length)]);
        record = new LinkedHashMap<>(record);
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("en", "City " + random.nextInt(1000));
        names.put("de", "Stadt " + random.nextInt(1000));
        record.put("city", Map.of("names", names, "geoname_id", (long) random.nextInt(1 << 30)));
        record.put("location", Map.of("latitude", random.nextDouble(), "longitude",
            random.nextDouble(), "accuracy_radius", 100));
        shared.add(record);
      }
      int a = random.nextInt();
      int prefix = 8 + random.nextInt(25);
      String cidr = ((a >>> 24) & 0x7F | 1) + "." + ((a >>> 16) & 0xFF) + "."
          + ((a >>> 8) & 0xFF) + "." + (a & 0xFF) + "/" + prefix;
      w.insert(cidr, record);
    }
    return w.toByteArray();
  }

  private static CompiledDatabase compile(byte[] bytes) throws DatabaseException {
    return CompiledDatabase.compile(bytes, "generated.mmdb", DatabaseLimits.defaults(),
        (type, epoch) -> { }, new LocationRecords(Schema.AUTO));
  }

  @Test
  void decodingStepsStayWithinTwicePerByteForEveryGeneratedDatabase() {
    qt().withExamples(1000)
        .forAll(integers().allPositive(), integers().between(1, 30))
        .checkAssert((seed, networks) -> {
          byte[] bytes = database(seed, networks);
          try {
            CompiledDatabase db = compile(bytes);
            assertThat(db.decodeSteps()).as("steps for %d bytes", bytes.length)
                .isLessThanOrEqualTo(2L * bytes.length + 64);
          } catch (DatabaseException e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void compileTimeAndRetainedHeapGrowLinearlyWithTheFile() throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    double worstNanosPerByte = 0;
    double worstHeapPerByte = 0;
    for (int networks : new int[] {2_000, 8_000, 32_000}) {
      byte[] bytes = database(networks, networks);
      Path file = dir.resolve("n" + networks + ".mmdb");
      Files.write(file, bytes);
      for (int i = 0; i < 3; i++) {
        GeoResolver.builder().database(file).build(); // warm-up
      }
      long best = Long.MAX_VALUE;
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        GeoResolver.builder().database(file).build();
        best = Math.min(best, System.nanoTime() - t0);
      }
      // Eight live copies, so the difference stands out from the heap's noise.
      System.gc();
      long before = memory.getHeapMemoryUsage().getUsed();
      List<GeoResolver> kept = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        kept.add(GeoResolver.builder().database(file).build());
      }
      System.gc();
      long retained = (memory.getHeapMemoryUsage().getUsed() - before) / kept.size();
      assertThat(kept).allSatisfy(r -> assertThat(r.resolve("81.2.69.160")).isNotNull());
      double nanosPerByte = (double) best / bytes.length;
      double heapPerByte = (double) Math.max(0, retained) / bytes.length;
      System.out.printf("[compile-cost] %d bytes: %.0f ns/byte, %.1f retained bytes/byte%n",
          bytes.length, nanosPerByte, heapPerByte);
      worstNanosPerByte = Math.max(worstNanosPerByte, nanosPerByte);
      worstHeapPerByte = Math.max(worstHeapPerByte, heapPerByte);
    }
    // Bounds an order of magnitude above what a loaded 2-core machine measures (see README).
    assertThat(worstNanosPerByte).isLessThan(5_000);
    assertThat(worstHeapPerByte).isLessThan(64);
  }
}
