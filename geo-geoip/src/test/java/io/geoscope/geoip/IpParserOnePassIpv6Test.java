package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.oneOf;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The one-pass IPv6 parser the resolver uses against the general parser it replaced on the hot
 * path ({@link IpParser#high}/{@link IpParser#low}, two validating passes): for every text, the
 * one pass either declines (and then the general parser refuses it too) or gives the halves the
 * general parser gives. Compressed, padded, upper-case and embedded-IPv4 forms, zone ids,
 * brackets, ports, stray colons and dots are all generated.
 */
class IpParserOnePassIpv6Test {

  /** The one pass as a function: both halves, or null when it declines. */
  private static final Function<String, long[]> ONE_PASS =
      text -> IpParser.onePassIpv6(text, 0, text.length(), (hi, lo) -> new long[] {hi, lo});

  private static final Function<String, long[]> ONE_PASS_OF = ONE_PASS;

  /** Texts over the characters of IPv6 literals only: every structural near miss. */
  private static Gen<String> colonsDotsAndHex() {
    return strings().betweenCodePoints('.', ':').ofLengthBetween(0, 46)
        .map(s -> s.replace('/', 'a'));
  }

  private static Gen<String> texts() {
    return oneOf(
        AddressGenerators.validLiterals().map(AddressGenerators.Rendered::text),
        AddressGenerators.mutatedLiterals(),
        AddressGenerators.validLiterals().map(r -> r.text() + "%eth0"),
        AddressGenerators.validLiterals().map(r -> r.text().toUpperCase(java.util.Locale.ROOT)),
        colonsDotsAndHex(),
        AddressGenerators.addressishStrings());
  }

  @Test
  void theOnePassAcceptsExactlyWhatTheGeneralParserAcceptsAsIpv6WithTheSameHalves() {
    qt().withExamples(20000).forAll(texts()).checkAssert(text -> assertAgrees(ONE_PASS, text));
  }

  @Test
  void theOnePassNeverDeclinesAValidIpv6Rendering() {
    qt().withExamples(5000).forAll(AddressGenerators.validLiterals())
        .checkAssert(r -> {
          if (r.bytes().length == 16) {
            assertThat(ONE_PASS.apply(r.text())).as(r.text()).isNotNull();
          }
        });
  }

  @Test
  void theOnePassReadsARangeOfALongerText() {
    String header = "203.0.113.9, [2001:db8::1:0:0:1]:443";
    int start = header.indexOf('[') + 1;
    int end = header.indexOf(']');
    long[] halves =
        IpParser.onePassIpv6(header, start, end, (hi, lo) -> new long[] {hi, lo});
    assertThat(halves).containsExactly(0x2001_0db8_0000_0000L, 0x0001_0000_0000_0001L);
    assertThat(ONE_PASS_OF.apply(header.substring(0, start - 1))).isNull();
  }

  @Test
  void zoneIdsStayRefusedWithTheirReason() {
    assertThatThrownBy(() -> IpParser.ipv6("fe80::1%eth0", new AddressSink()))
        .isInstanceOf(InvalidAddressException.class)
        .extracting(e -> ((InvalidAddressException) e).reason())
        .isEqualTo(InvalidAddressException.Reason.ZONE_ID);
  }

  /**
   * Planted bugs: a one pass that accepts zone ids by ignoring everything from '%', and one that
   * puts the head of a compressed address one group too low. The property must falsify both.
   */
  @Test
  void thePropertyFalsifiesPlantedBugs() {
    Function<String, long[]> zoneBlind = text -> {
      int percent = text.indexOf('%');
      return ONE_PASS.apply(percent < 0 ? text : text.substring(0, percent));
    };
    Function<String, long[]> shortShift = text -> {
      long[] right = ONE_PASS.apply(text);
      int gap = text.indexOf("::");
      if (right == null || gap <= 0 || text.indexOf('.') >= 0) {
        return right;
      }
      // Head one group lower than it should be: what an off-by-one in the shift would give.
      long[] head = ONE_PASS.apply(text.substring(0, gap) + "::");
      long[] tail = {right[0] & ~head[0], right[1] & ~head[1]};
      long hi = head[0] >>> 16;
      long lo = (head[1] >>> 16) | (head[0] << 48);
      return new long[] {hi | tail[0], lo | tail[1]};
    };
    for (Function<String, long[]> planted : java.util.List.of(zoneBlind, shortShift)) {
      assertThatThrownBy(() -> qt().withExamples(20000).forAll(texts())
          .checkAssert(text -> assertAgrees(planted, text)))
          .isInstanceOf(AssertionError.class);
    }
  }

  private static void assertAgrees(Function<String, long[]> onePass, String text) {
    long[] fast = onePass.apply(text);
    long hi;
    long lo;
    try {
      hi = IpParser.high(text);
      lo = IpParser.low(text);
    } catch (InvalidAddressException e) {
      assertThat(fast).as("one pass accepted what the general parser refuses: %s", text).isNull();
      return;
    }
    assertThat(fast).as("one pass declined valid %s", text).isNotNull();
    assertThat(fast).as(text).containsExactly(hi, lo);
  }
}
