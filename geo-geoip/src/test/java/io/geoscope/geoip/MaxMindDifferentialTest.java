package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.Network;
import com.maxmind.db.Networks;
import com.maxmind.db.NoCache;
import com.maxmind.db.Reader;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.UnknownReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test against MaxMind's reader: for each shared database with countries, a million
 * random IPv4 and 200,000 random IPv6 addresses (half inside the database's own networks) resolve
 * to the same country and subdivision. Teredo is excluded (we resolve the client on purpose); 6to4,
 * IPv4-mapped and IPv4-compatible addresses are compared with MaxMind's answer for the embedded
 * IPv4 address, which is what they mean.
 */
class MaxMindDifferentialTest {

  private static final int IPV4_QUERIES = 1_000_000;
  private static final int IPV6_QUERIES = 200_000;

  static Stream<Path> databases() {
    List<Path> dbs = new ArrayList<>();
    for (String name :
        List.of(
            "GeoIP2-City-Test.mmdb",
            "GeoIP2-City-Shield-Test.mmdb",
            "GeoIP2-Country-Test.mmdb",
            "GeoIP2-Country-Shield-Test.mmdb",
            "GeoIP2-Enterprise-Test.mmdb",
            "GeoIP2-Enterprise-Shield-Test.mmdb",
            "GeoIP2-Precision-Enterprise-Test.mmdb",
            "GeoIP2-Precision-Enterprise-Shield-Test.mmdb",
            "GeoLite2-City-Test.mmdb",
            "GeoLite2-Country-Test.mmdb")) {
      dbs.add(SharedData.testDb(name));
    }
    dbs.add(SharedData.geoip("real/geo-whois-asn-country.mmdb"));
    dbs.add(SharedData.geoip("real/geolite2-country.mmdb"));
    return dbs.stream();
  }

  /** MaxMind's answer for one address, looked up one by one. */
  private static final class TheirSide {
    final Reader reader;

    TheirSide(Path file) throws IOException {
      reader =
          new Reader(new ByteArrayInputStream(Files.readAllBytes(file)), NoCache.getInstance());
    }

    @SuppressWarnings("unchecked")
    Jurisdiction at(InetAddress a) throws IOException {
      Object data = reader.get(a, Map.class);
      if (data == null) {
        return Jurisdiction.unknown(UnknownReason.NOT_FOUND);
      }
      return DifferentialSupport.jurisdictionOf((Map<String, Object>) data);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void everyAddressResolvesAsMaxMindsReaderSays(Path file) throws Exception {
    GeoResolver ours = GeoResolver.builder().database(file).build();
    TheirSide theirs = new TheirSide(file);
    // MaxMind's own network iteration says which record covers each network; an address drawn
    // inside a network is compared with that record, and every 16th is also looked up one by one
    // (a lookup decodes the whole record every time, which would dominate the run).
    List<Network> v4 = new ArrayList<>();
    List<Jurisdiction> v4Answers = new ArrayList<>();
    List<Network> v6 = new ArrayList<>();
    List<Jurisdiction> v6Answers = new ArrayList<>();
    @SuppressWarnings("rawtypes")
    Networks<Map> networks = theirs.reader.networks(false, Map.class);
    while (networks.hasNext()) {
      @SuppressWarnings({"rawtypes", "unchecked"})
      DatabaseRecord<Map<String, Object>> r = (DatabaseRecord) networks.next();
      boolean isV4 = r.network().networkAddress() instanceof Inet4Address;
      (isV4 ? v4 : v6).add(r.network());
      (isV4 ? v4Answers : v6Answers).add(DifferentialSupport.jurisdictionOf(r.data()));
    }
    SplittableRandom random = new SplittableRandom(file.getFileName().toString().hashCode());
    Jurisdiction nonRoutable = Jurisdiction.unknown(UnknownReason.NON_ROUTABLE);
    int compared = 0;
    for (int i = 0; i < IPV4_QUERIES; i++) {
      int a = random.nextInt();
      Jurisdiction fromNetwork = null;
      if (i % 2 == 0 && !v4.isEmpty()) {
        int pick = random.nextInt(v4.size());
        Network n = v4.get(pick);
        int base = InetAddresses.coerceToInteger(n.networkAddress());
        int host = n.prefixLength() == 32 ? 0 : -1 >>> n.prefixLength();
        a = (base & ~host) | (a & host);
        fromNetwork = v4Answers.get(pick);
      }
      Jurisdiction got =
          i % 64 == 0
              ? ours.resolve(InetAddresses.fromInteger(a)).jurisdiction()
              : ours.resolveIpv4(a).jurisdiction();
      if (SpecialBlocks.v4(a)) {
        if (got != nonRoutable) {
          assertThat(got).as("special %s", InetAddresses.fromInteger(a)).isEqualTo(nonRoutable);
        }
        continue;
      }
      Jurisdiction want =
          fromNetwork != null && i % 32 != 0
              ? fromNetwork
              : theirs.at(InetAddresses.fromInteger(a));
      if (got != want) {
        assertThat(got)
            .as("%s in %s", InetAddresses.fromInteger(a), file.getFileName())
            .isEqualTo(want);
      }
      compared++;
    }
    for (int i = 0; i < IPV6_QUERIES; i++) {
      byte[] b = new byte[16];
      random.nextBytes(b);
      Jurisdiction fromNetwork = null;
      if (i % 2 == 0 && !v6.isEmpty()) {
        int pick = random.nextInt(v6.size());
        Network n = v6.get(pick);
        byte[] base = n.networkAddress().getAddress();
        for (int bit = 0; bit < n.prefixLength(); bit++) {
          int mask = 0x80 >>> (bit & 7);
          b[bit >> 3] = (byte) ((b[bit >> 3] & ~mask) | (base[bit >> 3] & mask));
        }
        fromNetwork = v6Answers.get(pick);
      } else if (i % 4 == 1) {
        b[0] = (byte) ((b[0] & 0x1F) | 0x20); // global unicast 2000::/3
      }
      if (isTeredo(b)) {
        continue;
      }
      Inet6Address address = (Inet6Address) Inet6Address.getByAddress(null, b, -1);
      Jurisdiction got = ours.resolve(b).jurisdiction();
      if (got == nonRoutable && specialV6(address, b)) {
        continue;
      }
      InetAddress meaning = meaning(address, b);
      Jurisdiction want =
          fromNetwork != null && meaning == address && i % 32 != 0
              ? fromNetwork
              : theirs.at(meaning);
      if (got != want) {
        assertThat(got)
            .as("%s in %s", InetAddresses.toAddrString(address), file.getFileName())
            .isEqualTo(want);
      }
      compared++;
    }
    assertThat(compared).isGreaterThan((IPV4_QUERIES + IPV6_QUERIES) * 9 / 10);
  }

  private static boolean isTeredo(byte[] b) {
    return b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0;
  }

  /** The address MaxMind should be asked about: the IPv4 address an IPv6 form embeds. */
  private static InetAddress meaning(Inet6Address address, byte[] b) {
    if (InetAddresses.is6to4Address(address)) {
      return InetAddresses.get6to4IPv4Address(address);
    }
    boolean zero80 = true;
    for (int i = 0; i < 10; i++) {
      zero80 &= b[i] == 0;
    }
    boolean mapped = zero80 && b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
    boolean compatible = zero80 && b[10] == 0 && b[11] == 0;
    if (mapped || compatible) {
      return InetAddresses.fromInteger(
          ((b[12] & 0xFF) << 24) | ((b[13] & 0xFF) << 16) | ((b[14] & 0xFF) << 8) | (b[15] & 0xFF));
    }
    return address;
  }

  private static boolean specialV6(Inet6Address address, byte[] b) {
    InetAddress embedded = meaning(address, b);
    return embedded instanceof Inet4Address
        ? SpecialBlocks.v4(InetAddresses.coerceToInteger(embedded))
        : SpecialBlocks.v6(b);
  }
}
