package io.geoscope.geoip.writer;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes MaxMind DB files byte by byte, for files no honest writer makes: pointers anywhere
 * (cycles, pointer bombs, pointers to pointers), nesting of any depth, declared lengths that lie,
 * and metadata of any content. Values are appended to the data section (or, after {@link
 * #metadata()}, to the metadata) and each call returns the offset where its value starts, so later
 * values can point at earlier ones. {@link #toByteArray} lays an IPv4 search tree over the data:
 * the i-th record offset given serves the i-th of {@code 2^k} equal networks.
 *
 * <pre>{@code
 * RawMmdb raw = new RawMmdb();
 * int prev = raw.string("x");
 * for (int i = 0; i < 24; i++) {                 // 2^24 leaves in 24 arrays
 *   int at = raw.array(2);
 *   raw.pointer(prev);
 *   raw.pointer(prev);
 *   prev = at;
 * }
 * byte[] bomb = raw.toByteArray(List.of(prev), raw.standardMetadata("Bomb"));
 * }</pre>
 *
 * <p>Not thread-safe. Written from the public MaxMind DB File Format Specification.
 */
public final class RawMmdb {

  /** The data-section type numbers of the specification. */
  public static final int POINTER = 1;
  /** UTF-8 string. */
  public static final int STRING = 2;
  /** Bytes. */
  public static final int BYTES = 4;
  /** Unsigned 32-bit integer. */
  public static final int UINT32 = 6;
  /** Map. */
  public static final int MAP = 7;
  /** Array. */
  public static final int ARRAY = 11;
  /** Boolean. */
  public static final int BOOLEAN = 14;

  private static final byte[] METADATA_MARKER = {
    (byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 'M', 'a', 'x', 'M', 'i', 'n', 'd', '.', 'c', 'o', 'm'
  };

  private final ByteArrayOutputStream data = new ByteArrayOutputStream();
  private final ByteArrayOutputStream meta = new ByteArrayOutputStream();
  private ByteArrayOutputStream out = data;

  /** An empty file under construction; values go to the data section. */
  public RawMmdb() {}

  /** From now on values go to the metadata, whose offsets (and pointers) count from its start. */
  public RawMmdb metadata() {
    out = meta;
    return this;
  }

  /** The offset the next value will have. */
  public int offset() {
    return out.size();
  }

  /** A control byte (and extension bytes) for {@code type} with {@code size}; its offset. */
  public int control(int type, int size) {
    int at = offset();
    if (size < 0 || size >= 65821 + (1 << 24)) {
      throw new IllegalArgumentException("size out of range: " + size);
    }
    int sizeBits;
    byte[] extra;
    if (size < 29) {
      sizeBits = size;
      extra = new byte[0];
    } else if (size < 285) {
      sizeBits = 29;
      extra = new byte[] {(byte) (size - 29)};
    } else if (size < 65821) {
      sizeBits = 30;
      int s = size - 285;
      extra = new byte[] {(byte) (s >>> 8), (byte) s};
    } else {
      sizeBits = 31;
      int s = size - 65821;
      extra = new byte[] {(byte) (s >>> 16), (byte) (s >>> 8), (byte) s};
    }
    if (type <= MAP) {
      out.write((type << 5) | sizeBits);
    } else {
      out.write(sizeBits);
      out.write(type - 7);
    }
    out.write(extra, 0, extra.length);
    return at;
  }

  /** The start of a map of {@code entries} key/value pairs, which must follow. */
  public int map(int entries) {
    return control(MAP, entries);
  }

  /** The start of an array of {@code elements} values, which must follow. */
  public int array(int elements) {
    return control(ARRAY, elements);
  }

  /** A UTF-8 string. */
  public int string(String s) {
    byte[] utf8 = requireNonNull(s, "s").getBytes(StandardCharsets.UTF_8);
    int at = control(STRING, utf8.length);
    out.write(utf8, 0, utf8.length);
    return at;
  }

  /** An unsigned 32-bit integer (4 bytes). */
  public int uint32(long value) {
    int at = control(UINT32, 4);
    raw((byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value);
    return at;
  }

  /** An unsigned 16-bit integer (type 5). */
  public int uint16(int value) {
    int at = control(5, 2);
    raw((byte) (value >>> 8), (byte) value);
    return at;
  }

  /** An unsigned 64-bit integer (type 9). */
  public int uint64(long value) {
    int at = control(9, 8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.write((int) (value >>> shift));
    }
    return at;
  }

  /** A boolean. */
  public int bool(boolean value) {
    return control(BOOLEAN, value ? 1 : 0);
  }

  /** A pointer to {@code target}, in the shortest of the four encodings that holds it. */
  public int pointer(long target) {
    int at = offset();
    if (target < 0 || target > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("pointer target out of range: " + target);
    }
    if (target < 2048) {
      raw((byte) (0x20 | (target >>> 8)), (byte) target);
    } else if (target < 2048 + (1 << 19)) {
      long v = target - 2048;
      raw((byte) (0x28 | (v >>> 16)), (byte) (v >>> 8), (byte) v);
    } else if (target < 526336 + (1L << 27)) {
      long v = target - 526336;
      raw((byte) (0x30 | (v >>> 24)), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v);
    } else {
      raw((byte) 0x38, (byte) (target >>> 24), (byte) (target >>> 16), (byte) (target >>> 8),
          (byte) target);
    }
    return at;
  }

  /** Raw bytes, written as they are. */
  public int raw(byte... bytes) {
    int at = offset();
    out.write(bytes, 0, bytes.length);
    return at;
  }

  /**
   * Appends the usual metadata map (format 2.0, IPv4, 32-bit records, the given node count) to the
   * metadata and returns its offset there.
   */
  public int standardMetadata(String databaseType, long nodeCount) {
    ByteArrayOutputStream was = out;
    out = meta;
    int at = map(6);
    string("binary_format_major_version");
    uint16(2);
    string("build_epoch");
    uint64(1_700_000_000L);
    string("database_type");
    string(databaseType);
    string("ip_version");
    uint16(4);
    string("node_count");
    uint32(nodeCount);
    string("record_size");
    uint16(32);
    out = was;
    return at;
  }

  /** The node count {@link #toByteArray} gives a tree over {@code records} records. */
  public static long nodeCount(int records) {
    return (1L << depth(records)) - 1;
  }

  private static int depth(int records) {
    int k = 1;
    while ((1L << k) < records) {
      k++;
    }
    return k;
  }

  /**
   * The file: a complete IPv4 search tree of 32-bit records whose leaves point at {@code
   * records} (data-section offsets; leaves past the last record have no data), the data section,
   * the marker and the metadata written so far. Use {@link #standardMetadata} with {@link
   * #nodeCount} for metadata that matches the tree.
   */
  public byte[] toByteArray(List<Integer> records) {
    List<Integer> rs = new ArrayList<>(records);
    int k = depth(rs.size());
    long nodes = (1L << k) - 1;
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (long n = 0; n < nodes; n++) {
      for (int side = 1; side <= 2; side++) {
        long child = 2 * n + side;
        long value;
        if (child < nodes) {
          value = child;
        } else {
          int leaf = (int) (child - nodes);
          value = leaf < rs.size() ? nodes + 16 + rs.get(leaf) : nodes;
        }
        for (int shift = 24; shift >= 0; shift -= 8) {
          file.write((int) (value >>> shift));
        }
      }
    }
    file.write(new byte[16], 0, 16);
    byte[] d = data.toByteArray();
    file.write(d, 0, d.length);
    file.write(METADATA_MARKER, 0, METADATA_MARKER.length);
    byte[] m = meta.toByteArray();
    file.write(m, 0, m.length);
    return file.toByteArray();
  }
}
