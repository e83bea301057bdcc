package io.geoscope.cli;

import io.geoscope.geoip.writer.MmdbWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small GeoIP2-City-shaped database written by our writer, with its model: each range maps to
 * the jurisdiction a resolver must answer (the most specific subdivision, else the country).
 */
final class TestDatabase {

  /** Range to {country, subdivisions...}, least specific subdivision first. */
  static final Map<String, String[]> RANGES = new LinkedHashMap<>();

  static {
    RANGES.put("1.0.0.0/24", new String[] {"CN", "BJ"});
    RANGES.put("1.0.1.0/24", new String[] {"CN"});
    RANGES.put("2.16.0.0/16", new String[] {"DE", "BY"});
    RANGES.put("5.62.0.0/18", new String[] {"IR"});
    RANGES.put("8.8.8.0/24", new String[] {"US", "CA"});
    RANGES.put("12.0.0.0/16", new String[] {"US", "NY"});
    RANGES.put("14.0.0.0/16", new String[] {"HK"});
    RANGES.put("81.2.69.0/24", new String[] {"GB", "ENG", "LND"});
    RANGES.put("2a02:1000::/24", new String[] {"US", "WA"});
    RANGES.put("2400:cb00::/32", new String[] {"JP", "13"});
  }

  private TestDatabase() {}

  /** The jurisdiction code the model gives for a range. */
  static String expected(String range) {
    String[] codes = RANGES.get(range);
    return codes.length == 1 ? codes[0] : codes[0] + "-" + codes[codes.length - 1];
  }

  static Path write(Path dir) throws IOException {
    MmdbWriter w = MmdbWriter.ipv6("GeoIP2-City");
    for (Map.Entry<String, String[]> e : RANGES.entrySet()) {
      String[] c = e.getValue();
      String[] subs = new String[c.length - 1];
      System.arraycopy(c, 1, subs, 0, subs.length);
      w.insert(e.getKey(), MmdbWriter.geoip2City(c[0], subs));
    }
    Path file = dir.resolve("test-city.mmdb");
    w.write(file);
    return file;
  }
}
