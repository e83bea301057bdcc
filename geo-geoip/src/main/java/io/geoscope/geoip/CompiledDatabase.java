package io.geoscope.geoip;

import io.geoscope.geoip.DatabaseException;
import io.geoscope.geoip.DatabaseException.Reason;
import io.geoscope.geoip.DatabaseLimits;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A MaxMind DB compiled into range tables whose ids come from a {@link RecordMapper}: every node of
 * the search tree is walked here, each distinct data record is checked and decoded once by a
 * bounded {@link DataSection} and mapped, and nothing of the file is kept afterwards. Metadata and
 * records are decoded by our own decoder rather than MaxMind's reader, because that reader follows
 * every pointer afresh (a 400-byte pointer bomb unfolds to millions of values) and has no limits.
 *
 * <p>IPv6 subtrees that Geoscope never consults are left out of the IPv6 table, because lookups
 * translate those addresses to IPv4 first: {@code ::/96} (IPv4-compatible, the IPv4 subtree),
 * {@code ::ffff:0:0/96} (IPv4-mapped), {@code 2002::/16} (6to4) and {@code 2001::/32} (Teredo).
 *
 * <p>Instances are immutable and thread-safe.
 */
final class CompiledDatabase {

  /** Maps a decoded data record to a small id; id 0 is reserved for "no data". */
  public interface RecordMapper {
    /**
     * Returns a positive id for {@code record}, stable for equal meaning.
     *
     * @throws DatabaseException if the record cannot be used
     */
    int map(Map<String, Object> record) throws DatabaseException;

    /** What of each record {@link #map} reads; the rest is checked but never materialised. */
    Shape shape();
  }

  /** Vets the metadata before the (costlier) tree walk; throws to refuse the file. */
  public interface MetadataCheck {
    /**
     * Checks the metadata of the file being compiled.
     *
     * @throws DatabaseException to refuse the file
     */
    void check(String databaseType, BigInteger buildEpoch) throws DatabaseException;
  }

