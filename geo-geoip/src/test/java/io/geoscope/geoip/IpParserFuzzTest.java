package io.geoscope.geoip;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.geoscope.geoip.AddressGenerators;
import io.geoscope.geoip.InvalidAddressException;
import io.geoscope.geoip.InvalidAddressException.Reason;
import java.nio.ByteBuffer;

/**
 * Fuzzes {@link IpParser#parse}: any text parses to the address Guava reads, or fails with an
 * {@link InvalidAddressException} whose message has no address separator in it (so it cannot echo
 * an address). Every build replays the committed corpus in {@code IpParserFuzzTestInputs/}; the
 * {@code fuzz} profile explores for a bounded time.
 */
class IpParserFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void anyTextParsesLikeGuavaOrIsRejectedWithATypedError(byte[] input) {
    String text = new String(input, UTF_8);
    byte[] guava = AddressGenerators.guava(text);
    AddressSink sink = new AddressSink();
    int version;
    try {
      version = IpParser.parse(text, sink);
    } catch (InvalidAddressException e) {
      assertThat(e.getMessage()).doesNotContainPattern("[.:%\\[\\]/]");
      assertThat(e.index()).isBetween(0, text.length());
      if (guava != null) {
        assertThat(e.reason()).isIn(Reason.ZONE_ID, Reason.BAD_CHARACTER);
      }
      return;
    }
    assertThat(guava).as("accepted what Guava rejects").isNotNull();
    byte[] ours = version == IpParser.V4
        ? ByteBuffer.allocate(4).putInt(sink.v4).array()
        : ByteBuffer.allocate(16).putLong(sink.hi).putLong(sink.lo).array();
    assertThat(AddressGenerators.as16(ours)).isEqualTo(AddressGenerators.as16(guava));
  }
}
