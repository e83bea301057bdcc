package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.oneOf;
import static org.quicktheories.generators.Generate.range;

import com.google.common.net.InetAddresses;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Range membership checked against a bit-by-bit comparison in the 16-byte space, where an IPv4
 * address is its IPv4-mapped IPv6 form and an IPv4 /n range is the mapped /(96+n) range.
 */
class TrustedProxiesRangePropertiesTest {

  @Test
  void anAddressIsTrustedExactlyWhenItsLeadingPrefixBitsMatchTheRange() {
    qt().withExamples(3000)
        .forAll(oneOf(AddressGenerators.ipv4(), AddressGenerators.ipv6()), range(0, 128), range(-1, 127),
            oneOf(AddressGenerators.ipv4(), AddressGenerators.ipv6()))
        .checkAssert((network, prefixSeed, flipBit, random) -> {
          int bits = network.length * 8;
          int prefix = prefixSeed % (bits + 1);
          byte[] masked = mask(network, prefix);
          // Either the network with one bit flipped (inside or outside depending on the bit), or random.
          byte[] address = flipBit < 0 ? random : flip(masked, flipBit % bits);
          TrustedProxies proxies = TrustedProxies.of(text(masked) + "/" + prefix);

          boolean expected = samePrefix(AddressGenerators.as16(masked), AddressGenerators.as16(address),
              prefix + (network.length == 4 ? 96 : 0));
          assertThat(proxies.isTrusted(text(address))).as("%s/%d contains %s", text(masked), prefix, text(address))
              .isEqualTo(expected);
        });
  }

  private static String text(byte[] address) {
    return address.length == 4
        ? InetAddresses.toAddrString(AddressGenerators.toInet(address))
        : AddressGenerators.renderV6(address, 1).text();
  }

  private static byte[] mask(byte[] address, int prefix) {
    byte[] out = Arrays.copyOf(address, address.length);
    for (int bit = prefix; bit < out.length * 8; bit++) {
      out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return out;
  }

  private static byte[] flip(byte[] address, int bit) {
    byte[] out = Arrays.copyOf(address, address.length);
    out[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
    return out;
  }

  private static boolean samePrefix(byte[] a, byte[] b, int prefix) {
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((a[bit / 8] & mask) != (b[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
