package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.google.common.net.InetAddresses;
import com.maxmind.db.Reader;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.UnknownReason;
import io.geoscope.geoip.writer.MmdbWriter;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random network sets written with {@link MmdbWriter} resolve the same through {@link GeoResolver}
 * and MaxMind's own reader, and both agree with a plain model: the last inserted network that holds
 * an address decides.
 */
class WrittenDatabasePropertyTest {

  private static final List<String[]> PLACES =
      List.of(
          new String[] {"US"},
          new String[] {"US", "CA"},
          new String[] {"DE"},
          new String[] {"GB", "SCT"},
          new String[] {"ES", "CT", "B"},
          new String[] {"HK"},
          new String[] {"FR"});

  @TempDir Path dir;

  record Net(int address, int prefix, int place) {
    boolean contains(int a) {
      int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
      return (a & mask) == (address & mask);
    }

    String cidr() {
      return InetAddresses.fromInteger(address).getHostAddress() + "/" + prefix;
    }
  }

  static Gen<Net> nets() {
    return integers()
        .all()
        .zip(integers().between(1, 32), integers().between(0, PLACES.size() - 1), Net::new);
  }

  static Map<String, Object> record(int place) {
    String[] p = PLACES.get(place);
    return p.length == 1
        ? MmdbWriter.geoip2Country(p[0])
        : MmdbWriter.geoip2City(p[0], java.util.Arrays.copyOfRange(p, 1, p.length));
  }

  static Jurisdiction expected(int place) {
    String[] p = PLACES.get(place);
    return p.length == 1 ? Jurisdiction.of(p[0]) : Jurisdiction.of(p[0] + "-" + p[p.length - 1]);
  }

  @Test
  void ourLookupAndMaxMindsAgreeWithTheModelOnRandomIpv4Networks() {
    qt().withExamples(150)
        .forAll(
            lists().of(nets()).ofSizeBetween(1, 25),
            lists().of(integers().all()).ofSize(40),
            Generate.pick(List.of(24, 28, 32)),
            Generate.booleans())
        .checkAssert(this::agree);
  }

  private void agree(List<Net> nets, List<Integer> randoms, int recordSize, boolean v6) {
    try {
      MmdbWriter w = v6 ? MmdbWriter.ipv6("GeoIP2-City") : MmdbWriter.ipv4("GeoIP2-City");
      w.recordSize(recordSize).buildEpoch(Instant.parse("2026-01-01T00:00:00Z"));
      for (Net n : nets) {
        w.insert(n.cidr(), record(n.place()));
      }
      byte[] bytes = w.toByteArray();
      Path file = Files.write(Files.createTempFile(dir, "prop", ".mmdb"), bytes);
      GeoResolver ours = GeoResolver.builder().database(file).build();
      try (Reader theirs = new Reader(new ByteArrayInputStream(bytes))) {
        for (int i = 0; i < randoms.size(); i++) {
          int r = randoms.get(i);
          // Half the queries fall inside an inserted network, half anywhere.
          Net in = nets.get(Math.floorMod(r, nets.size()));
          int hostMask = in.prefix() == 32 ? 0 : -1 >>> in.prefix();
          int a = i % 2 == 0 ? (in.address() & ~hostMask) | (r & hostMask) : r;
          Jurisdiction model = Jurisdiction.unknown(UnknownReason.NOT_FOUND);
          for (Net n : nets) {
            if (n.contains(a)) {
              model = expected(n.place());
            }
          }
          InetAddress address = InetAddresses.fromInteger(a);
          assertThat(maxMind(theirs, address)).as("MaxMind at %s", address).isEqualTo(model);
          Jurisdiction got = ours.resolve(address).jurisdiction();
          if (SpecialBlocks.v4(a)) {
            assertThat(got).isEqualTo(Jurisdiction.unknown(UnknownReason.NON_ROUTABLE));
          } else {
            assertThat(got).as("ours at %s", address).isEqualTo(model);
          }
        }
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  record Net6(long hi, long lo, int prefix, int place) {
    long maskHi() {
      return prefix >= 64 ? -1L : -1L << (64 - prefix);
    }

    long maskLo() {
      return prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
    }

    boolean contains(long h, long l) {
      return (h & maskHi()) == (hi & maskHi()) && (l & maskLo()) == (lo & maskLo());
    }

    InetAddress address() {
      return v6(hi, lo);
    }
  }

  static InetAddress v6(long hi, long lo) {
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (hi >>> (56 - 8 * i));
      b[8 + i] = (byte) (lo >>> (56 - 8 * i));
    }
    try {
      return java.net.Inet6Address.getByAddress(null, b, -1);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** Global unicast 2400::/6, clear of every special, aliased or translated IPv6 prefix. */
  static long globalHi(long random) {
    return 0x2400_0000_0000_0000L | (random & 0x03FF_FFFF_FFFF_FFFFL);
  }

  static Gen<Net6> nets6() {
    return org.quicktheories.generators.SourceDSL.longs()
        .all()
        .zip(
            org.quicktheories.generators.SourceDSL.longs().all(),
            integers().between(6, 128),
            integers().between(0, PLACES.size() - 1),
            (h, l, p, place) -> new Net6(globalHi(h), l, p, place));
  }

  @Test
  void ourLookupAndMaxMindsAgreeWithTheModelOnRandomIpv6Databases() {
    qt().withExamples(150)
        .forAll(
            lists().of(nets6()).ofSizeBetween(1, 25),
            lists().of(org.quicktheories.generators.SourceDSL.longs().all()).ofSize(40),
            Generate.pick(List.of(24, 28, 32)))
        .checkAssert(this::agree6);
  }

  private void agree6(List<Net6> nets, List<Long> randoms, int recordSize) {
    try {
      MmdbWriter w = MmdbWriter.ipv6("GeoIP2-City").recordSize(recordSize);
      for (Net6 n : nets) {
        w.insert(n.address(), n.prefix(), record(n.place()));
      }
      byte[] bytes = w.toByteArray();
      Path file = Files.write(Files.createTempFile(dir, "prop6", ".mmdb"), bytes);
      GeoResolver ours = GeoResolver.builder().database(file).build();
      try (Reader theirs = new Reader(new ByteArrayInputStream(bytes))) {
        for (int i = 0; i < randoms.size(); i++) {
          long r = randoms.get(i);
          long hi = globalHi(r * 0x9E3779B97F4A7C15L);
          long lo = r;
          if (i % 2 == 0) {
            Net6 in = nets.get((int) Math.floorMod(r, (long) nets.size()));
            hi = (in.hi() & in.maskHi()) | (hi & ~in.maskHi());
            lo = (in.lo() & in.maskLo()) | (lo & ~in.maskLo());
          }
          Jurisdiction model = Jurisdiction.unknown(UnknownReason.NOT_FOUND);
          for (Net6 n : nets) {
            if (n.contains(hi, lo)) {
              model = expected(n.place());
            }
          }
          InetAddress address = v6(hi, lo);
          assertThat(maxMind(theirs, address)).as("MaxMind at %s", address).isEqualTo(model);
          assertThat(ours.resolveIpv6(hi, lo).jurisdiction())
              .as("ours at %s", address)
              .isEqualTo(model);
          assertThat(ours.resolve(address).jurisdiction()).isEqualTo(model);
        }
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** What MaxMind's reader says, read with the test's own reading of the record. */
  static Jurisdiction maxMind(Reader reader, InetAddress address) throws java.io.IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> data = reader.get(address, Map.class);
    return DifferentialSupport.jurisdictionOf(data);
  }
}
