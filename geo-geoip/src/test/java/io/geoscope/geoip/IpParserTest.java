package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.geoscope.geoip.InvalidAddressException;
import io.geoscope.geoip.InvalidAddressException.Reason;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IpParserTest {
  private final AddressSink sink = new AddressSink();

  @Test
  void dottedQuadsAreReadAsBigEndianDecimalOctets() {
    assertThat(IpParser.parse("1.2.3.4", sink)).isEqualTo(IpParser.V4);
    assertThat(sink.v4).isEqualTo(0x01020304);
    assertThat(IpParser.parse("255.255.255.255", sink)).isEqualTo(IpParser.V4);
    assertThat(sink.v4).isEqualTo(0xFFFFFFFF);
    assertThat(IpParser.parse("0.0.0.0", sink)).isEqualTo(IpParser.V4);
    assertThat(sink.v4).isZero();
    assertThat(IpParser.parse("10.0.200.99", sink)).isEqualTo(IpParser.V4);
    assertThat(sink.v4).isEqualTo(0x0A00C863);
  }

  @Test
  void ipv6FormsFillBothHalvesBigEndian() {
    assertV6("::1", 0L, 1L);
    assertV6("::", 0L, 0L);
    assertV6("2001:db8::", 0x20010DB800000000L, 0L);
    assertV6("2001:DB8:0:0:0:0:0:1", 0x20010DB800000000L, 1L);
    assertV6("1:2:3:4:5:6:7:8", 0x0001000200030004L, 0x0005000600070008L);
    assertV6("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", -1L, -1L);
    assertV6("1::8", 0x0001000000000000L, 8L);
    assertV6("0001:0002:0003:0004:0005:0006:0007:0008", 0x0001000200030004L, 0x0005000600070008L);
  }

  @Test
  void ipv4MappedAddressesStayIpv6AsWritten() {
    assertV6("::ffff:1.2.3.4", 0L, 0x0000FFFF01020304L);
    assertV6("::FFFF:102:304", 0L, 0x0000FFFF01020304L);
  }

  @Test
  void aDottedTailIsAcceptedInTheLast32BitsOfAnyPrefix() {
    assertV6("64:ff9b::1.2.3.4", 0x0064FF9B00000000L, 0x01020304L);
    assertV6("1:2:3:4:5:6:1.2.3.4", 0x0001000200030004L, 0x0005000601020304L);
    assertV6("::1.2.3.4", 0L, 0x01020304L);
    assertV6("ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255", -1L, -1L);
  }

  @Test
  void theLongestValidLiteralIsExactlyTheLengthLimit() {
    String longest = "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255";
    assertThat(longest).hasSize(IpParser.MAX_LENGTH);
    assertThat(IpParser.parse(longest, sink)).isEqualTo(IpParser.V6);
  }

  @Test
  void anyCharSequenceIsAcceptedNotOnlyStrings() {
    assertThat(IpParser.parse(new StringBuilder("192.0.2.1"), sink)).isEqualTo(IpParser.V4);
    assertThat(sink.v4).isEqualTo(0xC0000201);
  }

  static Stream<Arguments> rejections() {
    return Stream.of(
        arguments("", Reason.EMPTY, 0),
        arguments("1".repeat(46), Reason.TOO_LONG, 45),
        arguments(" 1.2.3.4", Reason.WHITESPACE, 0),
        arguments("1.2.3.4 ", Reason.WHITESPACE, 7),
        arguments("1.2. 3.4", Reason.WHITESPACE, 4),
        arguments("::1\t", Reason.WHITESPACE, 3),
        arguments("1.2.3.4\u00a0", Reason.WHITESPACE, 7),
        arguments("1.2.3.4/24", Reason.BAD_CHARACTER, 7),
        arguments("1.2.3.\u0664", Reason.BAD_CHARACTER, 6),
        arguments("fe80::g", Reason.BAD_CHARACTER, 6),
        arguments("::ff.1.2.3", Reason.BAD_CHARACTER, 2),
        arguments("localhost", Reason.HOSTNAME, 0),
        arguments("example.com", Reason.HOSTNAME, 0),
        arguments("cafe", Reason.HOSTNAME, 0),
        arguments("1.2.3.ab", Reason.HOSTNAME, 6),
        arguments("[::1]", Reason.BRACKETED, 0),
        arguments("fe80::1%eth0", Reason.ZONE_ID, 7),
        arguments("fe80::1%25", Reason.ZONE_ID, 7),
        arguments("1..2.3", Reason.EMPTY_GROUP, 2),
        arguments(".1.2.3", Reason.EMPTY_GROUP, 0),
        arguments("1.2.3.", Reason.EMPTY_GROUP, 6),
        arguments(":1:2:3:4:5:6:7", Reason.EMPTY_GROUP, 0),
        arguments("1:2:3:4:5:6:7:", Reason.EMPTY_GROUP, 14),
        arguments("1:::2", Reason.EMPTY_GROUP, 3),
        arguments("010.1.1.1", Reason.LEADING_ZERO, 0),
        arguments("1.1.1.00", Reason.LEADING_ZERO, 6),
        arguments("::ffff:1.2.3.04", Reason.LEADING_ZERO, 13),
        arguments("256.1.1.1", Reason.OCTET_OUT_OF_RANGE, 0),
        arguments("1.1.1.99999999999", Reason.OCTET_OUT_OF_RANGE, 6),
        arguments("1.2.3", Reason.TOO_FEW_GROUPS, 5),
        arguments("16909060", Reason.TOO_FEW_GROUPS, 8),
        arguments("1:2:3:4:5:6:7", Reason.TOO_FEW_GROUPS, 13),
        arguments("::ffff:1.2.3", Reason.TOO_FEW_GROUPS, 12),
        arguments("1.2.3.4.5", Reason.TOO_MANY_GROUPS, 8),
        arguments("1:2:3:4:5:6:7:8:9", Reason.TOO_MANY_GROUPS, 16),
        arguments("1:2:3:4:5:6:7::8", Reason.TOO_MANY_GROUPS, 15),
        arguments("1:2:3:4:5:6:7:8::", Reason.TOO_MANY_GROUPS, 15),
        arguments("1:2:3:4:5:6:7:1.2.3.4", Reason.TOO_MANY_GROUPS, 14),
        arguments("1::2::3", Reason.MULTIPLE_DOUBLE_COLON, 4),
        arguments("1:2:3:4:12345::", Reason.GROUP_TOO_LONG, 8),
        arguments("1.2.3.4::", Reason.MISPLACED_IPV4, 7),
        arguments("::1.2.3.4:1", Reason.MISPLACED_IPV4, 9));
  }

  @ParameterizedTest(name = "{0} is rejected as {1}")
  @MethodSource("rejections")
  void everyMalformedLiteralIsRejectedWithItsReasonAndPosition(String text, Reason reason, int index) {
    assertThatThrownBy(() -> IpParser.parse(text, sink))
        .isInstanceOfSatisfying(InvalidAddressException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.index()).isEqualTo(index);
          assertThat(e.inputLength()).isEqualTo(text.length());
          assertThat(e.getMessage()).contains(reason.name()).contains("index " + index);
        });
  }

  @Test
  void theRejectionTableCoversEveryParserReason() {
    Set<Reason> covered = rejections().map(a -> (Reason) a.get()[1]).collect(Collectors.toSet());
    // The two CIDR reasons are raised by TrustedProxies and tested there.
    Set<Reason> expected = EnumSet.complementOf(EnumSet.of(Reason.BAD_PREFIX_LENGTH, Reason.HOST_BITS_SET));
    assertThat(covered).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** The two documented cases where this parser is stricter than Guava. */
  @Test
  void zoneIdsAndNonAsciiDigitsThatGuavaAcceptsAreRejected() {
    for (String text : new String[] {"1.2.3.\u0664", "\uff11.2.3.4", "fe80::1%1"}) {
      assertThat(com.google.common.net.InetAddresses.isInetAddress(text)).as(text).isTrue();
      assertThatThrownBy(() -> IpParser.parse(text, sink)).isInstanceOfSatisfying(InvalidAddressException.class,
          e -> assertThat(e.reason()).isIn(Reason.BAD_CHARACTER, Reason.ZONE_ID));
    }
  }

  @Test
  void theExceptionIsAnUncheckedIllegalArgument() {
    assertThatThrownBy(() -> IpParser.parse("nope", sink)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void messagesNeverEchoHostNamesOrAddresses() {
    for (String text : new String[] {"alice-laptop", "fe80::1%eth0", "192.168.001.1", "[2001:db8::1]"}) {
      assertThatThrownBy(() -> IpParser.parse(text, sink)).message().doesNotContain(text);
    }
  }

  @Test
  void primitiveReadsGiveTheSameBitsAsTheSinkForEveryForm() {
    String[] v6 = {
      "::", "::1", "1::", "1::2:3:4:5:6:7", "1:2:3:4:5:6::7", "2001:DB8::ffff:0:1",
      "::ffff:1.2.3.4", "64:ff9b::192.0.2.33", "1:2:3:4:5:6:7:8", "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255"
    };
    for (String text : v6) {
      assertThat(IpParser.isColonForm(text)).as(text).isTrue();
      assertThat(IpParser.parse(text, sink)).as(text).isEqualTo(IpParser.V6);
      assertThat(IpParser.high(text)).as(text).isEqualTo(sink.hi);
      assertThat(IpParser.low(text)).as(text).isEqualTo(sink.lo);
    }
    assertThat(IpParser.ipv4("203.0.113.255")).isEqualTo(0xCB00_71FF);
    assertThat(IpParser.isColonForm("203.0.113.255")).isFalse();
  }

  @Test
  void primitiveReadsRefuseTheOtherVersionAndBadTextWithTheParsersReason() {
    assertThatThrownBy(() -> IpParser.ipv4("::1")).isInstanceOf(InvalidAddressException.class);
    assertThatThrownBy(() -> IpParser.high("1.2.3.4")).isInstanceOf(InvalidAddressException.class);
    assertThatThrownBy(() -> IpParser.low("1.2.3.4")).isInstanceOf(InvalidAddressException.class);
    String[][] bad = {
      {"fe80::1%eth0", "ZONE_ID"}, {"1::2::3", "MULTIPLE_DOUBLE_COLON"}, {"::01234", "GROUP_TOO_LONG"},
      {"::ffff:1.2.3.04", "LEADING_ZERO"}, {"1:".repeat(1000), "TOO_LONG"}, {"010.1.1.1", "LEADING_ZERO"}
    };
    for (String[] b : bad) {
      String text = b[0];
      Reason reason = Reason.valueOf(b[1]);
      if (IpParser.isColonForm(text)) {
        assertThatThrownBy(() -> IpParser.high(text))
            .isInstanceOfSatisfying(
                InvalidAddressException.class, e -> assertThat(e.reason()).isEqualTo(reason))
            .message()
            .doesNotContain(text);
        assertThatThrownBy(() -> IpParser.low(text)).isInstanceOf(InvalidAddressException.class);
      } else {
        assertThatThrownBy(() -> IpParser.ipv4(text))
            .isInstanceOfSatisfying(
                InvalidAddressException.class, e -> assertThat(e.reason()).isEqualTo(reason));
      }
    }
  }

  private void assertV6(String text, long hi, long lo) {
    assertThat(IpParser.parse(text, sink)).as(text).isEqualTo(IpParser.V6);
    assertThat(sink.hi).as(text).isEqualTo(hi);
    assertThat(sink.lo).as(text).isEqualTo(lo);
  }
}
