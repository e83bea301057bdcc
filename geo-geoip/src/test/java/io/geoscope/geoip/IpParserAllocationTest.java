package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Measures, with the JVM's per-thread allocation counter, that parsing valid literals allocates
 * nothing. No timing is asserted.
 */
class IpParserAllocationTest {
  private static final String[] VALID = {
    "192.0.2.1", "0.0.0.0", "255.255.255.255", "::1", "::", "2001:db8::8a2e:370:7334",
    "2001:0DB8:0000:0000:0000:FF00:0042:8329", "::ffff:203.0.113.7", "64:ff9b::198.51.100.1",
    "fe80::1", "1:2:3:4:5:6:7:8",
  };

  @Test
  void parsingValidLiteralsAllocatesNothingAfterWarmUp() {
    ThreadAllocation counter = ThreadAllocation.counter();
    AddressSink sink = new AddressSink();
    long checksum = parseAll(sink, 200_000);

    long before = counter.bytes();
    checksum += parseAll(sink, 100_000);
    long allocated = counter.bytes() - before;

    assertThat(checksum).isNotZero();
    // A few hundred bytes of slack for the measurement call itself; one allocation per parse would
    // already be over a megabyte.
    assertThat(allocated).as("bytes allocated by 100k parses").isLessThan(1024);
  }

  private static long parseAll(AddressSink sink, int count) {
    long checksum = 0;
    for (int i = 0; i < count; i++) {
      int version = IpParser.parse(VALID[i % VALID.length], sink);
      checksum += version == IpParser.V4 ? sink.v4 : sink.hi ^ sink.lo;
    }
    return checksum;
  }
}
