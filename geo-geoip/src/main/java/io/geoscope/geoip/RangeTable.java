package io.geoscope.geoip;

import java.util.Arrays;

/**
 * A partition of the IPv4 or IPv6 address space into ranges, each carrying a small int id: the
 * compiled form of a MaxMind search tree. Lookups are allocation-free: a first-level index on the
 * top 16 address bits (for the crowded IPv6 buckets, a second level on the next 12) narrows the
 * search to a handful of ranges, then a binary search finishes.
 *
 * <p>Instances are immutable and thread-safe once built.
 */
final class RangeTable {

  private static final int INDEX_SIZE = (1 << 16) + 1;

  private final boolean v6;

  /** IPv4 range starts, unsigned; empty for an IPv6 table. */
  private final int[] start4;

  /** IPv6 range starts as two unsigned halves; empty for an IPv4 table. */
  private final long[] startHi;

  private final long[] startLo;
  private final int[] ids;

  /** index[h] = first range whose start has top-16 bits >= h. */
  private final int[] index;

  /**
   * IPv6 only: for a top-16 bucket h with at least {@link #SUB_SLOTS} ranges (registries allocate
   * from a few /16s, so a handful of buckets hold nearly every range), subOf[h] is the offset in
   * {@link #sub} of a second-level index on the next {@link #SUB_BITS} bits, -1 otherwise.
   * sub[subOf[h] + k] = first range of the bucket whose start has those bits >= k. At most one
   * slot per range: the memory stays proportional to the table, whatever the file.
   */
  private final int[] subOf;

  private final int[] sub;

  private static final int SUB_BITS = 12;
  private static final int SUB_SLOTS = 1 << SUB_BITS;

  private RangeTable(boolean v6, int[] start4, long[] startHi, long[] startLo, int[] ids) {
    this.v6 = v6;
    this.start4 = start4;
    this.startHi = startHi;
    this.startLo = startLo;
    this.ids = ids;
    this.index = new int[INDEX_SIZE];
    int r = 0;
    for (int h = 0; h < INDEX_SIZE; h++) {
      while (r < ids.length && top16(r) < h) {
        r++;
      }
      index[h] = r;
    }
    if (!v6) {
      this.subOf = new int[0];
      this.sub = new int[0];
      return;
    }
    this.subOf = new int[INDEX_SIZE - 1];
    int big = 0;
    for (int h = 0; h < INDEX_SIZE - 1; h++) {
      big += index[h + 1] - index[h] >= SUB_SLOTS ? 1 : 0;
    }
    this.sub = new int[big * (SUB_SLOTS + 1)];
    int at = 0;
    for (int h = 0; h < INDEX_SIZE - 1; h++) {
      int first = index[h];
      int end = index[h + 1];
      if (end - first < SUB_SLOTS) {
        subOf[h] = -1;
        continue;
      }
      subOf[h] = at;
      int q = first;
      for (int k = 0; k <= SUB_SLOTS; k++) {
        while (q < end && subBits(startHi[q]) < k) {
          q++;
        }
        sub[at + k] = q;
      }
      at += SUB_SLOTS + 1;
    }
  }

  private static int subBits(long hi) {
    return (int) (hi >>> (48 - SUB_BITS)) & (SUB_SLOTS - 1);
  }

  private int top16(int r) {
    return v6 ? (int) (startHi[r] >>> 48) : start4[r] >>> 16;
  }

  /** How many IPv6 top-16 buckets have the second-level index. */
  int crowdedBuckets() {
    return sub.length / (SUB_SLOTS + 1);
  }

  /** The number of ranges. */
  public int size() {
    return ids.length;
  }

