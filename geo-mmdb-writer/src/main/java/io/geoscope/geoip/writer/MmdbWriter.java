package io.geoscope.geoip.writer;

import static java.util.Objects.requireNonNull;

import com.google.common.net.InetAddresses;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes MaxMind DB files (format 2.0): a search tree of networks, a data section of records, and
 * metadata. Written from the public MaxMind DB File Format Specification; readable by MaxMind's
 * readers and by {@code GeoResolver}.
 *
 * <pre>{@code
 * byte[] db = MmdbWriter.ipv6("GeoIP2-Country")
 *     .insert("192.0.2.0/24", MmdbWriter.geoip2Country("US"))
 *     .insert("2001:db8::/32", MmdbWriter.geoip2City("DE", "BE"))
 *     .toByteArray();
 * }</pre>
 *
 * <p>Networks may be inserted in any order; a later insert overrides an earlier one where they
 * overlap. In an IPv6 database IPv4 networks are stored under {@code ::/96}, and, like MaxMind's
 * own databases, {@code ::ffff:0:0/96} and {@code 2002::/16} are aliased to that IPv4 subtree
 * (unless {@link #aliasIpv4(boolean)} turns that off); networks inserted inside those two prefixes
 * are then hidden by the alias.
 *
 * <p>Record values may be {@link String}, {@link Boolean}, {@link Integer} (uint32, or int32 when
 * negative), {@link Long} (uint64), {@link BigInteger} (uint128), {@link Double}, {@link Float},
 * {@code byte[]}, {@link Map} with string keys, and {@link List}, nested freely.
 *
 * <p>Not thread-safe: build one file per instance on one thread.
 */
public final class MmdbWriter {

  private static final byte[] METADATA_MARKER = {
    (byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 'M', 'a', 'x', 'M', 'i', 'n', 'd', '.', 'c', 'o', 'm'
  };

  private final int ipVersion;
  private final String databaseType;
  private final Node root = new Node();
  private final List<Object> records = new ArrayList<>();
  private final Map<Object, Integer> recordIds = new HashMap<>();
  private final Map<String, String> description = new LinkedHashMap<>();
  private List<String> languages = List.of("en");
  private Instant buildEpoch = Instant.now();
  private int recordSize;
  private boolean aliasIpv4 = true;

  private MmdbWriter(int ipVersion, String databaseType) {
    this.ipVersion = ipVersion;
    this.databaseType = requireNonNull(databaseType, "databaseType");
  }

  /** A writer for an IPv6 database (which holds IPv4 networks too) of the given type. */
  public static MmdbWriter ipv6(String databaseType) {
    return new MmdbWriter(6, databaseType);
  }

  /** A writer for an IPv4-only database of the given type. */
  public static MmdbWriter ipv4(String databaseType) {
    return new MmdbWriter(4, databaseType);
  }

  /** A GeoIP2 Country-shaped record: {@code {country: {iso_code: CC}}}. */
  public static Map<String, Object> geoip2Country(String isoCode) {
    return Map.of("country", Map.of("iso_code", isoCode));
  }

  /**
   * A GeoIP2 City-shaped record: {@code country.iso_code} and {@code subdivisions[].iso_code}, the
   * least specific subdivision first.
   */
  public static Map<String, Object> geoip2City(String isoCode, String... subdivisions) {
    List<Object> subs = new ArrayList<>();
    for (String s : subdivisions) {
      subs.add(Map.of("iso_code", s));
    }
    return Map.of("country", Map.of("iso_code", isoCode), "subdivisions", List.copyOf(subs));
  }

  /** A flat record as ip-location-db writes them: {@code {country_code: CC}}. */
  public static Map<String, Object> flatCountry(String isoCode) {
    return Map.of("country_code", isoCode);
  }

  /** Sets the build time written to the metadata (default: when the writer was created). */
  public MmdbWriter buildEpoch(Instant when) {
    this.buildEpoch = requireNonNull(when, "buildEpoch");
    return this;
  }

  /** Sets the metadata {@code languages} (default {@code ["en"]}). */
  public MmdbWriter languages(List<String> languages) {
    this.languages = List.copyOf(languages);
    return this;
  }

  /** Adds a metadata {@code description} in {@code language}. */
  public MmdbWriter description(String language, String text) {
    description.put(requireNonNull(language, "language"), requireNonNull(text, "text"));
    return this;
  }

  /**
   * Forces the record size in bits: 24, 28 or 32 (default: the smallest that fits).
   *
   * @throws IllegalArgumentException for other sizes
   */
  public MmdbWriter recordSize(int bits) {
    if (bits != 24 && bits != 28 && bits != 32) {
      throw new IllegalArgumentException("recordSize must be 24, 28 or 32, got " + bits);
    }
    this.recordSize = bits;
    return this;
  }

  /** Whether an IPv6 database aliases {@code ::ffff:0:0/96} and {@code 2002::/16} to IPv4. */
  public MmdbWriter aliasIpv4(boolean alias) {
    this.aliasIpv4 = alias;
    return this;
  }

  /**
   * Maps the network written in CIDR notation ({@code 1.2.3.0/24}, {@code 2001:db8::/32}) to {@code
   * record}.
   *
   * @throws IllegalArgumentException if the network is malformed or IPv6 in an IPv4 database
   */
  public MmdbWriter insert(String cidr, Map<String, ?> record) {
    requireNonNull(cidr, "cidr");
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("network must be written address/prefix: " + cidr);
    }
    InetAddress address = InetAddresses.forString(cidr.substring(0, slash));
    int prefix;
    try {
      prefix = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad prefix length in " + cidr, e);
    }
    return insert(address, prefix, record);
  }

  /**
   * Maps the network {@code address/prefixLength} to {@code record}; host bits are ignored.
   *
   * @throws IllegalArgumentException if the prefix is out of range or the address is IPv6 in an
   *     IPv4 database
   */
  public MmdbWriter insert(InetAddress address, int prefixLength, Map<String, ?> record) {
    requireNonNull(address, "address");
    requireNonNull(record, "record");
    byte[] bytes = address.getAddress();
    int bits = bytes.length * 8;
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " out of 0.." + bits);
    }
    if (ipVersion == 4 && !(address instanceof Inet4Address)) {
      throw new IllegalArgumentException("IPv6 network in an IPv4 database");
    }
    if (ipVersion == 6 && bytes.length == 4) {
      byte[] v6 = new byte[16];
      System.arraycopy(bytes, 0, v6, 12, 4);
      bytes = v6;
      prefixLength += 96;
    }
    insertLeaf(bytes, prefixLength, new Leaf(recordId(record)));
    return this;
  }

  private int recordId(Object record) {
    Integer id = recordIds.get(record);
    if (id == null) {
      id = records.size();
      records.add(record);
      recordIds.put(record, id);
    }
    return id;
  }

  private void insertLeaf(byte[] address, int prefixLength, Object leaf) {
    if (prefixLength == 0) {
      throw new IllegalArgumentException("a /0 network cannot be stored in a search tree");
    }
    Node node = root;
    for (int depth = 0; depth < prefixLength - 1; depth++) {
      int bit = bit(address, depth);
      Object child = node.child(bit);
      if (!(child instanceof Node)) {
        // Split an existing leaf (or empty) so the more specific network can override part of it.
        Node split = new Node();
        split.left = child;
        split.right = child;
        node.set(bit, split);
        child = split;
      }
      node = (Node) child;
    }
    node.set(bit(address, prefixLength - 1), leaf);
  }

  private static int bit(byte[] address, int index) {
    return (address[index >> 3] >> (7 - (index & 7))) & 1;
  }

  /** Encodes the database. */
  public byte[] toByteArray() {
    Node ipv4Root = null;
    if (ipVersion == 6 && aliasIpv4) {
      ipv4Root = subtree(new byte[16], 96);
      alias(mappedPrefix(), 96, ipv4Root);
      byte[] sixToFour = new byte[16];
      sixToFour[0] = 0x20;
      sixToFour[1] = 0x02;
      alias(sixToFour, 16, ipv4Root);
    }
    // Number nodes breadth-first, root first; aliased nodes keep their one number.
    Map<Node, Integer> numbers = new IdentityHashMap<>();
    List<Node> order = new ArrayList<>();
    ArrayDeque<Node> queue = new ArrayDeque<>();
    queue.add(root);
    numbers.put(root, 0);
    while (!queue.isEmpty()) {
      Node n = queue.poll();
      order.add(n);
      for (Object child : new Object[] {n.left, n.right}) {
        if (child instanceof Node && !numbers.containsKey(child)) {
          numbers.put((Node) child, numbers.size());
          queue.add((Node) child);
        }
      }
    }
    long nodeCount = order.size();
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    long[] offsets = new long[records.size()];
    Encoder encoder = new Encoder(data);
    for (int i = 0; i < records.size(); i++) {
      offsets[i] = data.size();
      encoder.encode(records.get(i));
    }
    long maxRecord = nodeCount + 16 + data.size();
    int size =
        recordSize != 0
            ? recordSize
            : maxRecord < (1L << 24) ? 24 : maxRecord < (1L << 28) ? 28 : 32;
    if (maxRecord >= (1L << size)) {
      throw new IllegalStateException("database too large for record size " + size);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Node n : order) {
      writeNode(
          out,
          size,
          value(n.left, numbers, nodeCount, offsets),
          value(n.right, numbers, nodeCount, offsets));
    }
    out.write(new byte[16], 0, 16);
    byte[] dataBytes = data.toByteArray();
    out.write(dataBytes, 0, dataBytes.length);
    out.write(METADATA_MARKER, 0, METADATA_MARKER.length);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("binary_format_major_version", new Uint16(2));
    meta.put("binary_format_minor_version", new Uint16(0));
    meta.put("build_epoch", buildEpoch.getEpochSecond());
    meta.put("database_type", databaseType);
    meta.put("description", new LinkedHashMap<>(description));
    meta.put("ip_version", new Uint16(ipVersion));
    meta.put("languages", languages);
    meta.put("node_count", (int) nodeCount);
    meta.put("record_size", new Uint16(size));
    new Encoder(out).encode(meta);
    return out.toByteArray();
  }

  /**
   * Writes the database to {@code path} through a temporary file and an atomic move, so readers
   * never see a half-written file.
   */
  public void write(Path path) throws IOException {
    Path dir = path.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".mmdb-", ".tmp");
    try {
      Files.write(tmp, toByteArray());
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static byte[] mappedPrefix() {
    byte[] b = new byte[16];
    b[10] = (byte) 0xFF;
    b[11] = (byte) 0xFF;
    return b;
  }

  /** The node at {@code prefix/depth}, created if needed (an existing leaf is split). */
  private Node subtree(byte[] prefix, int depth) {
    Node node = root;
    for (int d = 0; d < depth; d++) {
      int bit = bit(prefix, d);
      Object child = node.child(bit);
      if (!(child instanceof Node)) {
        Node split = new Node();
        split.left = child;
        split.right = child;
        node.set(bit, split);
        child = split;
      }
      node = (Node) child;
    }
    return node;
  }

  private void alias(byte[] prefix, int depth, Node target) {
    // As in MaxMind's writers, the alias wins over networks inserted inside the aliased prefix.
    Node parent = subtree(prefix, depth - 1);
    parent.set(bit(prefix, depth - 1), target);
  }

  private long value(
      @Nullable Object child, Map<Node, Integer> numbers, long nodeCount, long[] offsets) {
    if (child == null) {
      return nodeCount;
    }
    if (child instanceof Node) {
      return java.util.Objects.requireNonNull(numbers.get(child));
    }
    return nodeCount + 16 + offsets[((Leaf) child).record];
  }

  private static void writeNode(ByteArrayOutputStream out, int size, long left, long right) {
    switch (size) {
      case 24:
        out.write((int) (left >>> 16));
        out.write((int) (left >>> 8));
        out.write((int) left);
        out.write((int) (right >>> 16));
        out.write((int) (right >>> 8));
        out.write((int) right);
        break;
      case 28:
        out.write((int) (left >>> 16));
        out.write((int) (left >>> 8));
        out.write((int) left);
        out.write((int) (((left >>> 20) & 0xF0) | ((right >>> 24) & 0x0F)));
        out.write((int) (right >>> 16));
        out.write((int) (right >>> 8));
        out.write((int) right);
        break;
      default:
        for (int shift = 24; shift >= 0; shift -= 8) {
          out.write((int) (left >>> shift));
        }
        for (int shift = 24; shift >= 0; shift -= 8) {
          out.write((int) (right >>> shift));
        }
    }
  }

  /** A search-tree node; each child is a Node, a Leaf, or null for "no data". */
  private static final class Node {
    @Nullable Object left;
    @Nullable Object right;

    @Nullable Object child(int bit) {
      return bit == 0 ? left : right;
    }

    void set(int bit, @Nullable Object child) {
      if (bit == 0) {
        left = child;
      } else {
        right = child;
      }
    }
  }

  private record Leaf(int record) {}

  /** Marks an integer to be written as uint16 (metadata needs it). */
  private record Uint16(int value) {}

  /** Encodes values in the data-section format. */
  private static final class Encoder {
    private static final int STRING = 2;
    private static final int DOUBLE = 3;
    private static final int BYTES = 4;
    private static final int UINT16 = 5;
    private static final int UINT32 = 6;
    private static final int MAP = 7;
    private static final int INT32 = 8;
    private static final int UINT64 = 9;
    private static final int UINT128 = 10;
    private static final int ARRAY = 11;
    private static final int BOOLEAN = 14;
    private static final int FLOAT = 15;

    private final ByteArrayOutputStream out;

    Encoder(ByteArrayOutputStream out) {
      this.out = out;
    }

    void encode(Object value) {
      if (value instanceof String) {
        byte[] utf8 = ((String) value).getBytes(StandardCharsets.UTF_8);
        control(STRING, utf8.length);
        out.write(utf8, 0, utf8.length);
      } else if (value instanceof Boolean) {
        control(BOOLEAN, ((Boolean) value) ? 1 : 0);
      } else if (value instanceof Uint16) {
        unsigned(UINT16, BigInteger.valueOf(((Uint16) value).value()));
      } else if (value instanceof Integer) {
        int i = (Integer) value;
        if (i < 0) {
          control(INT32, 4);
          for (int shift = 24; shift >= 0; shift -= 8) {
            out.write(i >>> shift);
          }
        } else {
          unsigned(UINT32, BigInteger.valueOf(i));
        }
      } else if (value instanceof Long) {
        long l = (Long) value;
        if (l < 0) {
          throw new IllegalArgumentException("negative long cannot be stored as uint64: " + l);
        }
        unsigned(UINT64, BigInteger.valueOf(l));
      } else if (value instanceof BigInteger) {
        BigInteger b = (BigInteger) value;
        if (b.signum() < 0 || b.bitLength() > 128) {
          throw new IllegalArgumentException("uint128 out of range: " + b);
        }
        unsigned(UINT128, b);
      } else if (value instanceof Double) {
        control(DOUBLE, 8);
        long bits = Double.doubleToLongBits((Double) value);
        for (int shift = 56; shift >= 0; shift -= 8) {
          out.write((int) (bits >>> shift));
        }
      } else if (value instanceof Float) {
        control(FLOAT, 4);
        int bits = Float.floatToIntBits((Float) value);
        for (int shift = 24; shift >= 0; shift -= 8) {
          out.write(bits >>> shift);
        }
      } else if (value instanceof byte[]) {
        byte[] b = (byte[]) value;
        control(BYTES, b.length);
        out.write(b, 0, b.length);
      } else if (value instanceof Map) {
        Map<?, ?> map = (Map<?, ?>) value;
        control(MAP, map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (!(e.getKey() instanceof String)) {
            throw new IllegalArgumentException("map keys must be strings, got " + e.getKey());
          }
          encode(e.getKey());
          encode(requireNonNull(e.getValue(), "map value"));
        }
      } else if (value instanceof List) {
        List<?> list = (List<?>) value;
        control(ARRAY, list.size());
        for (Object o : list) {
          encode(requireNonNull(o, "list element"));
        }
      } else {
        throw new IllegalArgumentException(
            "cannot store a " + value.getClass().getName() + " in a MaxMind DB");
      }
    }

    private void unsigned(int type, BigInteger value) {
      byte[] raw = value.toByteArray();
      int skip = 0;
      while (skip < raw.length && raw[skip] == 0) {
        skip++;
      }
      control(type, raw.length - skip);
      out.write(raw, skip, raw.length - skip);
    }

    /**
     * Writes a control byte (and extended type and size bytes) for {@code type} of {@code size}.
     */
    private void control(int type, int size) {
      int sizeBits;
      byte[] extra;
      if (size < 29) {
        sizeBits = size;
        extra = new byte[0];
      } else if (size < 29 + 256) {
        sizeBits = 29;
        extra = new byte[] {(byte) (size - 29)};
      } else if (size < 285 + 65536) {
        sizeBits = 30;
        int s = size - 285;
        extra = new byte[] {(byte) (s >>> 8), (byte) s};
      } else {
        sizeBits = 31;
        int s = size - 65821;
        if (s >= 1 << 24) {
          throw new IllegalArgumentException("value too large: " + size);
        }
        extra = new byte[] {(byte) (s >>> 16), (byte) (s >>> 8), (byte) s};
      }
      if (type <= MAP) {
        out.write((type << 5) | sizeBits);
      } else {
        out.write(sizeBits);
        out.write(type - 7);
      }
      out.write(extra, 0, extra.length);
    }
  }
}
