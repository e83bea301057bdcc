package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.net.InetAddresses;
import io.geoscope.core.Evidence;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every network in the JSON that MaxMind's test databases were built from resolves, at its first,
 * middle and last address, to the country and subdivisions its record names (the most specific
 * network wins where they overlap). Addresses in prefixes the databases alias to IPv4 ({@code
 * ::ffff:0:0/96}, {@code 2002::/16}), Teredo and special-purpose blocks are left out.
 */
class SourceDataTest {

  private static final BigInteger ONE = BigInteger.ONE;

  record SourceNetwork(BigInteger first, BigInteger last, int prefix, Map<String, Object> record) {
    boolean contains(BigInteger a) {
      return first.compareTo(a) <= 0 && a.compareTo(last) <= 0;
    }
  }

  static Stream<String> sources() {
    return Stream.of(
        "GeoIP2-City-Test",
        "GeoIP2-Country-Test",
        "GeoIP2-Enterprise-Test",
        "GeoLite2-City-Test",
        "GeoLite2-Country-Test");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void everySourceNetworkResolvesToTheCountryItsRecordNames(String name) throws Exception {
    List<SourceNetwork> networks = read(SharedData.geoip("maxmind-source-data/" + name + ".json"));
    GeoResolver resolver =
        GeoResolver.builder().database(SharedData.testDb(name + ".mmdb")).build();
    int checked = 0;
    for (SourceNetwork n : networks) {
      BigInteger middle = n.first().add(n.last()).shiftRight(1);
      for (BigInteger a : List.of(n.first(), middle, n.last())) {
        byte[] bytes = bytes16(a);
        if (leftOut(bytes)) {
          continue;
        }
        SourceNetwork decisive = n;
        for (SourceNetwork other : networks) {
          if (other.contains(a) && other.prefix() > decisive.prefix()) {
            decisive = other;
          }
        }
        Evidence e = resolver.resolve(bytes);
        String where =
            InetAddresses.toAddrString(InetAddresses.fromLittleEndianByteArray(reverse(bytes)));
        assertThat(e.jurisdiction())
            .as("%s in %s", where, name)
            .isEqualTo(DifferentialSupport.jurisdictionOf(decisive.record()));
        if (decisive.record().get("subdivisions") instanceof List<?> subs
            && subs.size() > 1
            && subs.get(0) instanceof Map<?, ?> least) {
          assertThat(e.detail())
              .as("least specific subdivision named for %s", where)
              .contains(
                  "subdivisions[0]="
                      + e.jurisdiction().country().code()
                      + "-"
                      + least.get("iso_code"));
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(networks.size());
  }

  private static boolean leftOut(byte[] b) {
    boolean zero80 = true;
    for (int i = 0; i < 10; i++) {
      zero80 &= b[i] == 0;
    }
    boolean mapped = zero80 && b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
    boolean sixToFour = b[0] == 0x20 && b[1] == 0x02;
    boolean teredo = b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0;
    boolean compatible = zero80 && b[10] == 0 && b[11] == 0;
    int v4 =
        ((b[12] & 0xFF) << 24) | ((b[13] & 0xFF) << 16) | ((b[14] & 0xFF) << 8) | (b[15] & 0xFF);
    return mapped
        || sixToFour
        || teredo
        || (compatible ? SpecialBlocks.v4(v4) : SpecialBlocks.v6(b));
  }

  private static List<SourceNetwork> read(Path json) throws IOException {
    List<Map<String, Map<String, Object>>> entries =
        new ObjectMapper().readValue(Files.readAllBytes(json), new TypeReference<>() {});
    List<SourceNetwork> out = new ArrayList<>();
    for (Map<String, Map<String, Object>> entry : entries) {
      for (Map.Entry<String, Map<String, Object>> e : entry.entrySet()) {
        String[] cidr = e.getKey().split("/");
        byte[] raw = InetAddresses.forString(cidr[0]).getAddress();
        int prefix = Integer.parseInt(cidr[1]);
        if (raw.length == 4) {
          byte[] v6 = new byte[16];
          System.arraycopy(raw, 0, v6, 12, 4);
          raw = v6;
          prefix += 96;
        }
        BigInteger hostMask = ONE.shiftLeft(128 - prefix).subtract(ONE);
        BigInteger first = new BigInteger(1, raw).andNot(hostMask);
        out.add(new SourceNetwork(first, first.or(hostMask), prefix, e.getValue()));
      }
    }
    return out;
  }

  private static byte[] bytes16(BigInteger a) {
    byte[] raw = a.toByteArray();
    byte[] out = new byte[16];
    int n = Math.min(16, raw.length);
    System.arraycopy(raw, raw.length - n, out, 16 - n, n);
    return out;
  }

  private static byte[] reverse(byte[] b) {
    byte[] r = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = b[b.length - 1 - i];
    }
    return r;
  }
}
