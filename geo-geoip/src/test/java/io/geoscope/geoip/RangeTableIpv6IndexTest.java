package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.LongBinaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The IPv6 range table with its second-level index on crowded top-16 buckets (as real databases
 * have: nearly every IPv6 network in a few /16s) against a reference built independently: a
 * sorted map of network start to (end, id), looked up with {@code floorEntry}.
 */
class RangeTableIpv6IndexTest {
  private static final long[] CROWDED = {0x2400L, 0x2a00L};
  private static final BigInteger ONE = BigInteger.ONE;

  private static RangeTable table;
  /** start -> {end exclusive, id}. */
  private static final TreeMap<BigInteger, Object[]> REFERENCE = new TreeMap<>();

  @BeforeAll
  static void build() {
    SplittableRandom random = new SplittableRandom(15);
    RangeTable.Builder b = new RangeTable.Builder(128);
    int[] rename = new int[64];
    for (int i = 0; i < rename.length; i++) {
      rename[i] = i;
    }
    // 2001:db8::/32 alone in its bucket (few ranges: first-level index only), then two crowded
    // buckets of 12,000 /32-/48 networks each, with gaps.
    add(b, 0x2001_0db8_0000_0000L, 32, 7);
    for (long bucket : CROWDED) {
      long next = bucket << 48;
      for (int n = 0; n < 12_000; n++) {
        int prefix = 32 + random.nextInt(17);
        long size = 1L << (64 - prefix);
        long start = (next + size - 1) & -size;
        if (start >>> 48 != bucket) {
          break;
        }
        add(b, start, prefix, 1 + random.nextInt(60));
        next = start + size + (random.nextInt(3) == 0 ? size * random.nextInt(4) : 0);
      }
    }
    table = b.build(rename);
  }

  private static void add(RangeTable.Builder b, long startHi, int prefix, int id) {
    b.add(startHi, 0, prefix, id);
    BigInteger start = unsigned(startHi).shiftLeft(64);
    REFERENCE.put(start, new Object[] {start.add(ONE.shiftLeft(128 - prefix)), id});
  }

  private static BigInteger unsigned(long v) {
    return new BigInteger(Long.toUnsignedString(v));
  }

  private static int reference(long hi, long lo) {
    BigInteger a = unsigned(hi).shiftLeft(64).or(unsigned(lo));
    Map.Entry<BigInteger, Object[]> e = REFERENCE.floorEntry(a);
    return e != null && a.compareTo((BigInteger) e.getValue()[0]) < 0 ? (int) e.getValue()[1] : 0;
  }

  /** Addresses in the crowded buckets (any of the 4,096 second-level slots) and elsewhere. */
  private static void check(LongBinaryOperator lookup) {
    qt().withExamples(20000)
        .forAll(integers().between(0, 2), longs().all(), longs().all())
        .checkAssert((where, bits, lo) -> {
          long hi = where == 2 ? bits : (CROWDED[where] << 48) | (bits >>> 16);
          assertThat(lookup.applyAsLong(hi, lo))
              .as("%x:%x", hi, lo).isEqualTo(reference(hi, lo));
        });
  }

  @Test
  void crowdedBucketsHaveTheSecondLevelAndLookupsMatchTheReference() {
    assertThat(table.crowdedBuckets()).isEqualTo(CROWDED.length);
    check((hi, lo) -> table.lookup6(hi, lo));
  }

  @Test
  void everyNetworkStartAndLastAddressMatchesTheReference() {
    for (Map.Entry<BigInteger, Object[]> e : REFERENCE.entrySet()) {
      long startHi = e.getKey().shiftRight(64).longValue();
      BigInteger last = ((BigInteger) e.getValue()[0]).subtract(ONE);
      assertThat(table.lookup6(startHi, 0)).isEqualTo(e.getValue()[1]);
      assertThat(table.lookup6(last.shiftRight(64).longValue(), last.longValue()))
          .isEqualTo(e.getValue()[1]);
    }
  }

  /** Planted bug: a lookup that answers with the range at its second-level slot's start. */
  @Test
  void thePropertyFalsifiesASlotStartLookup() {
    LongBinaryOperator slotStart = (hi, lo) -> table.lookup6(hi & ~((1L << 36) - 1), 0);
    assertThatThrownBy(() -> check(slotStart)).isInstanceOf(AssertionError.class);
  }
}
