package io.geoscope.geoip;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes {@link TrustedProxies}: range lists, socket peers, {@code X-Forwarded-For} and {@code
 * Forwarded} values. An input is text; its first line is the trusted ranges separated by spaces,
 * its second the socket peer, every further line one header line (so committed inputs stay
 * readable). Only {@link InvalidAddressException} and {@link InvalidHeaderException} may escape,
 * their messages never contain an address separator, and an answer is always the peer, {@link
 * TrustedProxies#UNKNOWN_CLIENT} or an IP literal written in the header.
 */
class TrustedProxiesFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void anyRangesPeerAndHeadersGiveAnAddressFromTheRequestOrATypedError(byte[] input) {
    List<String> lines = Arrays.asList(new String(input, UTF_8).split("\n", -1));
    String ranges = lines.get(0);
    String peer = lines.size() > 1 ? lines.get(1) : "";
    List<String> header = lines.size() > 2 ? lines.subList(2, lines.size()) : List.of();
    TrustedProxies proxies;
    try {
      proxies = TrustedProxies.of(ranges.isEmpty() ? List.of() : Arrays.asList(ranges.split(" ", -1)));
    } catch (InvalidAddressException e) {
      assertNoAddressIn(e);
      return;
    }
    String joined = String.join(",", header);
    check(proxies, peer, joined, () -> proxies.clientAddress(peer, header));
    check(proxies, peer, joined, () -> proxies.clientAddress(peer, joined));
    check(proxies, peer, joined, () -> proxies.clientAddressFromForwarded(peer, header));
    check(proxies, peer, joined, () -> proxies.clientAddressFromForwarded(peer, joined));
  }

  private static void check(TrustedProxies proxies, String peer, String header, Walk walk) {
    String client;
    try {
      client = walk.client();
    } catch (InvalidAddressException | InvalidHeaderException e) {
      assertNoAddressIn(e);
      return;
    }
    if (!proxies.isTrusted(peer)) {
      assertThat(client).isEqualTo(peer);
      return;
    }
    if (client.equals(peer) || client.equals(TrustedProxies.UNKNOWN_CLIENT)) {
      return;
    }
    assertThat(header).contains(client);
    IpParser.parse(client, new AddressSink()); // throws if the answer is not a bare literal
  }

  private static void assertNoAddressIn(RuntimeException e) {
    assertThat(e.getMessage()).doesNotContainPattern("[.:%\\[\\]/]");
    if (e.getCause() != null) {
      assertThat(e.getCause()).isInstanceOf(InvalidAddressException.class);
      assertThat(e.getCause().getMessage()).doesNotContainPattern("[.:%\\[\\]/]");
    }
  }

  @FunctionalInterface
  private interface Walk {
    String client();
  }
}
