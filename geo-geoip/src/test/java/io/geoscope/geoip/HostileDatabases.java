package io.geoscope.geoip;

import io.geoscope.geoip.DatabaseException.Reason;
import io.geoscope.geoip.writer.MmdbWriter;
import io.geoscope.geoip.writer.RawMmdb;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Small database files that follow the MaxMind DB format but are built to hurt a reader: pointer
 * bombs of several shapes, shared pointer trees, cycles, deep nesting, lying lengths and hostile
 * metadata. Each names the outcome Geoscope must give: a reason, or {@code null} for "accepted"
 * (a file whose pointers multiply but which is valid is accepted, in bounded time).
 */
final class HostileDatabases {

  /** One hostile file and the outcome expected of it. */
  record Hostile(String name, @Nullable Reason expected, Supplier<byte[]> bytes) {
    @Override
    public String toString() {
      return name;
    }
  }

  private HostileDatabases() {}

  /** A good database: 81.2.69.0/24 is GB-ENG, everything else in 0.0.0.0/1 is FR. */
  static byte[] good(Instant built) {
    return MmdbWriter.ipv6("GeoIP2-City")
        .buildEpoch(built)
        .insert("0.0.0.0/1", MmdbWriter.geoip2Country("FR"))
        .insert("81.2.69.0/24", MmdbWriter.geoip2City("GB", "ENG"))
        .toByteArray();
  }

  static List<Hostile> all() {
    List<Hostile> out = new ArrayList<>();
    out.add(new Hostile("array-bomb-24", null, () -> arrayBomb(24, 2, true)));
    out.add(new Hostile("array-bomb-bare-record", Reason.WRONG_SCHEMA, () -> arrayBomb(24, 2, false)));
    out.add(new Hostile("map-bomb-30", null, HostileDatabases::mapBomb));
    out.add(new Hostile("wide-bomb-1000^3", null, () -> arrayBomb(3, 1000, true)));
    out.add(new Hostile("slow-accept-64-records-2^20", null, HostileDatabases::slowAccept));
    out.add(new Hostile("country-through-bomb", null, HostileDatabases::countryThroughBomb));
    out.add(new Hostile("metadata-bomb", null, HostileDatabases::metadataBomb));
    out.add(new Hostile("self-pointer", Reason.CORRUPT, HostileDatabases::selfPointer));
    out.add(new Hostile("mutual-pointers", Reason.CORRUPT, HostileDatabases::mutualPointers));
    out.add(new Hostile("metadata-self-pointer", Reason.CORRUPT, HostileDatabases::metadataCycle));
    out.add(new Hostile("pointer-to-pointer", Reason.CORRUPT, HostileDatabases::pointerToPointer));
    out.add(new Hostile("deep-arrays-100000", Reason.RESOURCE_LIMIT, () -> deep(100_000, false)));
    out.add(new Hostile("deep-maps-100000", Reason.RESOURCE_LIMIT, () -> deep(100_000, true)));
    out.add(new Hostile("deep-pointer-chain-20000", Reason.RESOURCE_LIMIT, () -> deepChain(20_000)));
    out.add(new Hostile("overlapping-records", Reason.RESOURCE_LIMIT, HostileDatabases::overlapping));
    out.add(new Hostile("string-declares-16MB", Reason.CORRUPT, () -> declares(RawMmdb.STRING)));
    out.add(new Hostile("array-declares-16M", Reason.CORRUPT, () -> declares(RawMmdb.ARRAY)));
    out.add(new Hostile("map-declares-16M", Reason.CORRUPT, () -> declares(RawMmdb.MAP)));
    out.add(new Hostile("bytes-declare-16MB", Reason.CORRUPT, () -> declares(RawMmdb.BYTES)));
    out.add(new Hostile("node-count-2^31", Reason.CORRUPT, HostileDatabases::hugeNodeCount));
    out.add(new Hostile("database-type-address", Reason.CORRUPT, () -> typed("81.2.69.160")));
    out.add(new Hostile("database-type-ipv6", Reason.CORRUPT, () -> typed("GeoIP2 2001:db8::1")));
    out.add(new Hostile("database-type-70000", Reason.CORRUPT, () -> typed("A".repeat(70_000))));
    out.add(new Hostile("database-type-control", Reason.CORRUPT, () -> typed("City\u001b[2J")));
    out.add(new Hostile("iso-code-address", null, () -> isoCode("1.2.3.4")));
    return out;
  }

  /** A country record for 0.0.0.0/1 ... through the raw writer; its offset. */
  private static int country(RawMmdb raw, String iso) {
    int at = raw.map(1);
    raw.string("country");
    raw.map(1);
    raw.string("iso_code");
    raw.string(iso);
    return at;
  }

