package io.geoscope.cli;

import io.geoscope.geoip.writer.MmdbWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The demo's location database: documentation address ranges (RFC 5737, RFC 3849) placed in the
 * story's countries and subdivisions, written in GeoIP2-City shape by {@link MmdbWriter}. Demo
 * data only: these addresses are never routed on the internet, and a resolver reads them only with
 * {@code documentationRangesResolve(true)}.
 */
final class DemoDatabase {

  /** The {@code database_type} written into the metadata. */
  static final String TYPE = "Geoscope-Demo-City";

  private DemoDatabase() {}

  /** The demo's ranges, each with its country and subdivision codes (least specific first). */
  static final Map<String, String[]> RANGES =
      Map.ofEntries(
          Map.entry("192.0.2.0/27", new String[] {"US", "NY"}),
          Map.entry("192.0.2.32/27", new String[] {"HK"}),
          Map.entry("198.51.100.0/26", new String[] {"CN", "BJ"}),
          Map.entry("198.51.100.64/26", new String[] {"CN", "SH"}),
          Map.entry("198.51.100.128/26", new String[] {"DE", "BE"}),
          Map.entry("198.51.100.192/26", new String[] {"IR", "23"}),
          Map.entry("203.0.113.0/26", new String[] {"US", "CA"}),
          Map.entry("203.0.113.64/26", new String[] {"US", "WA"}),
          Map.entry("203.0.113.128/26", new String[] {"GB", "ENG"}),
          Map.entry("203.0.113.192/26", new String[] {"BR", "SP"}),
          Map.entry("2001:db8:81::/48", new String[] {"JP", "13"}),
          Map.entry("2001:db8:86::/48", new String[] {"CN"}));

  /** Writes the demo database to {@code file}. */
  static void write(Path file) throws IOException {
    MmdbWriter w =
        MmdbWriter.ipv6(TYPE)
            .description("en", "Geoscope demo data: documentation ranges, not real locations");
    for (Map.Entry<String, String[]> e : RANGES.entrySet()) {
      String[] codes = e.getValue();
      String[] subdivisions = new String[codes.length - 1];
      System.arraycopy(codes, 1, subdivisions, 0, subdivisions.length);
      w.insert(e.getKey(), MmdbWriter.geoip2City(codes[0], subdivisions));
    }
    w.write(file);
  }
}
