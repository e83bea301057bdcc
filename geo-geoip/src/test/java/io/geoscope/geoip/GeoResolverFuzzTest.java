package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.geoscope.core.Evidence;
import io.geoscope.geoip.writer.MmdbWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes opening and querying MaxMind DB files: any bytes either load into a resolver that answers
 * every lookup with evidence, or are refused with a {@link DatabaseException}; a refused reload
 * leaves the database in service answering exactly as before. Every build replays the committed
 * corpus in {@code GeoResolverFuzzTestInputs/} (small files written by {@link MmdbWriter} and
 * hand-damaged copies); the {@code fuzz} profile explores for a bounded time, seeded also with
 * the shared MaxMind test and corrupt databases by {@code .ci/fuzz}.
 */
class GeoResolverFuzzTest {

  private static final String[] PROBES = {
    "81.2.69.160", "1.1.1.1", "8.8.8.8", "175.16.199.1", "::ffff:81.2.69.160", "2001:218::1",
    "2a02:cf40::1", "2002:5102:45a0::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "::81.2.69.160"
  };

  private static final Path FILE = temporaryFile("fuzzed", ".mmdb");
  private static final Path GOOD = temporaryFile("good", ".mmdb");

  @FuzzTest(maxDuration = "30s")
  void anyBytesOpenIntoAResolverThatAnswersOrAreRefusedTyped(byte[] bytes) throws Exception {
    write(FILE, bytes);
    GeoResolver resolver;
    try {
      resolver = GeoResolver.builder().database(FILE).build();
    } catch (DatabaseException e) {
      assertThat(e.getMessage()).doesNotContainPattern("\\d+\\.\\d+\\.\\d+\\.\\d+");
      return;
    }
    for (String probe : PROBES) {
      assertThat(resolver.resolve(probe)).isNotNull();
    }
    for (int i = 0; i < 64; i++) {
      assertThat(resolver.resolveIpv4(i * 0x04000001)).isNotNull();
      assertThat(resolver.resolveIpv6((long) i << 58 | 0x2000_0000_0000_0000L, i)).isNotNull();
    }
  }

  @FuzzTest(maxDuration = "30s")
  void aRefusedReloadKeepsTheOldDatabaseAnsweringAsBefore(byte[] bytes) throws Exception {
    write(GOOD, MmdbWriter.ipv6("GeoIP2-Country")
        .insert("81.2.69.0/24", MmdbWriter.geoip2Country("GB"))
        .insert("2001:218::/32", MmdbWriter.geoip2Country("JP"))
        .toByteArray());
    GeoResolver resolver = GeoResolver.builder().database(GOOD).build();
    Evidence[] before = new Evidence[PROBES.length];
    for (int i = 0; i < PROBES.length; i++) {
      before[i] = resolver.resolve(PROBES[i]);
    }
    write(FILE, bytes);
    try {
      resolver.reload(FILE, true);
    } catch (DatabaseException e) {
      for (int i = 0; i < PROBES.length; i++) {
        assertThat(resolver.resolve(PROBES[i])).isEqualTo(before[i]);
      }
      return;
    }
    for (String probe : PROBES) {
      assertThat(resolver.resolve(probe)).isNotNull();
    }
  }

  private static void write(Path path, byte[] bytes) {
    try {
      Files.write(path, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path temporaryFile(String prefix, String suffix) {
    try {
      Path path = Files.createTempFile(prefix, suffix);
      path.toFile().deleteOnExit();
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