  private static byte[] file(RawMmdb raw, List<Integer> records, String type) {
    raw.standardMetadata(type, RawMmdb.nodeCount(records.size()));
    return raw.toByteArray(records);
  }

  /**
   * {@code levels} arrays of {@code width} pointers each to the array before: width^levels leaves.
   * With {@code inRecord} the bomb hangs under a country record's "names"; else the record is it.
   */
  static byte[] arrayBomb(int levels, int width, boolean inRecord) {
    RawMmdb raw = new RawMmdb();
    int prev = raw.string("leaf");
    for (int i = 0; i < levels; i++) {
      int at = raw.array(width);
      for (int j = 0; j < width; j++) {
        raw.pointer(prev);
      }
      prev = at;
    }
    if (!inRecord) {
      return file(raw, List.of(prev), "Bomb");
    }
    int record = raw.map(2);
    raw.string("country");
    int c = raw.map(1);
    raw.string("iso_code");
    raw.string("GB");
    raw.string("names");
    raw.pointer(prev);
    int other = raw.map(1);
    raw.string("country");
    raw.pointer(c);
    return file(raw, List.of(record, other), "Bomb");
  }

  /** 30 maps, each {a: ->prev, b: ->prev}, keys shared through pointers. */
  private static byte[] mapBomb() {
    RawMmdb raw = new RawMmdb();
    int a = raw.string("a");
    int b = raw.string("b");
    int prev = raw.map(0);
    for (int i = 0; i < 30; i++) {
      int at = raw.map(2);
      raw.pointer(a);
      raw.pointer(prev);
      raw.pointer(b);
      raw.pointer(prev);
      prev = at;
    }
    int record = raw.map(2);
    raw.string("names");
    raw.pointer(prev);
    raw.string("country");
    raw.map(1);
    raw.string("iso_code");
    raw.string("DE");
    return file(raw, List.of(record), "Bomb");
  }

  /** The slow accept: 64 country records sharing one pointer tree of 2^20 leaves. */
  private static byte[] slowAccept() {
    RawMmdb raw = new RawMmdb();
    int prev = raw.string("leaf");
    for (int i = 0; i < 20; i++) {
      int at = raw.array(2);
      raw.pointer(prev);
      raw.pointer(prev);
      prev = at;
    }
    List<Integer> records = new ArrayList<>();
    String[] codes = {"GB", "FR", "DE", "US"};
    for (int r = 0; r < 64; r++) {
      int at = raw.map(3);
      raw.string("country");
      raw.map(1);
      raw.string("iso_code");
      raw.string(codes[r % codes.length]);
      raw.string("names");
      raw.pointer(prev);
      raw.string("n");
      raw.uint32(r);
      records.add(at);
    }
    return file(raw, records, "GeoIP2-City");
  }

  /** The country map itself is reached through a 2^24 bomb of maps-of-pointers to it. */
  private static byte[] countryThroughBomb() {
    RawMmdb raw = new RawMmdb();
    int c = raw.map(1);
    raw.string("iso_code");
    raw.string("GB");
    int prev = c;
    for (int i = 0; i < 24; i++) {
      int at = raw.array(2);
      raw.pointer(prev);
      raw.pointer(prev);
      prev = at;
    }
    int record = raw.map(2);
    raw.string("country");
    raw.pointer(c);
    raw.string("subdivisions");
    raw.pointer(prev);
    return file(raw, List.of(record), "GeoIP2-City");
  }

  /** A bomb of 2^28 leaves in the metadata's "languages", written top-down (forward pointers). */
  private static byte[] metadataBomb() {
    RawMmdb raw = new RawMmdb();
    int record = country(raw, "GB");
    raw.metadata();
    raw.map(7);
    standardFields(raw, "Bomb", RawMmdb.nodeCount(1));
    raw.string("languages");
    int top = raw.offset() + 2;
    raw.pointer(top);
    for (int i = 0; i < 28; i++) {
      int next = raw.offset() + 5;
      raw.array(2);
      raw.pointer(next);
      raw.pointer(next);
    }
    raw.string("en");
    return raw.toByteArray(List.of(record));
  }

  /** The six standard metadata fields, as six map entries in the current section. */
  private static void standardFields(RawMmdb raw, String type, long nodes) {
    raw.string("binary_format_major_version");
    raw.uint16(2);
    raw.string("build_epoch");
    raw.uint64(1_700_000_000L);
    raw.string("database_type");
    raw.string(type);
    raw.string("ip_version");
    raw.uint16(4);
    raw.string("node_count");
    raw.uint32(nodes);
    raw.string("record_size");
    raw.uint16(32);
  }

