package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import io.geoscope.geoip.writer.MmdbWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures, with the JVM's per-thread allocation counter, that resolving text, raw and numeric
 * addresses allocates nothing once warm, including anonymizer combinations. No timing asserted.
 */
class ResolverAllocationTest {

  private static final String[] ADDRESSES = {
    "81.2.69.160",
    "8.8.8.8",
    "10.1.2.3",
    "1.1.1.1",
    "2a00:1450::1",
    "::ffff:81.2.69.1",
    "2002:5102:4501::1",
    "2001:0:808:808:0:0:aefd:bafe",
    "fe80::1",
    "2c0f::1",
  };

  @TempDir Path dir;

  @Test
  void resolvingAllocatesNothingAfterWarmUp() throws Exception {
    ThreadAllocation counter = ThreadAllocation.counter();
    Path db = dir.resolve("db.mmdb");
    MmdbWriter.ipv6("GeoIP2-City")
        .buildEpoch(Instant.parse("2026-01-01T00:00:00Z"))
        .insert("81.2.69.0/24", MmdbWriter.geoip2City("GB", "ENG"))
        .insert("8.8.8.0/24", MmdbWriter.geoip2Country("US"))
        .insert("2a00::/16", MmdbWriter.geoip2Country("NL"))
        .write(db);
    Path anon = dir.resolve("anon.mmdb");
    MmdbWriter.ipv6("GeoIP2-Anonymous-IP")
        .buildEpoch(Instant.parse("2026-01-01T00:00:00Z"))
        .insert("81.2.69.0/25", Map.of("is_anonymous", true, "is_public_proxy", true))
        .write(anon);
    GeoResolver r = GeoResolver.builder().database(db).anonymousIp(anon).build();
    long checksum = resolveAll(r, 200_000);

    long before = counter.bytes();
    checksum += resolveAll(r, 100_000);
    long allocated = counter.bytes() - before;

    assertThat(checksum).isNotZero();
    assertThat(allocated).as("bytes allocated by 300k lookups").isLessThan(1024);
  }

  private static long resolveAll(GeoResolver r, int count) {
    long checksum = 0;
    for (int i = 0; i < count; i++) {
      checksum += r.resolve(ADDRESSES[i % ADDRESSES.length]).jurisdiction().index();
      checksum += r.resolveIpv4(i * 0x9E3779B9).jurisdiction().index();
      checksum += r.resolveIpv6(0x2a00_0000_0000_0000L + i, i).jurisdiction().index();
    }
    return checksum;
  }
}
