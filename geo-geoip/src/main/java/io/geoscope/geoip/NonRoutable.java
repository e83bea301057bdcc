package io.geoscope.geoip;

/**
 * The address blocks that are not publicly routable (IANA special-purpose registries, RFC 6890 and
 * successors), so no database may place them in a country.
 *
 * <p>Lookups are allocation-free loops over a few primitive arrays, skipped for the many addresses
 * whose top 16 bits no block shares (a 65,536-bit filter per family). Immutable and thread-safe.
 */
final class NonRoutable {

  private static final String[][] V4 = {
    {"0.0.0.0/8", "this network"},
    {"10.0.0.0/8", "private"},
    {"100.64.0.0/10", "carrier-grade NAT"},
    {"127.0.0.0/8", "loopback"},
    {"169.254.0.0/16", "link-local"},
    {"172.16.0.0/12", "private"},
    {"192.0.0.0/24", "IETF protocol assignments"},
    {"192.0.2.0/24", "documentation"},
    {"192.168.0.0/16", "private"},
    {"198.18.0.0/15", "benchmarking"},
    {"198.51.100.0/24", "documentation"},
    {"203.0.113.0/24", "documentation"},
    {"224.0.0.0/4", "multicast"},
    {"240.0.0.0/4", "reserved"},
  };

  private static final String[][] V6 = {
    {"::/128", "unspecified"},
    {"::1/128", "loopback"},
    {"64:ff9b:1::/48", "local-use NAT64"},
    {"100::/64", "discard-only"},
    {"2001:2::/48", "benchmarking"},
    {"2001:10::/28", "ORCHID"},
    {"2001:20::/28", "ORCHIDv2"},
    {"2001:db8::/32", "documentation"},
    {"3fff::/20", "documentation"},
    {"fc00::/7", "unique local"},
    {"fe80::/10", "link-local"},
    {"fec0::/10", "site-local (deprecated)"},
    {"ff00::/8", "multicast"},
  };

  final int[] base4;
  final int[] mask4;
  final long[] base6Hi;
  final long[] base6Lo;
  final long[] mask6Hi;
  final long[] mask6Lo;
  private final String[] names4;
  private final String[] names6;
  /** Bit {@code p} is set when some IPv4 block holds addresses whose top 16 bits are {@code p}. */
  private final long[] filter4 = new long[1024];
  /** The same for IPv6 and the top 16 bits of the high half. */
  private final long[] filter6 = new long[1024];

  /**
   * The list, with or without the documentation blocks (RFC 5737 192.0.2/24, 198.51.100/24,
   * 203.0.113/24; RFC 3849 2001:db8::/32; RFC 9637 3fff::/20).
   */
  public NonRoutable(boolean includeDocumentation) {
    int n4 = 0;
    int n6 = 0;
    for (String[] e : V4) {
      n4 += keep(e, includeDocumentation) ? 1 : 0;
    }
    for (String[] e : V6) {
      n6 += keep(e, includeDocumentation) ? 1 : 0;
    }
    base4 = new int[n4];
    mask4 = new int[n4];
    names4 = new String[n4];
    base6Hi = new long[n6];
    base6Lo = new long[n6];
    mask6Hi = new long[n6];
    mask6Lo = new long[n6];
    names6 = new String[n6];
    AddressSink sink = new AddressSink();
    int i = 0;
    for (String[] e : V4) {
      if (keep(e, includeDocumentation)) {
        int slash = e[0].indexOf('/');
        int len = Integer.parseInt(e[0].substring(slash + 1));
        // Parsed by our own strict parser (Guava is not a dependency of this module).
        IpParser.parse(e[0].substring(0, slash), sink);
        base4[i] = sink.v4;
        mask4[i] = len == 0 ? 0 : -1 << (32 - len);
        names4[i] = e[1] + " " + e[0];
        mark(filter4, base4[i] >>> 16, len);
        i++;
      }
    }
    i = 0;
    for (String[] e : V6) {
      if (keep(e, includeDocumentation)) {
        int slash = e[0].indexOf('/');
        int len = Integer.parseInt(e[0].substring(slash + 1));
        IpParser.parse(e[0].substring(0, slash), sink);
        long hi = sink.hi;
        long lo = sink.lo;
        base6Hi[i] = hi;
        base6Lo[i] = lo;
        mask6Hi[i] = len >= 64 ? -1L : (len == 0 ? 0 : -1L << (64 - len));
        mask6Lo[i] = len <= 64 ? 0 : (len == 128 ? -1L : -1L << (128 - len));
        names6[i] = e[1] + " " + e[0];
        mark(filter6, (int) (hi >>> 48), len);
        i++;
      }
    }
  }

  /** Sets the filter bits of every 16-bit prefix a block of {@code len} bits at {@code top} spans. */
  private static void mark(long[] filter, int top, int len) {
    int count = len >= 16 ? 1 : 1 << (16 - len);
    for (int p = top; p < top + count; p++) {
      filter[p >>> 6] |= 1L << p;
    }
  }

  private static boolean keep(String[] entry, boolean includeDocumentation) {
    return includeDocumentation || !entry[1].equals("documentation");
  }

  /** The index of the block holding the IPv4 address, or -1 if it is routable. */
  public int match4(int address) {
    int top = address >>> 16;
    if ((filter4[top >>> 6] & (1L << top)) == 0) {
      return -1;
    }
    return scan4(address);
  }

  /** {@link #match4} without the filter. */
  int scan4(int address) {
    for (int i = 0; i < base4.length; i++) {
      if ((address & mask4[i]) == base4[i]) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the block holding the IPv6 address, or -1 if none does. */
  public int match6(long hi, long lo) {
    int top = (int) (hi >>> 48);
    if ((filter6[top >>> 6] & (1L << top)) == 0) {
      return -1;
    }
    return scan6(hi, lo);
  }

  /** {@link #match6} without the filter. */
  int scan6(long hi, long lo) {
    for (int i = 0; i < base6Hi.length; i++) {
      if ((hi & mask6Hi[i]) == base6Hi[i] && (lo & mask6Lo[i]) == base6Lo[i]) {
        return i;
      }
    }
    return -1;
  }

  /** What the IPv4 block {@code index} is, e.g. {@code "private 10.0.0.0/8"}. */
  public String describe4(int index) {
    return names4[index];
  }

  /** What the IPv6 block {@code index} is, e.g. {@code "link-local fe80::/10"}. */
  public String describe6(int index) {
    return names6[index];
  }

  /** The number of IPv4 blocks. */
  public int size4() {
    return base4.length;
  }

  /** The number of IPv6 blocks. */
  public int size6() {
    return base6Hi.length;
  }
}
