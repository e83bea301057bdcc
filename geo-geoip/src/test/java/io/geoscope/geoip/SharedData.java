package io.geoscope.geoip;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the optional shared GeoIP data; tests that need it are skipped when it is absent. */
final class SharedData {

  private SharedData() {}

  /** {@code <shared>/geoip/<relative>}, or skips the calling test if it does not exist. */
  static Path geoip(String relative) {
    String dir = System.getProperty("geoscope.shared.dir", "../../shared");
    Path p = Path.of(dir, "geoip", relative);
    assumeTrue(
        Files.exists(p),
        "shared GeoIP data not found at " + p + " (set -Dgeoscope.shared.dir); skipping");
    return p;
  }

  /** A MaxMind test database by file name. */
  static Path testDb(String name) {
    return geoip("maxmind-test-data/" + name);
  }
}
