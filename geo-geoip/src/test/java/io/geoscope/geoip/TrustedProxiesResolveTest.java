package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.constant;
import static org.quicktheories.generators.Generate.frequency;
import static org.quicktheories.generators.Generate.oneOf;
import static org.quicktheories.generators.Generate.pick;

import io.geoscope.core.Evidence;
import io.geoscope.geoip.ProxyGenerators.Kind;
import io.geoscope.geoip.writer.MmdbWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

/**
 * {@link GeoResolver#resolve(TrustedProxies, String, String)}, the in-place walk of the join path,
 * against the typed walk it shortcuts: {@code resolve(proxies.client(peer, header))}, the same
 * evidence or the same error, for generated chains (trusted, untrusted and hiding hops, ports,
 * brackets, attacker prefixes, invalid peers). And that it allocates nothing for usual headers.
 */
class TrustedProxiesResolveTest {
  private static final TrustedProxies PROXIES = TrustedProxies.of(ProxyGenerators.RANGES);
  private static GeoResolver resolver;

  /** A join path: what evidence a peer and an X-Forwarded-For value give. */
  private interface JoinPath {
    Evidence resolve(String peer, String header);
  }

  @BeforeAll
  static void database() throws Exception {
    Path db = Files.createTempDirectory("geoscope-proxies").resolve("db.mmdb");
    // Different countries over the generated untrusted ranges, so a wrong hop shows.
    MmdbWriter.ipv6("GeoIP2-City")
        .buildEpoch(Instant.parse("2026-01-01T00:00:00Z"))
        .insert("11.0.0.0/8", MmdbWriter.geoip2City("GB", "ENG"))
        .insert("12.0.0.0/6", MmdbWriter.geoip2Country("US"))
        .insert("16.0.0.0/4", MmdbWriter.geoip2Country("DE"))
        .insert("32.0.0.0/3", MmdbWriter.geoip2Country("FR"))
        .insert("64.0.0.0/2", MmdbWriter.geoip2Country("JP"))
        .insert("128.0.0.0/2", MmdbWriter.geoip2Country("BR"))
        .insert("2400::/6", MmdbWriter.geoip2Country("NL"))
        .insert("2800::/5", MmdbWriter.geoip2Country("CA"))
        .write(db);
    resolver = GeoResolver.builder().database(db).build();
    Files.deleteIfExists(db);
  }

  private static final JoinPath IN_PLACE = (peer, header) -> resolver.resolve(PROXIES, peer, header);

  private static Gen<String> peers() {
    Gen<String> invalid = pick(List.of("10.0.0.1:80", "[2001:db8:aa::1]", "fe80::1%eth0", "", "localhost", "010.0.0.1"));
    return frequency(Pair.of(4, ProxyGenerators.trustedAddress()), Pair.of(2, ProxyGenerators.untrustedAddress()),
        Pair.of(1, invalid));
  }

  private static Gen<String> headers() {
    Gen<String> chains = oneOf(ProxyGenerators.anyChain(), ProxyGenerators.chainEndingInUntrusted())
        .map(chain -> ProxyGenerators.join(chain, false));
    Gen<String> attacked = ProxyGenerators.attackerPrefix().zip(ProxyGenerators.chainEndingInUntrusted(),
        (prefix, chain) -> prefix + "," + ProxyGenerators.join(chain, false));
    Gen<String> odd = pick(List.of("", " , ,", "\t10.0.0.1 ,", "1.2.3.4:", "1.2.3.4:65536", "[::1", "[1.2.3.4]",
        "[2001:db8:aa::1]:_p", "unknown:80", "_hidden", "2002:1::1:80", "11.1.1.1:080"));
    return frequency(Pair.of(6, chains), Pair.of(3, attacked), Pair.of(1, odd), Pair.of(1, constant((String) null)));
  }