  private static final byte[] METADATA_MARKER = {
    (byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 'M', 'a', 'x', 'M', 'i', 'n', 'd', '.', 'c', 'o', 'm'
  };
  private static final int METADATA_MAX_SIZE = 128 * 1024;
  private static final long FAR_FUTURE_SECONDS = Instant.MAX.getEpochSecond();

  private final String databaseType;
  private final long decodeSteps;
  private final BigInteger buildEpoch;
  private final int ipVersion;
  private final RangeTable v4;
  private final @Nullable RangeTable v6;

  private CompiledDatabase(
      String databaseType,
      long decodeSteps,
      BigInteger buildEpoch,
      int ipVersion,
      RangeTable v4,
      @Nullable RangeTable v6) {
    this.databaseType = databaseType;
    this.decodeSteps = decodeSteps;
    this.buildEpoch = buildEpoch;
    this.ipVersion = ipVersion;
    this.v4 = v4;
    this.v6 = v6;
  }

  /** The metadata {@code database_type}. */
  public String databaseType() {
    return databaseType;
  }

  /** How many decoding steps the compile took (charged to its {@link Budget}). */
  public long decodeSteps() {
    return decodeSteps;
  }

  /** The metadata {@code build_epoch}, in seconds; may be absurd (checked by the caller). */
  public BigInteger buildEpoch() {
    return buildEpoch;
  }

  /** The build epoch as an instant, or {@code null} if it cannot be represented. */
  public @Nullable Instant buildInstant() {
    if (buildEpoch.bitLength() > 63 || buildEpoch.longValue() > FAR_FUTURE_SECONDS) {
      return null;
    }
    return Instant.ofEpochSecond(buildEpoch.longValue());
  }

  /** 4 or 6. */
  public int ipVersion() {
    return ipVersion;
  }

  /** The id for an IPv4 address (IPv4 subtree of an IPv6 database). */
  public int lookup4(int address) {
    return v4.lookup4(address);
  }

  /** The id for an IPv6 address outside the translated prefixes; 0 for an IPv4-only database. */
  public int lookup6(long hi, long lo) {
    RangeTable t = v6;
    return t == null ? 0 : t.lookup6(hi, lo);
  }

  /** The number of ranges in the IPv4 and IPv6 tables together. */
  public int rangeCount() {
    RangeTable t = v6;
    return v4.size() + (t == null ? 0 : t.size());
  }

  /**
   * Compiles a whole database file held in {@code bytes}, within {@code limits}.
   *
   * @param fileName the file's name, for messages
   * @throws DatabaseException {@link Reason#CORRUPT} for any structural problem, {@link
   *     Reason#RESOURCE_LIMIT} if a limit would be exceeded, or whatever the check or mapper throws
   */
  public static CompiledDatabase compile(
      byte[] bytes,
      String fileName,
      DatabaseLimits limits,
      MetadataCheck check,
      RecordMapper mapper)
      throws DatabaseException {
    Budget budget =
        new Budget(
            fileName, bytes.length, limits.decodeBudgetPerByte(), limits.compileTimeout().toNanos());
    return compile(bytes, fileName, limits, check, mapper, budget);
  }

  private static DatabaseException corrupt(String fileName, String detail) {
    return new DatabaseException(Reason.CORRUPT, fileName, detail, null);
  }

  private static final Shape METADATA =
      Shape.map(
          Map.of(
              "binary_format_major_version", Shape.SCALAR,
              "ip_version", Shape.SCALAR,
              "database_type", Shape.SCALAR,
              "build_epoch", Shape.SCALAR,
              "node_count", Shape.SCALAR,
              "record_size", Shape.SCALAR));

  private static CompiledDatabase compile(
      byte[] bytes,
      String fileName,
      DatabaseLimits limits,
      MetadataCheck check,
      RecordMapper mapper,
      Budget budget)
      throws DatabaseException {
    int metadataStart = lastIndexOf(bytes, METADATA_MARKER);
    if (metadataStart < 0) {
      throw corrupt(fileName, "no metadata marker");
    }
    int metaBase = metadataStart + METADATA_MARKER.length;
    DataSection metaSection =
        new DataSection(
            bytes, metaBase, bytes.length - metaBase, "metadata", budget, limits.maxDataDepth());
    if (bytes.length == metaBase) {
      throw corrupt(fileName, "metadata is empty");
    }
    metaSection.check(0);
    Object decoded = metaSection.decode(0, METADATA);
    if (!(decoded instanceof Map)) {
      throw corrupt(fileName, "metadata is not a map");
    }
    Map<?, ?> meta = (Map<?, ?>) decoded;
    long major = number(meta, "binary_format_major_version", fileName);
    if (major != 2) {
      throw corrupt(fileName, "binary format " + major + " unsupported");
    }
    long ipVersion = number(meta, "ip_version", fileName);
    if (ipVersion != 4 && ipVersion != 6) {
      throw corrupt(fileName, "ip_version " + ipVersion + " unsupported");
    }
    String databaseType = databaseType(meta.get("database_type"), fileName, limits);
    Object epoch = meta.get("build_epoch");
    if (!(epoch instanceof Number)) {
      throw corrupt(fileName, "metadata lacks database_type or build_epoch");
    }
    BigInteger buildEpoch =
        epoch instanceof BigInteger
            ? (BigInteger) epoch
            : BigInteger.valueOf(((Number) epoch).longValue());
    long nodeCount = number(meta, "node_count", fileName);
    long recordSize = number(meta, "record_size", fileName);
    check.check(databaseType, buildEpoch);
    SearchTree tree;
    Walk walk;
    RangeTable.Builder v4 = new RangeTable.Builder(32);
    RangeTable.@Nullable Builder v6 = ipVersion == 6 ? new RangeTable.Builder(128) : null;
    try {
      tree = new SearchTree(bytes, nodeCount, (int) recordSize, metadataStart);
      tree.checkEveryNodeReachable();
      budget.checkClock();
      walk = new Walk(tree);
      if (v6 == null) {
        walk.run(0, 32, SearchTree.SkipRule.NONE, v4);
      } else {
        walk.run(tree.followZeros(96), 32, SearchTree.SkipRule.NONE, v4);
        walk.run(0, 128, CompiledDatabase::translatedElsewhere, v6);
      }
      budget.checkClock();
    } catch (SearchTree.CorruptTreeException e) {
      throw corrupt(fileName, String.valueOf(e.getMessage()));
    }
    int dataStart = (int) (nodeCount * recordSize / 4 + 16);
    DataSection data =
        new DataSection(
            bytes,
            dataStart,
            metadataStart - dataStart,
            "data section",
            budget,
            limits.maxDataDepth());
    Shape shape = mapper.shape();
    int[] rename = new int[walk.offsets.size() + 1];
    for (int slot = 1; slot <= walk.offsets.size(); slot++) {
      int offset = walk.offsets.get(slot - 1);
      data.check(offset);
      Object record = data.decode(offset, shape);
      rename[slot] = mapper.map(record instanceof Map ? cast(record) : Map.of());
    }
    budget.checkClock();
    return new CompiledDatabase(
        databaseType,
        budget.spent(),
        buildEpoch,
        (int) ipVersion,
        v4.build(rename),
        v6 == null ? null : v6.build(rename));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object record) {
    // A record that is not a map (a bare string, say) carries no fields we know: an empty map.
    return (Map<String, Object>) record;
  }

  private static long number(Map<?, ?> meta, String field, String fileName)
      throws DatabaseException {
    Object v = meta.get(field);
    if (!(v instanceof Long)) {
      throw corrupt(fileName, "metadata " + field + " is missing or not a uint16/uint32");
    }
    return (Long) v;
  }

  /**
   * The metadata {@code database_type}, which becomes the producer of every evidence: printable
   * ASCII, at most {@code maxMetadataText} characters, nothing address-like. The value itself is
   * never echoed in the refusal.
   */
  private static String databaseType(@Nullable Object v, String fileName, DatabaseLimits limits)
      throws DatabaseException {
    if (!(v instanceof String)) {
      throw corrupt(fileName, "metadata lacks database_type or build_epoch");
    }
    String type = (String) v;
    if (type.isEmpty()
        || type.length() > limits.maxMetadataText()
        || !UntrustedText.isPrintableAscii(type)
        || UntrustedText.looksLikeAddress(type)) {
      throw corrupt(
          fileName,
          "metadata database_type ("
              + type.length()
              + " characters) is not a printable name of 1.."
              + limits.maxMetadataText()
              + " characters without addresses");
    }
    return type;
  }

  /** Prefixes whose addresses lookups translate to IPv4 before consulting the IPv6 table. */
  private static boolean translatedElsewhere(long hi, long lo, int depth, int bits) {
    switch (depth) {
      case 16:
        return hi >>> 48 == 0x2002L;
      case 32:
        return hi >>> 32 == 0x2001_0000L;
      case 96:
        return hi == 0 && (lo == 0 || lo == 0x0000_FFFF_0000_0000L);
      default:
        return false;
    }
  }

  private static int lastIndexOf(byte[] bytes, byte[] marker) {
    int stop = Math.max(0, bytes.length - METADATA_MAX_SIZE - marker.length);
    outer:
    for (int i = bytes.length - marker.length; i >= stop; i--) {
      for (int j = 0; j < marker.length; j++) {
        if (bytes[i + j] != marker[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Collects leaves into range builders, numbering distinct data records as slots from 1. */
  private static final class Walk {
    private final SearchTree tree;
    final Map<Long, Integer> slots = new HashMap<>();
    final List<Integer> offsets = new ArrayList<>();

    Walk(SearchTree tree) {
      this.tree = tree;
    }

    void run(long start, int bits, SearchTree.SkipRule skip, RangeTable.Builder into)
        throws SearchTree.CorruptTreeException {
      tree.walk(
          start,
          bits,
          skip,
          (hi, lo, depth, record) -> {
            int slot = 0;
            if (record != tree.nodeCount()) {
              Integer known = slots.get(record);
              if (known == null) {
                known = slots.size() + 1;
                slots.put(record, known);
                offsets.add((int) tree.dataOffset(record));
              }
              slot = known;
            }
            into.add(hi, lo, depth, slot);
          });
    }
  }
}
