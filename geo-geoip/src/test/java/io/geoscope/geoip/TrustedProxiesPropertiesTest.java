package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.booleans;

import io.geoscope.geoip.ProxyGenerators.Hop;
import io.geoscope.geoip.ProxyGenerators.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class TrustedProxiesPropertiesTest {
  private static final TrustedProxies PROXIES = TrustedProxies.of(ProxyGenerators.RANGES);

  @Test
  void anAttackerPrefixNeverChangesTheResultWhenTheRealChainHasAnUntrustedHop() {
    qt().withExamples(2000)
        .forAll(ProxyGenerators.chainEndingInUntrusted(), ProxyGenerators.attackerPrefix(),
            ProxyGenerators.trustedAddress(), booleans())
        .checkAssert((chain, prefix, peer, forwarded) -> {
          String real = ProxyGenerators.join(chain, forwarded);
          String expected = rightMostUntrusted(chain);
          assertThat(resolve(peer, real, forwarded)).isEqualTo(expected);
          assertThat(resolve(peer, prefix + ", " + real, forwarded)).as(prefix).isEqualTo(expected);
          assertThat(resolve(peer, prefix + "," + real, forwarded)).as(prefix).isEqualTo(expected);
          List<String> lines = List.of(prefix, real);
          assertThat(forwarded ? PROXIES.clientAddressFromForwarded(peer, lines) : PROXIES.clientAddress(peer, lines))
              .isEqualTo(expected);
        });
  }

  @Test
  void theResultIsAlwaysThePeerOrAnAddressFromTheHeaderOrUnknown() {
    qt().withExamples(2000)
        .forAll(ProxyGenerators.anyChain(), peers(), booleans())
        .checkAssert((chain, peer, forwarded) -> {
          String header = ProxyGenerators.join(chain, forwarded);
          String result = resolve(peer, header, forwarded);
          List<String> candidates = new ArrayList<>();
          candidates.add(peer);
          candidates.add(TrustedProxies.UNKNOWN_CLIENT);
          chain.forEach(hop -> candidates.add(hop.address()));
          assertThat(result).isIn(candidates);
          if (!result.equals(peer) && !result.equals(TrustedProxies.UNKNOWN_CLIENT)) {
            assertThat(header).contains(result);
          }
        });
  }

  /** The nginx real_ip_recursive rules, stated over the generated hop list. */
  @Test
  void theResultFollowsNginxRecursiveRealIpRules() {
    qt().withExamples(2000)
        .forAll(ProxyGenerators.anyChain(), peers(), booleans())
        .checkAssert((chain, peer, forwarded) -> {
          String result = resolve(peer, ProxyGenerators.join(chain, forwarded), forwarded);
          if (!PROXIES.isTrusted(peer) || chain.isEmpty()) {
            assertThat(result).isEqualTo(peer);
            return;
          }
          int i = chain.size() - 1;
          while (i > 0 && chain.get(i).kind() == Kind.TRUSTED) {
            i--;
          }
          // i is the first non-trusted hop from the right, or the left-most hop when all are trusted.
          assertThat(result).isEqualTo(chain.get(i).address());
        });
  }

  @Test
  void headerErrorsNeverContainAnyAddressOfTheChainOrThePeer() {
    Gen<String> badTail = io.geoscope.geoip.AddressGenerators.mutatedLiterals();
    qt().withExamples(2000)
        .forAll(ProxyGenerators.anyChain(), badTail, ProxyGenerators.trustedAddress(), booleans())
        .checkAssert((chain, bad, peer, forwarded) -> {
          String header = ProxyGenerators.join(chain, forwarded) + ", "
              + (forwarded ? "for=\"" + bad.replace("\"", "") + "\"" : bad);
          Throwable thrown = catchThrowable(() -> resolve(peer, header, forwarded));
          if (thrown == null) {
            return;
          }
          assertThat(thrown).isInstanceOf(InvalidHeaderException.class);
          String message = thrown.getMessage();
          assertThat(message).doesNotContain(peer).doesNotContainPattern("[.:%\\[\\]]");
          for (Hop hop : chain) {
            assertThat(message).doesNotContain(hop.address());
          }
        });
  }

  private static Gen<String> peers() {
    return ProxyGenerators.trustedAddress().mix(ProxyGenerators.untrustedAddress(), 30);
  }

  private static String resolve(String peer, String header, boolean forwarded) {
    return forwarded ? PROXIES.clientAddressFromForwarded(peer, header) : PROXIES.clientAddress(peer, header);
  }

  private static String rightMostUntrusted(List<Hop> chain) {
    for (int i = chain.size() - 1; i >= 0; i--) {
      if (chain.get(i).kind() == Kind.UNTRUSTED) {
        return chain.get(i).address();
      }
    }
    throw new AssertionError("the generator always puts an untrusted hop in the chain");
  }
}
