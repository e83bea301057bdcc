package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.geoscope.core.Evidence;
import io.geoscope.geoip.HostileDatabases.Hostile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile databases written by the test itself ({@link HostileDatabases}): each is accepted or
 * refused with its typed reason, within 2 s, at {@code -Xmx256m} (in a child JVM), and lookups
 * running while they are reloaded never fail.
 */
class HostileDatabaseTest {

  private static final Instant BUILT = Instant.parse("2026-06-01T00:00:00Z");

  @TempDir Path dir;

  static Stream<Hostile> hostile() {
    return HostileDatabases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void eachHostileFileIsAcceptedOrRefusedWithItsReasonAndTheResolverInServiceKeepsAnswering(
      Hostile h) throws Exception {
    Path file = dir.resolve(h.name() + ".mmdb");
    Files.write(file, h.bytes().get());
    Path good = dir.resolve("good.mmdb");
    Files.write(good, HostileDatabases.good(BUILT));
    GeoResolver resolver = GeoResolver.builder().database(good).build();
    Evidence before = resolver.resolve("81.2.69.160");

    DatabaseException built =
        catchThrowableOfType(
            DatabaseException.class, () -> GeoResolver.builder().database(file).build());
    DatabaseException reloaded =
        catchThrowableOfType(DatabaseException.class, () -> resolver.reload(file, true));

    if (h.expected() == null) {
      assertThat(built).as("built").isNull();
      assertThat(reloaded).as("reloaded").isNull();
    } else {
      assertThat(built).as("built").isNotNull();
      assertThat(built.reason()).isEqualTo(h.expected());
      assertThat(reloaded.reason()).isEqualTo(h.expected());
      assertThat(built.getMessage())
          .doesNotContain("\n")
          .doesNotContainPattern("\\d+\\.\\d+\\.\\d+\\.\\d+")
          .hasSizeLessThan(1200)
          .startsWith(file.getFileName() + ": " + h.expected() + ": ");
      assertThat(resolver.resolve("81.2.69.160")).isEqualTo(before);
      System.out.println("[hostile] " + built.getMessage());
    }
  }

  @Test
  void resourceLimitRefusalsNameTheLimitAndItsValue() throws Exception {
    Map<String, String> limitOf =
        Map.of(
            "deep-arrays-100000", "limit maxDataDepth=512 exceeded",
            "deep-pointer-chain-20000", "limit maxDataDepth=512 exceeded",
            "overlapping-records", "limit decodeBudgetPerByte=4 exceeded");
    for (Hostile h : HostileDatabases.all()) {
      String expected = limitOf.get(h.name());
      if (expected == null) {
        continue;
      }
      Path file = dir.resolve(h.name() + ".mmdb");
      Files.write(file, h.bytes().get());
      DatabaseException e =
          catchThrowableOfType(
              DatabaseException.class, () -> GeoResolver.builder().database(file).build());
      assertThat(e.getMessage()).contains(expected);
    }
  }

  @Test
  void theLimitsAreTheBuildersToChange() throws Exception {
    Path deep = dir.resolve("deep.mmdb");
    Files.write(deep, HostileDatabases.deepChain(1000));
    assertThat(catchThrowableOfType(DatabaseException.class,
        () -> GeoResolver.builder().database(deep).build()).reason())
        .isEqualTo(DatabaseException.Reason.RESOURCE_LIMIT);
    // Deep but below a raised limit: accepted.
    assertThat(GeoResolver.builder().database(deep)
        .limits(DatabaseLimits.builder().maxDataDepth(4096).build()).build()).isNotNull()
        .satisfies(r -> assertThat(r.resolve("1.2.3.4").jurisdiction().code()).isEqualTo("GB"));
    Path good = dir.resolve("good.mmdb");
    Files.write(good, HostileDatabases.good(BUILT));
    assertThat(catchThrowableOfType(DatabaseException.class, () -> GeoResolver.builder()
        .database(good).limits(DatabaseLimits.builder().maxFileBytes(100).build()).build())
        .getMessage()).contains("limit maxFileBytes=100 exceeded");
    assertThat(catchThrowableOfType(DatabaseException.class, () -> GeoResolver.builder()
        .database(good).limits(DatabaseLimits.builder().decodeBudgetPerByte(1).build()).build()))
        .isNull();
    assertThat(catchThrowableOfType(DatabaseException.class, () -> GeoResolver.builder()
        .database(good).limits(DatabaseLimits.builder().maxMetadataText(5).build()).build())
        .reason()).isEqualTo(DatabaseException.Reason.CORRUPT);
    assertThat(catchThrowableOfType(DatabaseException.class, () -> GeoResolver.builder()
        .database(good).limits(DatabaseLimits.builder()
            .compileTimeout(java.time.Duration.ofNanos(1)).build()).build())
        .getMessage()).contains("limit compileTimeout=0 exceeded");
  }

  @Test
  void atAHeapOf256MegabytesEveryHostileFileIsDecidedWithin2sAndLookupsDuringReloadsNeverFail()
      throws Exception {
    Map<String, String> expected = new HashMap<>();
    for (Hostile h : HostileDatabases.all()) {
      Files.write(dir.resolve(h.name() + ".mmdb"), h.bytes().get());
      expected.put(h.name(), h.expected() == null ? "ACCEPTED" : h.expected().name());
    }
    Files.write(dir.resolve("good.mmdb"), HostileDatabases.good(BUILT));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), HostileProbe.class.getName(),
                dir.toString(), System.getProperty("geoscope.hostile.stress.seconds", "3"))
            .redirectErrorStream(true)
            .start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
        System.out.println("[probe] " + line);
      }
    }
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as("probe exit; output %s", lines).isZero();
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("MAXHEAP"));
    long heap = Long.parseLong(lines.stream().filter(l -> l.startsWith("MAXHEAP")).findFirst()
        .orElseThrow().split(" ")[1]);
    assertThat(heap).isLessThanOrEqualTo(256L << 20);
    int files = 0;
    for (String line : lines) {
      String[] f = line.split(" ");
      if (f[0].equals("FILE")) {
        files++;
        assertThat(f[2]).as("build of %s", f[1]).isEqualTo(expected.get(f[1]));
        assertThat(f[4]).as("reload of %s", f[1]).isEqualTo(expected.get(f[1]));
        assertThat(Long.parseLong(f[3])).as("build ms of %s", f[1]).isLessThan(2000);
        assertThat(Long.parseLong(f[5])).as("reload ms of %s", f[1]).isLessThan(2000);
      } else if (f[0].equals("STRESS")) {
        assertThat(Long.parseLong(f[1])).as("lookups").isPositive();
        assertThat(Long.parseLong(f[2])).as("lookup errors").isZero();
        assertThat(Long.parseLong(f[3])).as("reloads").isGreaterThan(2);
        assertThat(Long.parseLong(f[4])).as("refusals").isPositive();
        assertThat(Long.parseLong(f[5])).as("reload thread errors").isZero();
      }
    }
    assertThat(files).isEqualTo(expected.size());
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("STRESS"));
  }
}
