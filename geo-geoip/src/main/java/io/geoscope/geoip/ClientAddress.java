package io.geoscope.geoip;

import java.net.InetAddress;
import org.jspecify.annotations.NullMarked;

/**
 * The client behind your trusted proxies, as {@link TrustedProxies#client} found it: either an
 * address held as numbers (never as text), or an unknown client with the reason it is unknown.
 * {@link GeoResolver#resolve(ClientAddress)} takes it without parsing anything again, and there is
 * no string sentinel to confuse with a host name.
 *
 * <p>{@link #toString()} never shows the address. Instances are immutable and thread-safe; equality
 * is by value.
 */
@NullMarked
public final class ClientAddress {

  /** Why the client is unknown. */
  public enum Hidden {
    /** The address is known. */
    NOT_HIDDEN("not-hidden"),
    /**
     * A hop hid the client: {@code unknown}, an RFC 7239 obfuscated identifier such as {@code
     * _hidden}, or a {@code Forwarded} element without {@code for=}.
     */
    BY_PROXY("hidden-by-proxy");

    private final String code;

    Hidden(String code) {
      this.code = code;
    }

    /** The stable name used in details and logs. */
    public String code() {
      return code;
    }
  }

  private static final ClientAddress HIDDEN = new ClientAddress(0, 0, 0L, 0L, Hidden.BY_PROXY);

  /** 0 for unknown, 4 or 6. */
  private final int version;
  private final int v4;
  private final long hi;
  private final long lo;
  private final Hidden hidden;

  private ClientAddress(int version, int v4, long hi, long lo, Hidden hidden) {
    this.version = version;
    this.v4 = v4;
    this.hi = hi;
    this.lo = lo;
    this.hidden = hidden;
  }

  /** An IPv4 client given as its 32 bits in network order. */
  public static ClientAddress ipv4(int address) {
    return new ClientAddress(4, address, 0L, 0L, Hidden.NOT_HIDDEN);
  }

  /**
   * An IPv6 client given as two big-endian 64-bit halves. An IPv4-mapped address ({@code
   * ::ffff:1.2.3.4}) is the IPv4 client it maps, as {@link InetAddress} also has it.
   */
  public static ClientAddress ipv6(long hi, long lo) {
    if (hi == 0 && (lo >>> 32) == 0xFFFFL) {
      return ipv4((int) lo);
    }
    return new ClientAddress(6, 0, hi, lo, Hidden.NOT_HIDDEN);
  }

  /** The client of a socket peer as the JDK holds it; copies its bytes once. */
  public static ClientAddress of(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length == 4) {
      return ipv4(int32(b, 0));
    }
    return ipv6(int64(b, 0), int64(b, 8));
  }

  /** The client a proxy hid; resolving it gives unknown evidence saying so. */
  public static ClientAddress hiddenByProxy() {
    return HIDDEN;
  }

  /** True if the address is known. */
  public boolean isKnown() {
    return version != 0;
  }

  /** Why the client is unknown, or {@link Hidden#NOT_HIDDEN}. */
  public Hidden hidden() {
    return hidden;
  }

  /** True for an IPv4 client. */
  public boolean isIpv4() {
    return version == 4;
  }

  /** True for an IPv6 client. */
  public boolean isIpv6() {
    return version == 6;
  }

  /** The IPv4 address's 32 bits; 0 unless {@link #isIpv4()}. */
  public int ipv4Bits() {
    return v4;
  }

  /** The IPv6 address's upper 64 bits; 0 unless {@link #isIpv6()}. */
  public long ipv6High() {
    return hi;
  }

  /** The IPv6 address's lower 64 bits; 0 unless {@link #isIpv6()}. */
  public long ipv6Low() {
    return lo;
  }

  static int int32(byte[] b, int at) {
    return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
  }

  static long int64(byte[] b, int at) {
    return (int32(b, at) & 0xFFFF_FFFFL) << 32 | (int32(b, at + 4) & 0xFFFF_FFFFL);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClientAddress c
        && c.version == version && c.v4 == v4 && c.hi == hi && c.lo == lo && c.hidden == hidden;
  }

  @Override
  public int hashCode() {
    return ((version * 31 + v4) * 31 + Long.hashCode(hi)) * 31 + Long.hashCode(lo) + hidden.hashCode();
  }

  /** Says only what kind of client this is: never the address. */
  @Override
  public String toString() {
    return isKnown() ? "ClientAddress[IPv" + version + ", redacted]" : "ClientAddress[" + hidden.code() + "]";
  }
}
