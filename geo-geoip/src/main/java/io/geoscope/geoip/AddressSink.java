package io.geoscope.geoip;

import org.jspecify.annotations.NullMarked;

/**
 * The numeric value of the last address {@link IpParser#parse} stored: {@link #v4} for IPv4,
 * {@link #hi}/{@link #lo} (big-endian halves) for IPv6. Only the fields of the returned version are
 * written; the others keep stale values.
 *
 * <p>Mutable and NOT thread-safe: a caller keeps one per thread and reuses it, so that parsing
 * allocates nothing.
 */
@NullMarked
final class AddressSink implements IpParser.Ipv6Receiver<AddressSink> {
  /** The IPv4 address as an unsigned 32-bit value in an int ({@code 1.2.3.4} is 0x01020304). */
  public int v4;
  /** The upper 64 bits of an IPv6 address. */
  public long hi;
  /** The lower 64 bits of an IPv6 address. */
  public long lo;

  /** Stores the halves {@link IpParser#ipv6} parsed. */
  @Override
  public AddressSink ipv6(long hi, long lo) {
    this.hi = hi;
    this.lo = lo;
    return this;
  }
}
