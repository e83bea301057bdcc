package io.geoscope.server;

import io.geoscope.geoip.writer.MmdbWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The embedded demo: a database written by {@link MmdbWriter} over documentation addresses (not
 * real locations) and the demo policy, both written into a directory so hot reload works on them.
 */
final class Demo {
  private Demo() {}

  /** Where the demo places participants: documentation ranges only. */
  static final String[][] RANGES = {
    {"192.0.2.0/27", "US", "NY"},
    {"192.0.2.32/27", "HK"},
    {"198.51.100.0/26", "CN", "BJ"},
    {"198.51.100.64/26", "RU", "MOW"},
    {"198.51.100.128/26", "DE", "BE"},
    {"203.0.113.0/26", "US", "CA"},
  };

  /** Writes the demo files into a directory and returns a loopback configuration on port 8470. */
  static ServerConfig config(Path dir) throws IOException {
    Path db = dir.resolve("demo-city.mmdb");
    MmdbWriter w = MmdbWriter.ipv6("Geoscope-Demo-City")
        .description("en", "Geoscope demo data: documentation ranges, not real locations");
    for (String[] r : RANGES) {
      String[] subdivisions = new String[r.length - 2];
      System.arraycopy(r, 2, subdivisions, 0, subdivisions.length);
      w.insert(r[0], MmdbWriter.geoip2City(r[1], subdivisions));
    }
    w.write(db);
    Path policy = dir.resolve("demo-policy.yaml");
    try (InputStream in = Demo.class.getResourceAsStream("demo-policy.yaml")) {
      if (in == null) {
        throw new IOException("the demo policy is missing from the jar");
      }
      Files.copy(in, policy, StandardCopyOption.REPLACE_EXISTING);
    }
    return ServerConfig.of(policy, db).withPort(8470).withDocumentationRangesResolve(true);
  }
}
