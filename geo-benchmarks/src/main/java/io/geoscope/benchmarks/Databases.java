package io.geoscope.benchmarks;

import com.maxmind.db.Reader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the database a benchmark runs on, from the value of its {@code db} parameter: {@code
 * synthetic} (see {@link SyntheticDatabase}), {@code city28} (see {@link CityShapedDatabase}),
 * {@code real} (the ip-location-db country database
 * under the shared data directory), or a path to any MaxMind DB file.
 */
final class Databases {

  /** The seed of the synthetic database and of every input array. */
  static final long SEED = Long.getLong("geoscope.bench.seed", 20260617L);

  static final String REAL = "geoip/real/geo-whois-asn-country.mmdb";

  private static final byte[] METADATA_MARKER =
      "\u00AB\u00CD\u00EFMaxMind.com".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] DATABASE_TYPE_KEY = "Mdatabase_type".getBytes(StandardCharsets.UTF_8);

  private Databases() {}

  /** The database file for a {@code db} parameter value. */
  static Path location(String db) {
    if (db.equals("synthetic")) {
      return SyntheticDatabase.path(SEED);
    }
    if (db.equals("city28")) {
      return CityShapedDatabase.path(SEED);
    }
    if (!db.equals("real")) {
      return Path.of(db);
    }
    for (Path candidate : realCandidates()) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    System.err.println(
        "geoscope-bench: no real database at "
            + realCandidates()
            + "; the 'real' rows use the synthetic database");
    return SyntheticDatabase.path(SEED);
  }

  private static List<Path> realCandidates() {
    List<Path> out = new ArrayList<>();
    String shared = System.getProperty("geoscope.shared.dir");
    if (shared != null) {
      out.add(Path.of(shared, REAL));
    }
    out.add(Path.of("..", "shared").resolve(REAL).toAbsolutePath().normalize());
    out.add(Path.of("..", "..", "shared").resolve(REAL).toAbsolutePath().normalize());
    return out;
  }

  /**
   * The same database as {@code db}, or a byte-identical copy whose metadata {@code database_type}
   * is {@code GeoIP2-Country}, so GeoIP2's {@code DatabaseReader} agrees to read a flat {@code
   * country_code} database (it checks the type by name). The copy lives next to the synthetic
   * databases and differs only in that metadata string.
   */
  static Path forGeoip2(Path db) {
    try {
      String type;
      try (Reader reader = new Reader(db.toFile())) {
        type = reader.getMetadata().databaseType();
      }
      if (type.contains("Country") || type.contains("City") || type.contains("Enterprise")) {
        return db;
      }
      byte[] bytes = Files.readAllBytes(db);
      int meta = lastIndexOf(bytes, METADATA_MARKER, bytes.length);
      int key = meta < 0 ? -1 : indexOf(bytes, DATABASE_TYPE_KEY, meta);
      int value = key + DATABASE_TYPE_KEY.length;
      if (key < 0
          || value >= bytes.length
          || (bytes[value] & 0xE0) != 0x40
          || (bytes[value] & 0x1F) >= 29) {
        throw new IllegalStateException("cannot find a short database_type in " + db);
      }
      int length = bytes[value] & 0x1F;
      byte[] replacement = "GeoIP2-Country".getBytes(StandardCharsets.UTF_8);
      byte[] out = new byte[bytes.length - length + replacement.length];
      System.arraycopy(bytes, 0, out, 0, value);
      out[value] = (byte) (0x40 | replacement.length);
      System.arraycopy(replacement, 0, out, value + 1, replacement.length);
      int rest = value + 1 + length;
      System.arraycopy(bytes, rest, out, value + 1 + replacement.length, bytes.length - rest);
      Path dir = Path.of(System.getProperty("java.io.tmpdir"), "geoscope-bench");
      Files.createDirectories(dir);
      Path copy = dir.resolve("geoip2-typed-" + db.getFileName());
      Path tmp = Files.createTempFile(dir, ".copy-", ".tmp");
      Files.write(tmp, out);
      Files.move(tmp, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int lastIndexOf(byte[] bytes, byte[] pattern, int before) {
    for (int i = before - pattern.length; i >= 0; i--) {
      if (matchesAt(bytes, pattern, i)) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] bytes, byte[] pattern, int from) {
    for (int i = Math.max(0, from); i + pattern.length <= bytes.length; i++) {
      if (matchesAt(bytes, pattern, i)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean matchesAt(byte[] bytes, byte[] pattern, int at) {
    for (int j = 0; j < pattern.length; j++) {
      if (bytes[at + j] != pattern[j]) {
        return false;
      }
    }
    return true;
  }
}