  private static byte[] selfPointer() {
    RawMmdb raw = new RawMmdb();
    int at = raw.offset();
    int record = raw.map(1);
    raw.string("country");
    raw.pointer(at);
    return file(raw, List.of(record), "Cycle");
  }

  private static byte[] mutualPointers() {
    RawMmdb raw = new RawMmdb();
    // A at 0: {x: ->B}; B right after A: {y: ->A}. A's pointer to B is 2 bytes, so B's offset is
    // known before it is written.
    int a = raw.map(1);
    raw.string("x");
    int b = raw.offset() + 2;
    raw.pointer(b);
    raw.map(1);
    raw.string("y");
    raw.pointer(a);
    return file(raw, List.of(a), "Cycle");
  }

  private static byte[] metadataCycle() {
    RawMmdb raw = new RawMmdb();
    int record = country(raw, "GB");
    raw.metadata();
    int at = raw.map(7);
    raw.string("languages");
    raw.pointer(at);
    standardFields(raw, "Cycle", RawMmdb.nodeCount(1));
    return raw.toByteArray(List.of(record));
  }

  private static byte[] pointerToPointer() {
    RawMmdb raw = new RawMmdb();
    int s = raw.string("GB");
    int p = raw.pointer(s);
    int record = raw.map(1);
    raw.string("country");
    raw.pointer(p);
    return file(raw, List.of(record), "Chain");
  }

  /** {@code levels} arrays (or maps {a: ...}) nested inline, a country record at the bottom. */
  private static byte[] deep(int levels, boolean maps) {
    RawMmdb raw = new RawMmdb();
    int key = raw.string("a");
    int record = raw.offset();
    for (int i = 0; i < levels; i++) {
      if (maps) {
        raw.map(1);
        raw.pointer(key);
      } else {
        raw.array(1);
      }
    }
    country(raw, "GB");
    return file(raw, List.of(record), "Deep");
  }

  /** A country record whose "names" is {@code levels} arrays, each [->previous]. */
  static byte[] deepChain(int levels) {
    RawMmdb raw = new RawMmdb();
    int c = raw.map(1);
    raw.string("iso_code");
    raw.string("GB");
    int prev = raw.string("leaf");
    for (int i = 0; i < levels; i++) {
      int at = raw.array(1);
      raw.pointer(prev);
      prev = at;
    }
    int record = raw.map(2);
    raw.string("country");
    raw.pointer(c);
    raw.string("names");
    raw.pointer(prev);
    return file(raw, List.of(record), "Deep");
  }

  /**
   * One inline nest of 500 arrays, with 4,096 records pointing into it at every level: records
   * no writer makes (a record inside another), whose decoding cannot be shared.
   */
  private static byte[] overlapping() {
    RawMmdb raw = new RawMmdb();
    List<Integer> levels = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      levels.add(raw.array(1));
    }
    country(raw, "GB");
    List<Integer> records = new ArrayList<>();
    for (int r = 0; r < 4096; r++) {
      records.add(levels.get(r % 8));
    }
    // Distinct records are what the compiler decodes; aim them at distinct depths.
    for (int r = 0; r < 4096; r++) {
      records.set(r, levels.get((r * 7) % 500));
    }
    raw.metadata();
    List<Integer> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(records));
    raw.standardMetadata("Overlap", RawMmdb.nodeCount(distinct.size()));
    return raw.toByteArray(distinct);
  }

  /** A record whose "country" declares 16 M bytes (or elements, entries) in a small file. */
  private static byte[] declares(int type) {
    RawMmdb raw = new RawMmdb();
    int record = raw.map(1);
    raw.string("country");
    raw.control(type, 16_000_000);
    raw.raw(new byte[64]);
    return file(raw, List.of(record), "Liar");
  }

  private static byte[] hugeNodeCount() {
    RawMmdb raw = new RawMmdb();
    int record = country(raw, "GB");
    raw.standardMetadata("Liar", 1L << 31);
    return raw.toByteArray(List.of(record));
  }

  private static byte[] typed(String databaseType) {
    RawMmdb raw = new RawMmdb();
    int record = country(raw, "GB");
    return file(raw, List.of(record), databaseType);
  }

  private static byte[] isoCode(String code) {
    Map<String, Object> country = new LinkedHashMap<>();
    country.put("iso_code", code);
    return MmdbWriter.ipv4("GeoIP2-Country")
        .insert("0.0.0.0/1", Map.of("country", country))
        .insert("128.0.0.0/1", MmdbWriter.geoip2Country("GB"))
        .toByteArray();
  }
}
