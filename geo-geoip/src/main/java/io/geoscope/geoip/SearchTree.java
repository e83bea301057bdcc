package io.geoscope.geoip;

/**
 * Reads the binary search tree of a MaxMind DB held in memory and enumerates every network it maps,
 * in address order, without recursion.
 *
 * <p>The walk is bounded whatever the bytes say: depth by the address width, total node visits by a
 * multiple of the declared node count (a cycle or a pathological alias structure is reported as
 * corruption instead of looping), and every record is range-checked before use.
 *
 * <p>Instances are not thread-safe; they are used once, at load time.
 */
final class SearchTree {

  /** Receives one network (a leaf of the tree) at a time, in increasing address order. */
  public interface LeafSink {
    /**
     * A network of {@code depth} bits starting at ({@code hi}, {@code lo}) maps to {@code record}:
     * the tree's node count for "no data", otherwise a data-section record.
     */
    void leaf(long hi, long lo, int depth, long record) throws CorruptTreeException;
  }

  /** The tree or a record in it is malformed. */
  public static final class CorruptTreeException extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptTreeException(String message) {
      super(message);
    }
  }

  private final byte[] bytes;
  private final long nodeCount;
  private final int recordSize;
  private final long dataSectionSize;
  private final long maxVisits;
  private long visits;

  /**
   * Wraps the tree at the start of {@code bytes}.
   *
   * @param bytes the whole file
   * @param nodeCount node count from the metadata
   * @param recordSize record size in bits from the metadata (24, 28 or 32)
   * @param metadataStart offset of the metadata marker, where the data section ends
   * @throws CorruptTreeException if the declared tree does not fit before the metadata
   */
  public SearchTree(byte[] bytes, long nodeCount, int recordSize, long metadataStart)
      throws CorruptTreeException {
    if (recordSize != 24 && recordSize != 28 && recordSize != 32) {
      throw new CorruptTreeException("unsupported record size " + recordSize);
    }
    if (nodeCount <= 0 || nodeCount > Integer.MAX_VALUE) {
      throw new CorruptTreeException("node count " + nodeCount + " out of range");
    }
    long treeSize = nodeCount * recordSize / 4;
    long dataStart = treeSize + 16;
    if (dataStart > metadataStart) {
      throw new CorruptTreeException(
          "search tree of " + nodeCount + " nodes does not fit before the metadata");
    }
    this.bytes = bytes;
    this.nodeCount = nodeCount;
    this.recordSize = recordSize;
    this.dataSectionSize = metadataStart - dataStart;
    this.maxVisits = 2 * nodeCount + 1024;
  }

  /** The declared node count; a record equal to it means "no data". */
  public long nodeCount() {
    return nodeCount;
  }

  /**
   * Converts a record that points into the data section to an offset within that section.
   *
   * @throws CorruptTreeException if the record points outside the data section
   */
  public long dataOffset(long record) throws CorruptTreeException {
    long offset = record - nodeCount - 16;
    if (record <= nodeCount || offset < 0 || offset >= dataSectionSize) {
      throw new CorruptTreeException("a search-tree record points outside the data section");
    }
    return offset;
  }

  /** Reads the left ({@code side} 0) or right (1) record of {@code node}. */
  long record(long node, int side) {
    switch (recordSize) {
      case 24:
        {
          int p = (int) (node * 6) + side * 3;
          return ((bytes[p] & 0xFFL) << 16)
              | ((bytes[p + 1] & 0xFFL) << 8)
              | (bytes[p + 2] & 0xFFL);
        }
      case 28:
        {
          int p = (int) (node * 7);
          if (side == 0) {
            return ((bytes[p + 3] & 0xF0L) << 20)
                | ((bytes[p] & 0xFFL) << 16)
                | ((bytes[p + 1] & 0xFFL) << 8)
                | (bytes[p + 2] & 0xFFL);
          }
          return ((bytes[p + 3] & 0x0FL) << 24)
              | ((bytes[p + 4] & 0xFFL) << 16)
              | ((bytes[p + 5] & 0xFFL) << 8)
              | (bytes[p + 6] & 0xFFL);
        }
      default:
        {
          int p = (int) (node * 8) + side * 4;
          return ((bytes[p] & 0xFFL) << 24)
              | ((bytes[p + 1] & 0xFFL) << 16)
              | ((bytes[p + 2] & 0xFFL) << 8)
              | (bytes[p + 3] & 0xFFL);
        }
    }
  }

  /**
   * Checks that every declared node is reachable from the root. MaxMind's writers never leave
   * orphan nodes, so orphans mean a wrong node count or a damaged tree.
   *
   * @throws CorruptTreeException if some node cannot be reached
   */
  public void checkEveryNodeReachable() throws CorruptTreeException {
    java.util.BitSet seen = new java.util.BitSet((int) nodeCount);
    int[] stack = new int[64];
    int top = 0;
    stack[top++] = 0;
    int reached = 0;
    while (top > 0) {
      int node = stack[--top];
      if (seen.get(node)) {
        continue;
      }
      seen.set(node);
      reached++;
      for (int side = 0; side < 2; side++) {
        long child = record(node, side);
        if (child < nodeCount && !seen.get((int) child)) {
          if (top == stack.length) {
            stack = java.util.Arrays.copyOf(stack, top * 2);
          }
          stack[top++] = (int) child;
        }
      }
    }
    if (reached != nodeCount) {
      throw new CorruptTreeException(
          (nodeCount - reached) + " of " + nodeCount + " search-tree nodes are unreachable");
    }
  }

  /**
   * Follows {@code zeroBits} left branches from the root, as MaxMind's reader does to find where
   * IPv4 lookups start in an IPv6 tree. Returns a node, or a leaf record if the path ends early.
   */
  public long followZeros(int zeroBits) {
    long node = 0;
    for (int i = 0; i < zeroBits && node < nodeCount; i++) {
      node = record(node, 0);
    }
    return node;
  }

  /**
   * Enumerates every network under {@code start} (a node or a leaf record) in a tree of {@code
   * bits}-bit addresses, in increasing address order. Subtrees whose prefix {@code skip} accepts
   * are not entered and produce no leaves.
   *
   * @throws CorruptTreeException if the walk exceeds its visit budget or meets a bad record
   */
  public void walk(long start, int bits, SkipRule skip, LeafSink sink) throws CorruptTreeException {
    // Explicit DFS stack; a path is never deeper than the address width.
    long[] nodes = new long[bits + 2];
    int[] depths = new int[bits + 2];
    long[] his = new long[bits + 2];
    long[] los = new long[bits + 2];
    nodes[0] = start;
    depths[0] = 0;
    his[0] = 0;
    los[0] = 0;
    int top = 1;
    while (top > 0) {
      top--;
      long node = nodes[top];
      int depth = depths[top];
      long hi = his[top];
      long lo = los[top];
      if (node >= nodeCount) {
        if (node > nodeCount) {
          dataOffset(node);
        }
        sink.leaf(hi, lo, depth, node);
        continue;
      }
      if (depth >= bits) {
        throw new CorruptTreeException("search tree is deeper than the address width");
      }
      if (skip.skip(hi, lo, depth, bits)) {
        continue;
      }
      if (++visits > maxVisits) {
        throw new CorruptTreeException("search tree revisits nodes (cycle or bad node count)");
      }
      // Push right first so the left (lower addresses) comes out first.
      int bitFromLeft = bits == 128 ? depth : depth + 96;
      long rhi = hi;
      long rlo = lo;
      if (bitFromLeft < 64) {
        rhi |= 1L << (63 - bitFromLeft);
      } else {
        rlo |= 1L << (127 - bitFromLeft);
      }
      nodes[top] = record(node, 1);
      depths[top] = depth + 1;
      his[top] = rhi;
      los[top] = rlo;
      top++;
      nodes[top] = record(node, 0);
      depths[top] = depth + 1;
      his[top] = hi;
      los[top] = lo;
      top++;
    }
  }

  /** Decides which prefixes the walk leaves out. */
  public interface SkipRule {
    /**
     * True to leave out the subtree under the {@code depth}-bit prefix ({@code hi}, {@code lo}).
     */
    boolean skip(long hi, long lo, int depth, int bits);

    /** Leaves out nothing. */
    SkipRule NONE = (hi, lo, depth, bits) -> false;
  }
}
