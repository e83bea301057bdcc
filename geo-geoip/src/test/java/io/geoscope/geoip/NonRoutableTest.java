package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 16-bit prefix filter in front of the block scan never hides a block. */
class NonRoutableTest {

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void everyBlockIsFoundAtItsFirstAndLastAddress(boolean documentation) {
    NonRoutable blocks = new NonRoutable(documentation);
    for (int i = 0; i < blocks.base4.length; i++) {
      int first = blocks.base4[i];
      int last = first | ~blocks.mask4[i];
      assertThat(blocks.match4(first)).as("v4 block %d first", i).isEqualTo(blocks.scan4(first));
      assertThat(blocks.match4(last)).as("v4 block %d last", i).isEqualTo(blocks.scan4(last));
      assertThat(blocks.match4(first)).isNotNegative();
    }
    for (int i = 0; i < blocks.base6Hi.length; i++) {
      long hi = blocks.base6Hi[i];
      long lo = blocks.base6Lo[i];
      long lastHi = hi | ~blocks.mask6Hi[i];
      long lastLo = lo | ~blocks.mask6Lo[i];
      assertThat(blocks.match6(hi, lo)).as("v6 block %d first", i).isNotNegative()
          .isEqualTo(blocks.scan6(hi, lo));
      assertThat(blocks.match6(lastHi, lastLo)).as("v6 block %d last", i)
          .isEqualTo(blocks.scan6(lastHi, lastLo));
    }
  }

  @Test
  void everyIpv4SixteenBitPrefixFiltersLikeTheScan() {
    NonRoutable blocks = new NonRoutable(true);
    for (int top = 0; top < 65536; top++) {
      for (int low = 0; low < 65536; low += 255) {
        int address = (top << 16) | low;
        assertThat(blocks.match4(address)).isEqualTo(blocks.scan4(address));
      }
    }
  }

  @Test
  void anyAddressFiltersLikeTheScan() {
    NonRoutable blocks = new NonRoutable(false);
    qt().withExamples(100_000).forAll(integers().all()).checkAssert(a ->
        assertThat(blocks.match4(a)).isEqualTo(blocks.scan4(a)));
    qt().withExamples(100_000).forAll(longs().all(), longs().all(), integers().between(0, 15))
        .checkAssert((hi, lo, zeros) -> {
          // Shift in leading zero bits now and then so the ::/127 and 64:ff9b:1::/48 prefixes occur.
          long h = zeros == 0 ? 0 : hi >>> (zeros * 4);
          assertThat(blocks.match6(h, lo)).isEqualTo(blocks.scan6(h, lo));
        });
  }
}
