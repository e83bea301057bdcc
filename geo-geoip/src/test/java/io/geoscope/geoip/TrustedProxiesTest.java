package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.geoscope.geoip.InvalidHeaderException.Reason;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrustedProxiesTest {
  private static final String PROXY = "10.0.0.2";
  private final TrustedProxies proxies = TrustedProxies.of("10.0.0.0/8", "2001:db8:aa::/48");

  @Test
  void rangesContainExactlyTheirAddresses() {
    assertThat(proxies.isTrusted("10.0.0.0")).isTrue();
    assertThat(proxies.isTrusted("10.255.255.255")).isTrue();
    assertThat(proxies.isTrusted("9.255.255.255")).isFalse();
    assertThat(proxies.isTrusted("11.0.0.0")).isFalse();
    assertThat(proxies.isTrusted("2001:db8:aa:ffff:ffff:ffff:ffff:ffff")).isTrue();
    assertThat(proxies.isTrusted("2001:db8:ab::")).isFalse();
    assertThat(proxies.isTrusted("2001:db8:a9:ffff:ffff:ffff:ffff:ffff")).isFalse();
  }

  @Test
  void prefixLengthsZeroAndFullAndBareAddressesWork() {
    assertThat(TrustedProxies.of("0.0.0.0/0").isTrusted("203.0.113.9")).isTrue();
    assertThat(TrustedProxies.of("::/0").isTrusted("2001:db9::1")).isTrue();
    assertThat(TrustedProxies.of("192.0.2.1").isTrusted("192.0.2.1")).isTrue();
    assertThat(TrustedProxies.of("192.0.2.1/32").isTrusted("192.0.2.2")).isFalse();
    assertThat(TrustedProxies.of("2001:db8::1/128").isTrusted("2001:db8::1")).isTrue();
    assertThat(TrustedProxies.of("2001:db8::1/128").isTrusted("2001:db8::2")).isFalse();
    assertThat(TrustedProxies.of("2001:db8::/64").isTrusted("2001:db8::ffff:ffff:ffff:ffff")).isTrue();
    assertThat(TrustedProxies.of("2001:db8::8000:0:0:0/65").isTrusted("2001:db8::7fff:0:0:0")).isFalse();
    assertThat(TrustedProxies.none().isTrusted("10.0.0.1")).isFalse();
  }

  @Test
  void ipv4RangesAndIpv4MappedAddressesAreTheSameHosts() {
    assertThat(proxies.isTrusted("::ffff:10.1.2.3")).isTrue();
    assertThat(proxies.isTrusted("::ffff:11.1.2.3")).isFalse();
    assertThat(TrustedProxies.of("::ffff:0:0/96").isTrusted("198.51.100.4")).isTrue();
    assertThat(TrustedProxies.of("::ffff:c633:6400/120").isTrusted("198.51.100.4")).isTrue();
  }

  static Stream<Arguments> badRanges() {
    return Stream.of(
        arguments("10.0.0.0/33", InvalidAddressException.Reason.BAD_PREFIX_LENGTH),
        arguments("2001:db8::/129", InvalidAddressException.Reason.BAD_PREFIX_LENGTH),
        arguments("10.0.0.0/", InvalidAddressException.Reason.BAD_PREFIX_LENGTH),
        arguments("10.0.0.0/08", InvalidAddressException.Reason.BAD_PREFIX_LENGTH),
        arguments("10.0.0.0/8 ", InvalidAddressException.Reason.BAD_PREFIX_LENGTH),
        arguments("10.0.0.0/-8", InvalidAddressException.Reason.BAD_PREFIX_LENGTH),
        arguments("10.0.0.0/8/8", InvalidAddressException.Reason.BAD_PREFIX_LENGTH),
        arguments("10.0.0.1/8", InvalidAddressException.Reason.HOST_BITS_SET),
        arguments("2001:db8::1/32", InvalidAddressException.Reason.HOST_BITS_SET),
        arguments("2001:db8::/16", InvalidAddressException.Reason.HOST_BITS_SET),
        arguments("proxy.internal/8", InvalidAddressException.Reason.HOSTNAME),
        arguments("010.0.0.0/8", InvalidAddressException.Reason.LEADING_ZERO));
  }

  @ParameterizedTest(name = "{0} is rejected as {1}")
  @MethodSource("badRanges")
  void badRangesAreRejectedNamingTheirPositionButNotTheirText(String range, InvalidAddressException.Reason reason) {
    assertThatThrownBy(() -> TrustedProxies.of("192.0.2.0/24", range))
        .isInstanceOfSatisfying(InvalidAddressException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.inputLength()).isEqualTo(range.length());
          assertThat(e.getMessage()).contains("range 2 of 2").doesNotContain(range).doesNotContain("192");
        });
  }

  @Test
  void anUntrustedPeerIsTheClientAndItsHeadersAreNotEvenRead() {
    assertThat(proxies.clientAddress("203.0.113.5", "198.51.100.1")).isEqualTo("203.0.113.5");
    assertThat(proxies.clientAddress("203.0.113.5", "((garbage")).isEqualTo("203.0.113.5");
    assertThat(proxies.clientAddressFromForwarded("2001:db9::5", "for=\"unclosed")).isEqualTo("2001:db9::5");
  }

  @Test
  void aTrustedPeerWithoutHeaderIsTheClient() {
    assertThat(proxies.clientAddress(PROXY, (String) null)).isEqualTo(PROXY);
    assertThat(proxies.clientAddress(PROXY, "")).isEqualTo(PROXY);
    assertThat(proxies.clientAddress(PROXY, " , ,")).isEqualTo(PROXY);
    assertThat(proxies.clientAddress(PROXY, List.of())).isEqualTo(PROXY);
    assertThat(proxies.clientAddressFromForwarded(PROXY, (String) null)).isEqualTo(PROXY);
  }

  @Test
  void theRightMostUntrustedHopWinsAndSpoofedLeftEntriesNever() {
    assertThat(proxies.clientAddress(PROXY, "198.51.100.1")).isEqualTo("198.51.100.1");
    assertThat(proxies.clientAddress(PROXY, "198.51.100.1, 10.1.1.1, 10.2.2.2")).isEqualTo("198.51.100.1");
    assertThat(proxies.clientAddress(PROXY, "1.1.1.1, 198.51.100.1, 10.1.1.1")).isEqualTo("198.51.100.1");
    assertThat(proxies.clientAddress(PROXY, "10.9.9.9, 198.51.100.1")).isEqualTo("198.51.100.1");
  }

  @Test
  void whenEveryHopIsTrustedTheLeftMostWins() {
    assertThat(proxies.clientAddress(PROXY, "10.3.3.3, 10.1.1.1, 2001:db8:aa::7")).isEqualTo("10.3.3.3");
  }

  @Test
  void forwardedForElementsMayCarryPortsAndBrackets() {
    assertThat(proxies.clientAddress(PROXY, "198.51.100.1:4711, 10.1.1.1")).isEqualTo("198.51.100.1");
    assertThat(proxies.clientAddress(PROXY, "[2001:db9::1]:4711")).isEqualTo("2001:db9::1");
    assertThat(proxies.clientAddress(PROXY, "[2001:db9::1]")).isEqualTo("2001:db9::1");
    assertThat(proxies.clientAddress(PROXY, "2001:db9::1,\t2001:db8:aa::1")).isEqualTo("2001:db9::1");
  }

  @Test
  void severalHeaderLinesAreReadAsOneListInOrder() {
    assertThat(proxies.clientAddress(PROXY, List.of("1.1.1.1, 198.51.100.1", "10.1.1.1"))).isEqualTo("198.51.100.1");
    assertThat(proxies.clientAddress(PROXY, List.of("198.51.100.1", "", "10.1.1.1"))).isEqualTo("198.51.100.1");
    assertThat(proxies.clientAddressFromForwarded(PROXY, List.of("for=1.1.1.1", "for=\"[2001:db9::9]:80\"", "for=10.1.1.1")))
        .isEqualTo("2001:db9::9");
  }

  @Test
  void unknownAndObfuscatedHopsStopTheChainWithUnknownClient() {
    assertThat(proxies.clientAddress(PROXY, "198.51.100.1, unknown, 10.1.1.1")).isEqualTo(TrustedProxies.UNKNOWN_CLIENT);
    assertThat(proxies.clientAddressFromForwarded(PROXY, "for=198.51.100.1, for=_hidden, for=10.1.1.1"))
        .isEqualTo(TrustedProxies.UNKNOWN_CLIENT);
    assertThat(proxies.clientAddressFromForwarded(PROXY, "for=198.51.100.1, For=UNKNOWN")).isEqualTo(TrustedProxies.UNKNOWN_CLIENT);
    assertThat(proxies.clientAddressFromForwarded(PROXY, "for=198.51.100.1, proto=https")).isEqualTo(TrustedProxies.UNKNOWN_CLIENT);
    // An untrusted hop right of the hidden one still wins: the walk never reaches the hidden one.
    assertThat(proxies.clientAddressFromForwarded(PROXY, "for=_hidden, for=198.51.100.1")).isEqualTo("198.51.100.1");
  }

  @Test
  void forwardedHeadersFollowRfc7239() {
    assertThat(proxies.clientAddressFromForwarded(PROXY, "for=192.0.2.60;proto=http;by=203.0.113.43"))
        .isEqualTo("192.0.2.60");
    assertThat(proxies.clientAddressFromForwarded(PROXY, "For=\"[2001:db9:cafe::17]:4711\"")).isEqualTo("2001:db9:cafe::17");
    assertThat(proxies.clientAddressFromForwarded(PROXY, "for=192.0.2.43, for=198.51.100.17;by=203.0.113.60;proto=http;host=example.com"))
        .isEqualTo("198.51.100.17");
    assertThat(proxies.clientAddressFromForwarded(PROXY, "for=\"192.0.2.43:_port\"")).isEqualTo("192.0.2.43");
    assertThat(proxies.clientAddressFromForwarded(PROXY, "for=\"\\[2001:db9::1\\]\"")).isEqualTo("2001:db9::1");
  }

  @Test
  void quotedCommasAndEscapedQuotesDoNotSplitForwardedElements() {
    assertThat(proxies.clientAddressFromForwarded(PROXY, "for=198.51.100.1;host=\"a, for=10.9.9.9 \\\" , b\""))
        .isEqualTo("198.51.100.1");
  }

  static Stream<Arguments> badForwardedHeaders() {
    return Stream.of(
        arguments("for=\"[2001:db9::1]", Reason.UNBALANCED_QUOTE),
        arguments("for=1.2.3.4;by=\"x\\\"", Reason.UNBALANCED_QUOTE),
        arguments("for", Reason.MALFORMED_ELEMENT),
        arguments("=192.0.2.1", Reason.MALFORMED_ELEMENT),
        arguments("for=192.0.2.1 proto=http", Reason.MALFORMED_ELEMENT),
        arguments("for=", Reason.MALFORMED_ELEMENT),
        arguments("for=[2001:db9::1]", Reason.UNQUOTED_NODE),
        arguments("for=192.0.2.1:80", Reason.UNQUOTED_NODE),
        arguments("for=192.0.2.1;FOR=198.51.100.2", Reason.DUPLICATE_PARAMETER),
        arguments("for=\"2001:db9::1\"", Reason.BAD_BRACKETS),
        arguments("for=\"[192.0.2.1]\"", Reason.BAD_BRACKETS),
        arguments("for=\"[2001:db9::1\"", Reason.BAD_BRACKETS),
        arguments("for=\"[2001:db9::1]80\"", Reason.BAD_BRACKETS),
        arguments("for=\"192.0.2.1:65536\"", Reason.BAD_PORT),
        arguments("for=\"[2001:db9::1]:\"", Reason.BAD_PORT),
        arguments("for=\"192.0.2.1:8o\"", Reason.BAD_PORT),
        arguments("for=_", Reason.BAD_OBFUSCATED_IDENTIFIER),
        arguments("for=\"_a b\"", Reason.BAD_OBFUSCATED_IDENTIFIER),
        arguments("for=proxy.example", Reason.INVALID_ADDRESS),
        arguments("for=010.1.1.1", Reason.INVALID_ADDRESS),
        arguments("for=\"[fe80::1%eth0]\"", Reason.INVALID_ADDRESS));
  }

  @ParameterizedTest(name = "{0} is rejected as {1}")
  @MethodSource("badForwardedHeaders")
  void malformedForwardedElementsAreRejectedWithTheirReasonAndNoText(String header, Reason reason) {
    assertThatThrownBy(() -> proxies.clientAddressFromForwarded(PROXY, header + ", for=10.1.1.1"))
        .isInstanceOfSatisfying(InvalidHeaderException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.header()).isEqualTo("Forwarded");
          assertThat(e.elementFromRight()).isEqualTo(2);
          assertThat(e.getMessage()).contains(reason.name()).doesNotContainPattern("[0-9]+\\.[0-9]+|::|for=");
        });
  }

  @Test
  void theForwardedRejectionTableCoversEveryHeaderReason() {
    Set<Reason> covered = badForwardedHeaders().map(a -> (Reason) a.get()[1]).collect(Collectors.toSet());
    assertThat(covered).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Reason.class));
  }

  @Test
  void malformedXForwardedForElementsAreRejectedWithTheAddressReasonAsCause() {
    assertThatThrownBy(() -> proxies.clientAddress(PROXY, "198.51.100.1, 010.0.0.1"))
        .isInstanceOfSatisfying(InvalidHeaderException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.INVALID_ADDRESS);
          assertThat(e.header()).isEqualTo("X-Forwarded-For");
          assertThat(e.elementFromRight()).isEqualTo(1);
          assertThat(e.getCause()).isInstanceOfSatisfying(InvalidAddressException.class,
              c -> assertThat(c.reason()).isEqualTo(InvalidAddressException.Reason.LEADING_ZERO));
          assertThat(e.getMessage()).contains("LEADING_ZERO").doesNotContain("198").doesNotContain("010");
        });
    assertThatThrownBy(() -> proxies.clientAddress(PROXY, "[2001:db9::1"))
        .isInstanceOfSatisfying(InvalidHeaderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_BRACKETS));
    assertThatThrownBy(() -> proxies.clientAddress(PROXY, "198.51.100.1:http"))
        .isInstanceOfSatisfying(InvalidHeaderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_PORT));
  }

  @Test
  void garbageLeftOfTheFirstUntrustedHopIsNeverRead() {
    assertThat(proxies.clientAddress(PROXY, "not an address, 198.51.100.1, 10.1.1.1")).isEqualTo("198.51.100.1");
    assertThat(proxies.clientAddressFromForwarded(PROXY, "for=\"oops, for=198.51.100.1")).isEqualTo("198.51.100.1");
  }

  @Test
  void aBadPeerIsRejectedAsTheSocketPeerWithoutEchoingIt() {
    assertThatThrownBy(() -> proxies.clientAddress("[::1]", "198.51.100.1"))
        .isInstanceOfSatisfying(InvalidAddressException.class, e -> {
          assertThat(e.reason()).isEqualTo(InvalidAddressException.Reason.BRACKETED);
          assertThat(e.getMessage()).contains("socket peer").doesNotContain("::1");
        });
    assertThatThrownBy(() -> proxies.clientAddress("fe80::1%eth0", (String) null))
        .isInstanceOfSatisfying(InvalidAddressException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidAddressException.Reason.ZONE_ID));
  }

  /** The README example, verbatim. */
  @Test
  void theReadmeExampleGivesWhatItsCommentsSay() {
    TrustedProxies proxies = TrustedProxies.of("10.0.0.0/8", "2001:db8::/32");

    String client = proxies.clientAddress("10.0.0.7", "203.0.113.9, 198.51.100.2, 10.0.0.3");
    // "198.51.100.2": 203.0.113.9 was written by the client itself and is not believed

    String same = proxies.clientAddressFromForwarded("10.0.0.7",
        "for=198.51.100.2;proto=https, for=\"[2001:db8::5]:4711\"");

    assertThat(client).isEqualTo("198.51.100.2");
    assertThat(same).isEqualTo("198.51.100.2");
  }

  @Test
  void toStringCountsRangesWithoutListingThem() {
    assertThat(proxies).hasToString("TrustedProxies[1 IPv4 ranges, 1 IPv6 ranges]");
  }
}