  /** The id of the range holding the IPv4 address {@code address} (big-endian bits). */
  public int lookup4(int address) {
    int h = address >>> 16;
    int lo = index[h];
    int hi = index[h + 1] - 1;
    int found = lo - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (Integer.compareUnsigned(start4[mid], address) <= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return ids[found];
  }

  /** The id of the range holding the IPv6 address ({@code hi}, {@code lo}), big-endian halves. */
  public int lookup6(long addrHi, long addrLo) {
    int h = (int) (addrHi >>> 48);
    int s = subOf[h];
    int lo;
    int hi;
    if (s < 0) {
      lo = index[h];
      hi = index[h + 1] - 1;
    } else {
      int k = s + subBits(addrHi);
      lo = sub[k];
      hi = sub[k + 1] - 1;
    }
    int found = lo - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = Long.compareUnsigned(startHi[mid], addrHi);
      if (c < 0 || (c == 0 && Long.compareUnsigned(startLo[mid], addrLo) <= 0)) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return ids[found];
  }

  /** Collects ranges in increasing address order; gaps between them get id 0. Not thread-safe. */
  public static final class Builder {
    private final boolean v6;
    private final int bits;
    private long[] hi = new long[1024];
    private long[] lo = new long[1024];
    private int[] id = new int[1024];
    private int n;
    private long nextHi;
    private long nextLo;
    private boolean full;

    /** A builder for a table of {@code bits}-bit addresses (32 or 128). */
    public Builder(int bits) {
      if (bits != 32 && bits != 128) {
        throw new IllegalArgumentException("bits must be 32 or 128, got " + bits);
      }
      this.bits = bits;
      this.v6 = bits == 128;
    }

    /**
     * Adds the network of {@code depth} bits starting at ({@code startHi}, {@code startLo}); IPv4
     * addresses sit in the low 32 bits of {@code startLo}. Networks must come in address order.
     */
    public void add(long startHi, long startLo, int depth, int rangeId) {
      if (full) {
        throw new IllegalStateException("address space already covered");
      }
      int c = Long.compareUnsigned(startHi, nextHi);
      int order = c != 0 ? c : Long.compareUnsigned(startLo, nextLo);
      if (order < 0) {
        throw new IllegalStateException("networks out of order");
      }
      if (order > 0) {
        append(nextHi, nextLo, 0);
      }
      append(startHi, startLo, rangeId);
      int rest = bits - depth;
      if (depth == 0) {
        full = true;
      } else if (!v6) {
        long next = startLo + (1L << rest);
        full = next > 0xFFFFFFFFL;
        nextHi = 0;
        nextLo = next;
      } else if (rest >= 64) {
        long step = rest == 64 ? 1L : 1L << (rest - 64);
        nextHi = startHi + step;
        nextLo = 0;
        full = nextHi == 0 && startHi != 0;
      } else {
        long step = 1L << rest;
        nextLo = startLo + step;
        nextHi = startHi + (Long.compareUnsigned(nextLo, startLo) < 0 ? 1 : 0);
        full = nextHi == 0 && nextLo == 0;
      }
    }

    private void append(long h, long l, int rangeId) {
      if (n > 0 && id[n - 1] == rangeId) {
        return;
      }
      if (n == id.length) {
        int cap = n * 2;
        hi = Arrays.copyOf(hi, cap);
        lo = Arrays.copyOf(lo, cap);
        id = Arrays.copyOf(id, cap);
      }
      hi[n] = h;
      lo[n] = l;
      id[n] = rangeId;
      n++;
    }

    /**
     * Builds the table, renaming every id {@code i} to {@code rename[i]} and merging neighbours
     * that end up with the same id.
     */
    public RangeTable build(int[] rename) {
      if (n == 0) {
        append(0, 0, 0);
      } else if (!full) {
        append(nextHi, nextLo, 0);
      }
      long[] h = new long[n];
      long[] l = new long[n];
      int[] ids = new int[n];
      int m = 0;
      for (int i = 0; i < n; i++) {
        int renamed = rename[id[i]];
        if (m > 0 && ids[m - 1] == renamed) {
          continue;
        }
        h[m] = hi[i];
        l[m] = lo[i];
        ids[m] = renamed;
        m++;
      }
      if (!v6) {
        int[] s4 = new int[m];
        for (int i = 0; i < m; i++) {
          s4[i] = (int) l[i];
        }
        return new RangeTable(false, s4, new long[0], new long[0], Arrays.copyOf(ids, m));
      }
      return new RangeTable(
          true, new int[0], Arrays.copyOf(h, m), Arrays.copyOf(l, m), Arrays.copyOf(ids, m));
    }
  }
}
