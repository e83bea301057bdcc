package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.geoscope.geoip.AddressGenerators;
import io.geoscope.geoip.AddressGenerators.Rendered;
import io.geoscope.geoip.InvalidAddressException;
import io.geoscope.geoip.InvalidAddressException.Reason;
import java.nio.ByteBuffer;
import org.quicktheories.core.Gen;
import org.junit.jupiter.api.Test;

/** Differential properties against Guava's {@code InetAddresses.forString}. */
class IpParserPropertiesTest {

  @Test
  void theOnePassDottedQuadAcceptsExactlyWhatTheParserAcceptsAsIpv4() {
    // Digits, dots and '/' (the code point between them), up to 16 characters: every near miss.
    qt().withExamples(5000)
        .forAll(strings().betweenCodePoints('.', '9').ofLengthBetween(0, 16))
        .checkAssert(text -> assertSameAsTheParser(text));
    qt().withExamples(2000).forAll(AddressGenerators.validLiterals())
        .checkAssert(r -> assertSameAsTheParser(r.text()));
    // Near-quads: three to five groups of zero to four digits (empty, zero-led and over-255
    // octets, too few and too many dots), often at the edges of the 7-15 character window.
    Gen<String> group = strings().betweenCodePoints('0', '9').ofLengthBetween(0, 4);
    qt().withExamples(20000)
        .forAll(integers().between(3, 5), lists().of(group).ofSize(5))
        .checkAssert((groups, g) -> assertSameAsTheParser(String.join(".", g.subList(0, groups))));
  }

  private static void assertSameAsTheParser(String text) {
    long fast = IpParser.fastIpv4(text);
    int parsed;
    try {
      parsed = IpParser.ipv4(text);
    } catch (InvalidAddressException e) {
      assertThat(fast).as("fast path of a refused text").isEqualTo(-1);
      return;
    }
    assertThat(fast).as(text).isEqualTo(parsed & 0xFFFF_FFFFL);
  }

  @Test
  void everyValidRenderingParsesToTheSameBytesAsGuava() {
    qt().withExamples(3000).forAll(AddressGenerators.validLiterals()).checkAssert(r -> {
      AddressSink sink = new AddressSink();
      int version = IpParser.parse(r.text(), sink);
      byte[] ours = bytes(version, sink);
      assertThat(ours).as(r.text()).isEqualTo(r.bytes());
      assertThat(AddressGenerators.as16(ours)).as(r.text()).isEqualTo(AddressGenerators.as16(AddressGenerators.guava(r.text())));
    });
  }

  @Test
  void ipv6RenderingsKeepTheirFamilyEvenWhenIpv4Mapped() {
    qt().withExamples(1000).forAll(AddressGenerators.validLiterals()).checkAssert((Rendered r) -> {
      int version = IpParser.parse(r.text(), new AddressSink());
      assertThat(version).as(r.text()).isEqualTo(r.bytes().length == 4 ? IpParser.V4 : IpParser.V6);
    });
  }

  /**
   * Never accepts what Guava rejects, never gives a different value, and rejects what Guava accepts
   * only in the documented stricter cases: zone ids and non-ASCII digits.
   */
  @Test
  void arbitraryTextIsEitherParsedLikeGuavaOrRejectedInADocumentedStricterCase() {
    qt().withExamples(5000).forAll(AddressGenerators.anyAddressText()).checkAssert(text -> {
      byte[] guava = AddressGenerators.guava(text);
      AddressSink sink = new AddressSink();
      int version;
      try {
        version = IpParser.parse(text, sink);
      } catch (InvalidAddressException e) {
        if (guava != null) {
          assertThat(e.reason()).as("rejected what Guava accepts: %s", text)
              .isIn(Reason.ZONE_ID, Reason.BAD_CHARACTER);
          if (e.reason() == Reason.BAD_CHARACTER) {
            assertThat(text.charAt(e.index())).as(text).isGreaterThan('\u007f');
          }
        }
        return;
      }
      assertThat(guava).as("accepted what Guava rejects: %s", text).isNotNull();
      assertThat(AddressGenerators.as16(bytes(version, sink))).as(text).isEqualTo(AddressGenerators.as16(guava));
    });
  }

  /**
   * Text of digits and dots only takes the branch-free dotted-quad path: it must accept exactly
   * what Guava accepts, with the same value, and reject the rest with the reason the careful
   * parser gives (empty group, leading zero, octet out of range, group count).
   */
  @Test
  void digitsAndDotsParseExactlyLikeGuava() {
    qt().withExamples(20000)
        .forAll(lists().of(strings().betweenCodePoints('0', '9').ofLengthBetween(0, 4))
            .ofSizeBetween(1, 6).map(groups -> String.join(".", groups)))
        .assuming(text -> !text.isEmpty())
        .checkAssert(text -> {
          byte[] guava = AddressGenerators.guava(text);
          AddressSink sink = new AddressSink();
          if (guava == null) {
            InvalidAddressException e =
                catchThrowableOfType(InvalidAddressException.class, () -> IpParser.parse(text, sink));
            assertThat(e).as("accepted what Guava rejects: %s", text).isNotNull();
            assertThat(e.reason()).as(text).isIn(Reason.EMPTY_GROUP, Reason.LEADING_ZERO,
                Reason.OCTET_OUT_OF_RANGE, Reason.TOO_FEW_GROUPS, Reason.TOO_MANY_GROUPS);
          } else {
            assertThat(IpParser.parse(text, sink)).as(text).isEqualTo(IpParser.V4);
            assertThat(bytes(IpParser.V4, sink)).as(text).isEqualTo(guava);
          }
        });
  }

  @Test
  void rejectionMessagesNeverContainTheInput() {
    qt().withExamples(5000).forAll(AddressGenerators.anyAddressText()).checkAssert(text -> {
      InvalidAddressException e = catchThrowableOfType(InvalidAddressException.class,
          () -> IpParser.parse(text, new AddressSink()));
      if (e == null) {
        return;
      }
      // No separator of any address form ever appears in a message, so no address-shaped input can.
      assertThat(e.getMessage()).doesNotContainPattern("[.:%\\[\\]/]");
      if (text.length() >= 3 && text.matches("(?s).*[.:%\\[\\]/].*")) {
        assertThat(e.getMessage()).doesNotContain(text);
      }
      assertThat(e.inputLength()).isEqualTo(text.length());
      assertThat(e.index()).isBetween(0, text.length());
    });
  }

  @Test
  void mutatedLiteralsThatGuavaRejectsAreRejectedToo() {
    qt().withExamples(3000).forAll(AddressGenerators.mutatedLiterals()).checkAssert(text -> {
      if (AddressGenerators.guava(text) == null) {
        assertThat(catchThrowableOfType(InvalidAddressException.class,
            () -> IpParser.parse(text, new AddressSink()))).as(text).isNotNull();
      }
    });
  }

  private static byte[] bytes(int version, AddressSink sink) {
    if (version == IpParser.V4) {
      return ByteBuffer.allocate(4).putInt(sink.v4).array();
    }
    return ByteBuffer.allocate(16).putLong(sink.hi).putLong(sink.lo).array();
  }
}
