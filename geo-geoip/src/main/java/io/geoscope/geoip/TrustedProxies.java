package io.geoscope.geoip;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Finds a client's address behind reverse proxies you trust, the way nginx's {@code real_ip}
 * module does with {@code real_ip_recursive on}.
 *
 * <pre>{@code
 * TrustedProxies proxies = TrustedProxies.of("10.0.0.0/8", "2001:db8::/32");
 * String client = proxies.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
 * String same = proxies.clientAddressFromForwarded(request.getRemoteAddr(), request.getHeader("Forwarded"));
 * }</pre>
 *
 * <p>Rules: if the socket peer is not trusted, the headers are ignored (not even read) and the peer
 * is the client. Otherwise the header is walked from the right, skipping trusted addresses; the
 * first untrusted address is the client. If every element is trusted, the left-most one is the
 * client; an absent or empty header leaves the peer. Entries left of the first untrusted one are
 * never read, so a client cannot win by prepending a spoofed address, nor cause an error by
 * prepending garbage. The result is the address as written in the peer or in one element (ports,
 * brackets and quotes removed), or {@link #UNKNOWN_CLIENT}.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>When the walk reaches an element that hides the client, {@code unknown} or an RFC 7239
 *       obfuscated identifier such as {@code _hidden} (and, in {@code Forwarded}, an element
 *       without {@code for=}), the chain stops there and the result is {@link #UNKNOWN_CLIENT}:
 *       the client is not known, and returning the proxy's own address instead would locate the
 *       participant where the proxy is.
 *   <li>A range's address must have no bits set beyond its prefix ({@code 10.0.0.1/8} is rejected
 *       with {@link InvalidAddressException.Reason#HOST_BITS_SET}: it is almost always a typo). A
 *       bare address is a single-host range.
 *   <li>IPv4 ranges also match IPv4-mapped IPv6 addresses ({@code ::ffff:10.1.2.3}) and IPv6 ranges
 *       covering {@code ::ffff:0:0/96} match plain IPv4: they are the same hosts.
 *   <li>{@code X-Forwarded-For} elements may be bare IPv4 or IPv6, {@code IPv4:port}, {@code
 *       [IPv6]} or {@code [IPv6]:port}, or {@code unknown}. {@code Forwarded} follows RFC 7239:
 *       IPv6 nodes must be bracketed and quoted ({@code for="[2001:db8::1]:4711"}), parameter names
 *       are case-insensitive, a parameter may occur once per element.
 *   <li>Empty list elements ({@code a,,b}) are ignored, as RFC 9110 requires of list headers.
 *   <li>The socket peer must be a bare literal: zone ids, brackets and ports are errors.
 * </ul>
 *
 * <p>Malformed input that had to be read throws {@link InvalidAddressException} (the peer) or
 * {@link InvalidHeaderException} (a header element): no address is guessed, and no message
 * contains an address. Instances are immutable and thread-safe.
 */
@NullMarked
public final class TrustedProxies {
  /**
   * Returned when the chain stops at a hop that hid the client ({@code unknown}, an obfuscated
   * identifier, or a {@code Forwarded} element without {@code for=}). It is not an IP literal.
   */
  public static final String UNKNOWN_CLIENT = "unknown";

  static final String X_FORWARDED_FOR = "X-Forwarded-For";
  static final String FORWARDED = "Forwarded";

  private final int[] v4Network;
  private final int[] v4Mask;
  private final long[] v6NetworkHi;
  private final long[] v6NetworkLo;
  private final long[] v6MaskHi;
  private final long[] v6MaskLo;

  /** Whether an IPv6 address the one-pass parser read is trusted; made once, shared by calls. */
  private final IpParser.Ipv6Receiver<Boolean> trusts = (hi, lo) -> containsV6Address(hi, lo);

  private TrustedProxies(int[] v4Network, int[] v4Mask, long[] v6NetworkHi, long[] v6NetworkLo, long[] v6MaskHi, long[] v6MaskLo) {
    this.v4Network = v4Network;
    this.v4Mask = v4Mask;
    this.v6NetworkHi = v6NetworkHi;
    this.v6NetworkLo = v6NetworkLo;
    this.v6MaskHi = v6MaskHi;
    this.v6MaskLo = v6MaskLo;
  }

  /**
   * Trusts the given CIDR ranges ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or single addresses.
   *
   * @throws InvalidAddressException naming the range's position (never its text) if one is not a
   *     valid literal, has a bad prefix length ({@link InvalidAddressException.Reason#BAD_PREFIX_LENGTH}),
   *     or has bits set beyond the prefix ({@link InvalidAddressException.Reason#HOST_BITS_SET})
   */
  public static TrustedProxies of(String... ranges) {
    return of(Arrays.asList(ranges));
  }

  /** As {@link #of(String...)}. */
  public static TrustedProxies of(Collection<String> ranges) {
    int n = ranges.size();
    int[] v4Network = new int[n];
    int[] v4Mask = new int[n];
    long[] v6Hi = new long[n];
    long[] v6Lo = new long[n];
    long[] v6MaskHi = new long[n];
    long[] v6MaskLo = new long[n];
    int v4 = 0;
    int v6 = 0;
    int position = 0;
    AddressSink sink = new AddressSink();
    for (String range : ranges) {
      position++;
      String context = "trusted proxy range " + position + " of " + n;
      int slash = range.indexOf('/');
      String address = slash < 0 ? range : range.substring(0, slash);
      int version;
      try {
        version = IpParser.parse(address, sink);
      } catch (InvalidAddressException e) {
        throw new InvalidAddressException(context, e.reason(), e.index(), range.length());
      }
      int max = version == IpParser.V4 ? 32 : 128;
      int prefix = slash < 0 ? max : prefixLength(range, slash + 1, max, context);
      if (version == IpParser.V4) {
        int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        if ((sink.v4 & ~mask) != 0) {
          throw new InvalidAddressException(context, InvalidAddressException.Reason.HOST_BITS_SET, 0, range.length());
        }
        v4Network[v4] = sink.v4;
        v4Mask[v4++] = mask;
      } else {
        long maskHi = prefix >= 64 ? -1L : prefix == 0 ? 0L : -1L << (64 - prefix);
        long maskLo = prefix <= 64 ? 0L : -1L << (128 - prefix);
        if ((sink.hi & ~maskHi) != 0 || (sink.lo & ~maskLo) != 0) {
          throw new InvalidAddressException(context, InvalidAddressException.Reason.HOST_BITS_SET, 0, range.length());
        }
        v6Hi[v6] = sink.hi;
        v6Lo[v6] = sink.lo;
        v6MaskHi[v6] = maskHi;
        v6MaskLo[v6++] = maskLo;
      }
    }
    return new TrustedProxies(Arrays.copyOf(v4Network, v4), Arrays.copyOf(v4Mask, v4),
        Arrays.copyOf(v6Hi, v6), Arrays.copyOf(v6Lo, v6), Arrays.copyOf(v6MaskHi, v6), Arrays.copyOf(v6MaskLo, v6));
  }

  /** Trusts no proxy: every method returns the socket peer. */
  public static TrustedProxies none() {
    return of(List.of());
  }

  private static int prefixLength(String range, int start, int max, String context) {
    int len = range.length() - start;
    boolean digitsOnly = len >= 1 && len <= 3;
    for (int i = start; digitsOnly && i < range.length(); i++) {
      char c = range.charAt(i);
      digitsOnly = c >= '0' && c <= '9';
    }
    if (!digitsOnly || (len > 1 && range.charAt(start) == '0')) {
      throw new InvalidAddressException(context, InvalidAddressException.Reason.BAD_PREFIX_LENGTH, start, range.length());
    }
    int prefix = Integer.parseInt(range, start, range.length(), 10);
    if (prefix > max) {
      throw new InvalidAddressException(context, InvalidAddressException.Reason.BAD_PREFIX_LENGTH, start, range.length());
    }
    return prefix;
  }

  /**
   * Whether {@code address} (a bare IP literal) is inside a trusted range.
   *
   * @throws InvalidAddressException if it is not a valid literal
   */
  public boolean isTrusted(String address) {
    AddressSink sink = new AddressSink();
    return contains(IpParser.parse(address, sink), sink);
  }

  /**
   * The client's address from the socket peer and an {@code X-Forwarded-For} header value (null
   * or empty when absent). See the class documentation for the rules.
   *
   * @return the peer, the address part of one header element, or {@link #UNKNOWN_CLIENT}
   * @throws InvalidAddressException if the peer is not a bare IP literal
   * @throws InvalidHeaderException if an element that had to be read is malformed
   */
  public String clientAddress(String socketPeer, @Nullable String xForwardedFor) {
    return walk(socketPeer, xForwardedFor, false);
  }

  /** As {@link #clientAddress(String, String)} for a header sent on several lines, joined in order. */
  public String clientAddress(String socketPeer, List<String> xForwardedForLines) {
    return walk(socketPeer, String.join(",", xForwardedForLines), false);
  }

  /**
   * The client's address from the socket peer and an RFC 7239 {@code Forwarded} header value (null
   * or empty when absent), read from its {@code for=} parameters. See the class documentation.
   *
   * @return the peer, the node address of one element's {@code for=}, or {@link #UNKNOWN_CLIENT}
   * @throws InvalidAddressException if the peer is not a bare IP literal
   * @throws InvalidHeaderException if an element that had to be read is malformed
   */
  public String clientAddressFromForwarded(String socketPeer, @Nullable String forwarded) {
    return walk(socketPeer, forwarded, true);
  }

  /** As {@link #clientAddressFromForwarded(String, String)} for several header lines, joined in order. */
  public String clientAddressFromForwarded(String socketPeer, List<String> forwardedLines) {
    return walk(socketPeer, String.join(",", forwardedLines), true);
  }

  /**
   * The client from the socket peer alone, for a request that carried no forwarding header: the
   * peer itself, typed.
   *
   * @throws InvalidAddressException if the peer is not a bare IP literal
   */
  public ClientAddress client(String socketPeer) {
    return client(socketPeer, null);
  }

  /** The client of a socket peer the server already holds as an {@link InetAddress}. */
  public ClientAddress client(InetAddress socketPeer) {
    return ClientAddress.of(socketPeer);
  }

  /**
   * As {@link #clientAddress(String, String)}, typed: the address as numbers, or {@link
   * ClientAddress#hiddenByProxy()}, never a string to parse again. {@code xForwardedFor} may be
   * null (absent); join a header sent on several lines with {@code ","} first.
   *
   * @throws InvalidAddressException if the peer is not a bare IP literal
   * @throws InvalidHeaderException if an element that had to be read is malformed
   */
  public ClientAddress client(String socketPeer, @Nullable String xForwardedFor) {
    Walk w = new Walk();
    walk(w, parsePeer(socketPeer, w.sink), socketPeer, xForwardedFor, false);
    return w.typed();
  }

  /** As {@link #client(String, String)} for a peer held as an {@link InetAddress}. */
  public ClientAddress client(InetAddress socketPeer, @Nullable String xForwardedFor) {
    Walk w = new Walk();
    walk(w, peerBits(socketPeer, w.sink), null, xForwardedFor, false);
    return w.typed();
  }

  /** As {@link #client(String, String)}, from an RFC 7239 {@code Forwarded} header (may be null). */
  public ClientAddress clientFromForwarded(String socketPeer, @Nullable String forwarded) {
    Walk w = new Walk();
    walk(w, parsePeer(socketPeer, w.sink), socketPeer, forwarded, true);
    return w.typed();
  }

  /** As {@link #clientFromForwarded(String, String)} for a peer held as an {@link InetAddress}. */
  public ClientAddress clientFromForwarded(InetAddress socketPeer, @Nullable String forwarded) {
    Walk w = new Walk();
    walk(w, peerBits(socketPeer, w.sink), null, forwarded, true);
    return w.typed();
  }

  /** Where a walk ended: the client's version (0 when hidden), its bits in the sink, its text. */
  private static final class Walk {
    final AddressSink sink = new AddressSink();
    int version;
    @Nullable String text;

    ClientAddress typed() {
      if (version == 0) {
        return ClientAddress.hiddenByProxy();
      }
      return version == IpParser.V4 ? ClientAddress.ipv4(sink.v4) : ClientAddress.ipv6(sink.hi, sink.lo);
    }

    String text() {
      String t = text;
      return t == null ? UNKNOWN_CLIENT : t;
    }
  }

  private static int parsePeer(String peer, AddressSink sink) {
    try {
      return IpParser.parse(peer, sink);
    } catch (InvalidAddressException e) {
      throw new InvalidAddressException("socket peer", e.reason(), e.index(), e.inputLength());
    }
  }

  private static int peerBits(InetAddress peer, AddressSink sink) {
    ClientAddress c = ClientAddress.of(peer);
    sink.v4 = c.ipv4Bits();
    sink.hi = c.ipv6High();
    sink.lo = c.ipv6Low();
    return c.isIpv4() ? IpParser.V4 : IpParser.V6;
  }

  private String walk(String peer, @Nullable String header, boolean forwarded) {
    Walk w = new Walk();
    walk(w, parsePeer(peer, w.sink), peer, header, forwarded);
    return w.text();
  }

  /**
   * Walks the header from the right. On return {@code w} holds the client: its version (0 when a
   * hop hid it), its bits in {@code w.sink} and its text ({@code peerText} for the peer).
   */
  private void walk(Walk w, int peerVersion, @Nullable String peerText, @Nullable String header, boolean forwarded) {
    AddressSink sink = w.sink;
    w.version = peerVersion;
    w.text = peerText;
    if (header == null || !contains(peerVersion, sink)) {
      return;
    }
    ProxyHeader elements = new ProxyHeader(header, forwarded);
    int leftVersion = peerVersion;
    int leftV4 = sink.v4;
    long leftHi = sink.hi;
    long leftLo = sink.lo;
    String leftText = peerText;
    for (String client = elements.next(); client != null; client = elements.next()) {
      if (elements.hidesClient()) {
        w.version = 0;
        w.text = null;
        return;
      }
      int version = IpParser.parse(client, sink);
      if (!contains(version, sink)) {
        w.version = version;
        w.text = client;
        return;
      }
      leftVersion = version;
      leftV4 = sink.v4;
      leftHi = sink.hi;
      leftLo = sink.lo;
      leftText = client;
    }
    w.version = leftVersion;
    sink.v4 = leftV4;
    sink.hi = leftHi;
    sink.lo = leftLo;
    w.text = leftText;
  }

  private boolean contains(int version, AddressSink a) {
    return version == IpParser.V4 ? containsV4Address(a.v4) : containsV6Address(a.hi, a.lo);
  }

  /** An IPv4 address, also through ranges over its IPv4-mapped form. */
  private boolean containsV4Address(int v4) {
    return containsV4(v4) || containsV6(0L, 0xFFFF_0000_0000L | (v4 & 0xFFFF_FFFFL));
  }

  /** An IPv6 address, and an IPv4-mapped one also through the IPv4 ranges. */
  private boolean containsV6Address(long hi, long lo) {
    return containsV6(hi, lo) || (hi == 0 && (lo >>> 32) == 0xFFFF && containsV4((int) lo));
  }

  // What locate found, in one long: the kind in bits 60-62; for an IPv4 client its 32 bits in the
  // low bits; for an IPv6 header element its [start, end) in bits 30-59 and 0-29.
  static final long DECLINED = -1L;
  static final long LOCATED_V4 = 1L << 60;
  static final long LOCATED_PEER_V6 = 2L << 60;
  static final long LOCATED_ELEMENT_V6 = 3L << 60;
  private static final int MAX_FAST_HEADER = (1 << 30) - 1;

  /**
   * The client of {@link #client(String, String)}, found without allocating: the header is read
   * in place from the right, each element parsed where it stands. Only well-formed elements of
   * bare or bracketed addresses with or without a decimal port are read here; anything else
   * (an invalid peer, an element that hides the client, a malformed element) gives {@link
   * #DECLINED}, and the caller takes the typed walk, which returns or throws what it always did.
   * The fast walk has no effects, so declining half-way is safe.
   *
   * @return {@link #LOCATED_V4} | the client's bits, {@link #LOCATED_PEER_V6} (the peer is the
   *     IPv6 client), {@link #LOCATED_ELEMENT_V6} | start &lt;&lt; 30 | end (the IPv6 client is
   *     {@code header[start, end)}), or {@link #DECLINED}
   */
  long locate(String peer, @Nullable String header) {
    long left;
    boolean readHeader;
    long p = IpParser.fastIpv4(peer);
    if (p >= 0) {
      left = LOCATED_V4 | p;
      readHeader = header != null && containsV4Address((int) p);
    } else {
      Boolean trusted = IpParser.onePassIpv6(peer, 0, peer.length(), trusts);
      if (trusted == null) {
        return DECLINED;
      }
      left = LOCATED_PEER_V6;
      readHeader = header != null && trusted;
    }
    if (!readHeader) {
      return left;
    }
    String h = java.util.Objects.requireNonNull(header);
    if (h.length() > MAX_FAST_HEADER) {
      return DECLINED;
    }
    for (int end = h.length(); end >= 0; ) {
      int start = h.lastIndexOf(',', end - 1) + 1;
      int s = start;
      int e = end;
      while (s < e && ProxyHeader.isSpace(h.charAt(s))) {
        s++;
      }
      while (e > s && ProxyHeader.isSpace(h.charAt(e - 1))) {
        e--;
      }
      end = start - 1;
      if (s == e) {
        continue; // an empty list element
      }
      long v4 = IpParser.fastIpv4(h, s, e);
      if (v4 < 0) {
        v4 = ipv4WithPort(h, s, e);
      }
      if (v4 >= 0) {
        left = LOCATED_V4 | v4;
        if (!containsV4Address((int) v4)) {
          return left;
        }
        continue;
      }
      if (h.charAt(s) == '[') {
        int close = h.indexOf(']', s);
        if (close < 0 || close >= e || (close + 1 < e && (h.charAt(close + 1) != ':' || !ProxyHeader.isDecimalPort(h, close + 2, e)))) {
          return DECLINED;
        }
        s++;
        e = close;
      }
      Boolean trusted = IpParser.onePassIpv6(h, s, e, trusts);
      if (trusted == null) {
        return DECLINED;
      }
      left = LOCATED_ELEMENT_V6 | ((long) s << 30) | e;
      if (!trusted) {
        return left;
      }
    }
    return left;
  }

  /** The IPv4 address of {@code text[s, e)} written as {@code a.b.c.d:port}, or -1. */
  private static long ipv4WithPort(String text, int s, int e) {
    int colon = text.indexOf(':', s);
    if (colon < 0 || colon >= e || !ProxyHeader.isDecimalPort(text, colon + 1, e)) {
      return -1;
    }
    return IpParser.fastIpv4(text, s, colon);
  }

  private boolean containsV4(int address) {
    for (int i = 0; i < v4Network.length; i++) {
      if ((address & v4Mask[i]) == v4Network[i]) {
        return true;
      }
    }
    return false;
  }

  private boolean containsV6(long hi, long lo) {
    for (int i = 0; i < v6NetworkHi.length; i++) {
      if ((hi & v6MaskHi[i]) == v6NetworkHi[i] && (lo & v6MaskLo[i]) == v6NetworkLo[i]) {
        return true;
      }
    }
    return false;
  }

  /** Counts ranges only: proxy addresses are infrastructure, but they stay out of logs all the same. */
  @Override
  public String toString() {
    return "TrustedProxies[" + v4Network.length + " IPv4 ranges, " + v6NetworkHi.length + " IPv6 ranges]";
  }
}
