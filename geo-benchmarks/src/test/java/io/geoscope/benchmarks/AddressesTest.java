package io.geoscope.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import com.maxmind.db.Reader;
import io.geoscope.geoip.writer.MmdbWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddressesTest {

  @TempDir static Path dir;
  static Path db;

  @BeforeAll
  static void writeDatabase() throws Exception {
    // A quarter of the IPv4 space and one IPv6 /32: most random addresses miss both.
    db = dir.resolve("small.mmdb");
    MmdbWriter.ipv6("GeoIP2-Country")
        .insert("64.0.0.0/2", MmdbWriter.geoip2Country("US"))
        .insert("2a00:1450::/32", MmdbWriter.geoip2Country("DE"))
        .write(db);
  }

  @Test
  void atLeastHalfOfTheIpv4InputsAreInsideTheDatabaseAndEveryFormSaysTheSameAddress()
      throws Exception {
    Addresses in = Addresses.ipv4(db, "uniform", 7);
    assertThat(coveredFraction(in)).isBetween(0.5, 0.7);
    assertSameAddressInEveryForm(in);
  }

  @Test
  void atLeastHalfOfTheIpv6InputsAreInsideTheDatabaseAndEveryFormSaysTheSameAddress()
      throws Exception {
    Addresses in = Addresses.ipv6(db, "uniform", 7);
    assertThat(coveredFraction(in)).isBetween(0.5, 0.6);
    assertSameAddressInEveryForm(in);
  }

  @Test
  void zipfInputsRepeatAFewAddressesOftenAndUniformInputsNever() {
    Map<String, Integer> zipf = counts(Addresses.ipv4(db, "zipf", 7).text);
    Map<String, Integer> uniform = counts(Addresses.ipv4(db, "uniform", 7).text);
    int top = zipf.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    // Rank 1 of Zipf(1) over 65,536 addresses has probability 1/H(65536), about 8.5 %.
    assertThat(top).isBetween(Addresses.SIZE / 15, Addresses.SIZE / 9);
    assertThat(zipf.size()).isLessThan(Addresses.SIZE / 2);
    assertThat(uniform).hasSizeGreaterThan(Addresses.SIZE - 10);
  }

  private static double coveredFraction(Addresses in) throws Exception {
    int covered = 0;
    try (Reader reader = new Reader(db.toFile())) {
      for (byte[] b : in.bytes) {
        if (reader.getRecord(java.net.InetAddress.getByAddress(b), Object.class).data() != null) {
          covered++;
        }
      }
    }
    return (double) covered / Addresses.SIZE;
  }

  private static void assertSameAddressInEveryForm(Addresses in) {
    for (int i = 0; i < Addresses.SIZE; i++) {
      assertThat(InetAddresses.forString(in.text[i]).getAddress()).isEqualTo(in.bytes[i]);
      assertThat(in.inet[i].getAddress()).isEqualTo(in.bytes[i]);
    }
  }

  private static Map<String, Integer> counts(String[] text) {
    Map<String, Integer> counts = new HashMap<>();
    for (String t : text) {
      counts.merge(t, 1, Integer::sum);
    }
    return counts;
  }
}