  @Test
  void theInPlaceWalkGivesWhatTheTypedWalkGivesOrTheSameError() {
    qt().withExamples(20000).forAll(peers(), headers())
        .checkAssert((peer, header) -> assertSameAsTyped(IN_PLACE, peer, header));
  }

  @Test
  void wellFormedChainsNeverLeaveTheInPlaceWalk() {
    qt().withExamples(3000).forAll(ProxyGenerators.trustedAddress(), ProxyGenerators.chainEndingInUntrusted())
        .assuming((peer, chain) -> chain.stream().noneMatch(hop -> hop.kind() == Kind.HIDDEN))
        .checkAssert((peer, chain) -> assertThat(PROXIES.locate(peer, ProxyGenerators.join(chain, false)))
            .as("%s %s", peer, chain).isNotEqualTo(TrustedProxies.DECLINED));
  }

  /**
   * Planted bugs: a walk that reads the header even when the peer is not trusted, and one that
   * takes the nearest element without skipping trusted hops. The property must falsify both.
   */
  @Test
  void thePropertyFalsifiesPlantedBugs() {
    JoinPath trustsEveryPeer = (peer, header) -> resolver.resolve(PROXIES, "10.0.0.1", header);
    JoinPath skipsNothing = (peer, header) -> {
      String nearest = header == null ? null : header.substring(header.lastIndexOf(',') + 1);
      return resolver.resolve(PROXIES, peer, nearest);
    };
    for (JoinPath planted : List.of(trustsEveryPeer, skipsNothing)) {
      assertThatThrownBy(() -> qt().withExamples(20000).forAll(peers(), headers())
          .checkAssert((peer, header) -> assertSameAsTyped(planted, peer, header)))
          .isInstanceOf(AssertionError.class);
    }
  }

  @Test
  void resolvingThroughProxiesAllocatesNothingAfterWarmUp() {
    ThreadAllocation counter = ThreadAllocation.counter();
    String[][] joins = {
      {"10.0.0.7", "11.2.3.4"},
      {"10.0.0.7", "64.1.2.3, 10.9.9.9"},
      {"10.0.0.7", "  99.1.1.1:4711 ,10.1.1.1 , "},
      {"10.0.0.7", "[2400:1::5]:443, 10.1.1.1"},
      {"2001:db8:aa::9", "2801::1, 2001:db8:aa::1"},
      {"10.0.0.7", "10.1.2.3, ::ffff:10.0.0.1"},
      {"10.0.0.7", null},
      {"11.0.0.7", "12.1.2.3"},
    };
    long checksum = resolveAll(joins, 200_000);
    long before = counter.bytes();
    checksum += resolveAll(joins, 100_000);
    long allocated = counter.bytes() - before;
    assertThat(checksum).isNotZero();
    assertThat(allocated).as("bytes allocated by 100k joins").isLessThan(1024);
  }

  private static long resolveAll(String[][] joins, int count) {
    long checksum = 0;
    for (int i = 0; i < count; i++) {
      String[] j = joins[i % joins.length];
      checksum += resolver.resolve(PROXIES, j[0], j[1]).jurisdiction().index() + 1;
    }
    return checksum;
  }

  private static void assertSameAsTyped(JoinPath path, String peer, String header) {
    assertThat(outcome(() -> path.resolve(peer, header)))
        .as("peer %s header %s", peer, header)
        .isEqualTo(outcome(() -> resolver.resolve(PROXIES.client(peer, header))));
  }

  /** The evidence, or the error's class and reasons (its position counted too). */
  private static Object outcome(java.util.function.Supplier<Evidence> join) {
    try {
      return join.get();
    } catch (InvalidHeaderException e) {
      return "header " + e.reason() + " at " + e.elementFromRight()
          + (e.getCause() instanceof InvalidAddressException a ? " " + a.reason() : "");
    } catch (InvalidAddressException e) {
      return "address " + e.reason() + " at " + e.index();
    }
  }
}
