package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.booleans;

import io.geoscope.core.Evidence;
import io.geoscope.core.UnknownReason;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ClientAddressTest {
  private static final TrustedProxies PROXIES = TrustedProxies.of(ProxyGenerators.RANGES);

  @Test
  void theTypedClientIsTheSameAddressAsTheTextOneOrHiddenExactlyWhenTheTextSaysUnknown()
      throws Exception {
    qt().withExamples(1000)
        .forAll(ProxyGenerators.anyChain(), peers(), booleans())
        .checkAssert((chain, peer, forwarded) -> {
          String header = ProxyGenerators.join(chain, forwarded);
          String text = forwarded ? PROXIES.clientAddressFromForwarded(peer, header) : PROXIES.clientAddress(peer, header);
          ClientAddress typed = forwarded ? PROXIES.clientFromForwarded(peer, header) : PROXIES.client(peer, header);
          ClientAddress viaInet = forwarded
              ? PROXIES.clientFromForwarded(inet(peer), header)
              : PROXIES.client(inet(peer), header);
          assertThat(viaInet).isEqualTo(typed);
          if (text.equals(TrustedProxies.UNKNOWN_CLIENT)) {
            assertThat(typed.isKnown()).isFalse();
            assertThat(typed.hidden()).isEqualTo(ClientAddress.Hidden.BY_PROXY);
          } else {
            assertThat(typed).isEqualTo(parsed(text));
            assertThat(typed.hidden()).isEqualTo(ClientAddress.Hidden.NOT_HIDDEN);
          }
          assertThat(typed.toString()).doesNotContain(text.equals("unknown") ? "::" : text);
        });
  }

  @Test
  void anAbsentHeaderLeavesThePeerWithEveryOverload() throws Exception {
    String peer = "10.1.2.3";
    ClientAddress expected = ClientAddress.ipv4(0x0A010203);
    assertThat(PROXIES.client(peer)).isEqualTo(expected);
    assertThat(PROXIES.client(peer, null)).isEqualTo(expected);
    assertThat(PROXIES.client(InetAddress.getByName(peer))).isEqualTo(expected);
    assertThat(PROXIES.client(InetAddress.getByName(peer), null)).isEqualTo(expected);
    assertThat(PROXIES.clientFromForwarded(peer, null)).isEqualTo(expected);
    assertThat(PROXIES.clientFromForwarded(InetAddress.getByName(peer), null)).isEqualTo(expected);
  }

  @Test
  void aHiddenClientResolvesToUnknownEvidenceThatSaysWhy() throws Exception {
    GeoResolver resolver =
        GeoResolver.builder().database(SharedData.testDb("GeoIP2-Country-Test.mmdb")).build();
    ClientAddress hidden = PROXIES.client("10.0.0.1", "unknown");
    Evidence e = resolver.resolve(hidden);
    assertThat(e.jurisdiction().isKnown()).isFalse();
    assertThat(e.jurisdiction().unknownReason()).contains(UnknownReason.NO_EVIDENCE);
    assertThat(e.detail()).isEqualTo("client hidden by proxy");
  }

  @Test
  void aTypedClientResolvesExactlyAsItsTextDoes() throws Exception {
    GeoResolver resolver =
        GeoResolver.builder().database(SharedData.testDb("GeoIP2-City-Test.mmdb")).build();
    for (String ip : new String[] {"81.2.69.160", "2001:218::1", "89.160.20.112", "10.0.0.1"}) {
      ClientAddress c = TrustedProxies.none().client(ip);
      assertThat(resolver.resolve(c)).as(ip).isEqualTo(resolver.resolve(ip));
    }
  }

  private static ClientAddress parsed(String literal) {
    AddressSink sink = new AddressSink();
    return IpParser.parse(literal, sink) == IpParser.V4
        ? ClientAddress.ipv4(sink.v4)
        : ClientAddress.ipv6(sink.hi, sink.lo);
  }

  private static InetAddress inet(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static Gen<String> peers() {
    return ProxyGenerators.trustedAddress().mix(ProxyGenerators.untrustedAddress(), 30);
  }
}
