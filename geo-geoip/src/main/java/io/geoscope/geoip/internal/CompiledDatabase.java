package io.geoscope.geoip.internal;

import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.Metadata;
import com.maxmind.db.Reader;
import io.geoscope.geoip.DatabaseException;
import io.geoscope.geoip.DatabaseException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A MaxMind DB compiled into range tables whose ids come from a {@link RecordMapper}: every node of
 * the search tree is walked here, each distinct data record is decoded once by MaxMind's reader and
 * mapped, and nothing of the file is kept afterwards.
 *
 * <p>IPv6 subtrees that Geoscope never consults are left out of the IPv6 table, because lookups
 * translate those addresses to IPv4 first: {@code ::/96} (IPv4-compatible, the IPv4 subtree),
 * {@code ::ffff:0:0/96} (IPv4-mapped), {@code 2002::/16} (6to4) and {@code 2001::/32} (Teredo).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CompiledDatabase {

  /** Maps a decoded data record to a small id; id 0 is reserved for "no data". */
  public interface RecordMapper {
    /**
     * Returns a positive id for {@code record}, stable for equal meaning.
     *
     * @throws DatabaseException if the record cannot be used
     */
    int map(Map<String, Object> record) throws DatabaseException;
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
  private final BigInteger buildEpoch;
  private final int ipVersion;
  private final RangeTable v4;
  private final @Nullable RangeTable v6;

  private CompiledDatabase(
      String databaseType,
      BigInteger buildEpoch,
      int ipVersion,
      RangeTable v4,
      @Nullable RangeTable v6) {
    this.databaseType = databaseType;
    this.buildEpoch = buildEpoch;
    this.ipVersion = ipVersion;
    this.v4 = v4;
    this.v6 = v6;
  }

  /** The metadata {@code database_type}. */
  public String databaseType() {
    return databaseType;
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
   * Compiles a whole database file held in {@code bytes}.
   *
   * @param fileName the file's name, for messages
   * @throws DatabaseException {@link Reason#CORRUPT} for any structural problem, or whatever the
   *     mapper throws
   */
  public static CompiledDatabase compile(
      byte[] bytes, String fileName, MetadataCheck check, RecordMapper mapper)
      throws DatabaseException {
    try (Reader reader = new Reader(new ByteArrayInputStream(bytes))) {
      return compile(bytes, fileName, check, mapper, reader);
    } catch (DatabaseException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // MaxMind's reader lets BufferUnderflowException, ClassCastException and friends escape on
      // corrupt input; all of them mean the same thing to our caller. MaxMind's message is kept
      // (DatabaseException redacts the network addresses it names), but its exception types are
      // not chained, so none reaches a caller of the public API.
      boolean maxMind = e.getClass().getName().startsWith("com.maxmind.");
      throw corrupt(fileName, describe(e), maxMind ? null : e);
    } catch (StackOverflowError e) {
      // maxmind-db 4.x decodes recursively and follows pointer cycles until the stack runs out.
      // The overflow happens inside our own compile step on a fresh frame chain, so it is safe to
      // catch here and report as a corrupt file.
      throw corrupt(fileName, "data section nests or points too deep (pointer cycle?)", null);
    }
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
  }

  private static DatabaseException corrupt(String fileName, String detail, @Nullable Throwable e) {
    return new DatabaseException(Reason.CORRUPT, fileName, detail, e);
  }

  private static CompiledDatabase compile(
      byte[] bytes, String fileName, MetadataCheck check, RecordMapper mapper, Reader reader)
      throws DatabaseException, IOException {
    Metadata meta = reader.getMetadata();
    if (meta.binaryFormatMajorVersion() != 2) {
      throw corrupt(
          fileName, "binary format " + meta.binaryFormatMajorVersion() + " unsupported", null);
    }
    int ipVersion = meta.ipVersion();
    if (ipVersion != 4 && ipVersion != 6) {
      throw corrupt(fileName, "ip_version " + ipVersion + " unsupported", null);
    }
    if (meta.databaseType() == null || meta.buildEpoch() == null) {
      throw corrupt(fileName, "metadata lacks database_type or build_epoch", null);
    }
    check.check(meta.databaseType(), meta.buildEpoch());
    int metadataStart = lastIndexOf(bytes, METADATA_MARKER);
    if (metadataStart < 0) {
      throw corrupt(fileName, "no metadata marker", null);
    }
    SearchTree tree;
    Walk walk;
    RangeTable.Builder v4 = new RangeTable.Builder(32);
    RangeTable.@Nullable Builder v6 = ipVersion == 6 ? new RangeTable.Builder(128) : null;
    try {
      tree = new SearchTree(bytes, meta.nodeCount(), meta.recordSize(), metadataStart);
      tree.checkEveryNodeReachable();
      walk = new Walk(tree);
      if (v6 == null) {
        walk.run(0, 32, SearchTree.SkipRule.NONE, v4, false);
      } else {
        walk.run(tree.followZeros(96), 32, SearchTree.SkipRule.NONE, v4, false);
        walk.run(0, 128, CompiledDatabase::translatedElsewhere, v6, true);
      }
    } catch (SearchTree.CorruptTreeException e) {
      throw corrupt(fileName, String.valueOf(e.getMessage()), null);
    }
    int[] rename = new int[walk.slots.size() + 1];
    for (int slot = 1; slot <= walk.slots.size(); slot++) {
      rename[slot] = mapper.map(decode(reader, walk.representatives.get(slot - 1), fileName));
    }
    return new CompiledDatabase(
        meta.databaseType(),
        meta.buildEpoch(),
        ipVersion,
        v4.build(rename),
        v6 == null ? null : v6.build(rename));
  }

  /** libmaxminddb's limit; deeper data is treated as corrupt, whatever the stack could take. */
  private static final int MAX_DATA_DEPTH = 512;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> decode(Reader reader, InetAddress at, String fileName)
      throws IOException, DatabaseException {
    DatabaseRecord<Object> record = reader.getRecord(at, Object.class);
    Object data = record.data();
    if (data == null) {
      throw corrupt(
          fileName, "MaxMind's reader finds no record where the search tree has one", null);
    }
    if (depth(data) > MAX_DATA_DEPTH) {
      throw corrupt(
          fileName, "a data record nests deeper than " + MAX_DATA_DEPTH + " levels", null);
    }
    // A record that is not a map (a bare string, say) carries no fields we know: an empty map.
    return data instanceof Map ? (Map<String, Object>) data : Map.of();
  }

  /** Nesting depth of decoded maps and lists, measured without recursion. */
  private static int depth(Object root) {
    int max = 0;
    List<Object> level = List.of(root);
    while (!level.isEmpty() && max <= MAX_DATA_DEPTH) {
      List<Object> next = new ArrayList<>();
      for (Object o : level) {
        if (o instanceof Map) {
          next.addAll(((Map<?, ?>) o).values());
        } else if (o instanceof List) {
          next.addAll((List<?>) o);
        }
      }
      if (!next.isEmpty()) {
        max++;
      }
      level = next;
    }
    return max;
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
    final List<InetAddress> representatives = new ArrayList<>();

    Walk(SearchTree tree) {
      this.tree = tree;
    }

    void run(long start, int bits, SearchTree.SkipRule skip, RangeTable.Builder into, boolean v6)
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
                representatives.add(address(hi, lo, v6));
              }
              slot = known;
            }
            into.add(hi, lo, depth, slot);
          });
    }

    private static InetAddress address(long hi, long lo, boolean v6) {
      try {
        if (!v6) {
          int a = (int) lo;
          return Inet4Address.getByAddress(
              new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a});
        }
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
          b[i] = (byte) (hi >>> (56 - 8 * i));
          b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return Inet6Address.getByAddress(null, b, -1);
      } catch (UnknownHostException e) {
        throw new AssertionError("a 4- or 16-byte address is always valid", e);
      }
    }
  }
}
