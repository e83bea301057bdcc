package io.geoscope.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.geoscope.core.Policy;
import io.geoscope.policy.PolicyFileException;
import io.geoscope.geoip.writer.MmdbWriter;
import io.geoscope.policy.PolicyFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared fixtures of the end-to-end suites: the project root, policies and a written database. */
final class EndToEnd {

  private EndToEnd() {}

  /** The project root (surefire runs the aggregator's tests there). */
  static Path root() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
  }

  /** The demo policy shipped inside geo-cli, as text. */
  static String demoPolicyText() throws IOException {
    try (InputStream in = EndToEnd.class.getResourceAsStream("/io/geoscope/cli/demo/policy.yaml")) {
      if (in == null) {
        throw new IllegalStateException("geo-cli's demo policy is not on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The demo policy written to {@code dir} and loaded back through {@link PolicyFiles}. */
  static Path demoPolicyFile(Path dir) throws IOException {
    Path file = dir.resolve("demo-policy.yaml");
    Files.writeString(file, demoPolicyText());
    return file;
  }

  static Policy load(Path file) throws IOException, PolicyFileException {
    return PolicyFiles.load(file);
  }

  /** The policy branch's example policy files, in the geo-core test resources. */
  static Path[] examplePolicies() {
    Path dir = root().resolve("geo-policy/src/test/resources/policies");
    return new Path[] {dir.resolve("example.yaml"), dir.resolve("example.json")};
  }

  /**
   * Ranges of a City-shaped database the suites write with {@link MmdbWriter}: range to {country,
   * subdivisions...}. The expected jurisdiction is the most specific code.
   */
  static final Map<String, String[]> RANGES = new LinkedHashMap<>();

  static {
    RANGES.put("1.0.0.0/24", new String[] {"CN", "BJ"});
    RANGES.put("1.0.1.0/24", new String[] {"CN", "SH"});
    RANGES.put("1.0.2.0/24", new String[] {"CN"});
    RANGES.put("2.16.0.0/16", new String[] {"DE", "BE"});
    RANGES.put("5.62.0.0/18", new String[] {"IR", "23"});
    RANGES.put("8.8.8.0/24", new String[] {"US", "CA"});
    RANGES.put("12.0.0.0/16", new String[] {"US", "NY"});
    RANGES.put("13.0.0.0/16", new String[] {"US", "WA"});
    RANGES.put("14.0.0.0/16", new String[] {"HK"});
    RANGES.put("27.0.0.0/16", new String[] {"TW"});
    RANGES.put("60.246.0.0/16", new String[] {"MO"});
    RANGES.put("81.2.69.0/24", new String[] {"GB", "ENG"});
    RANGES.put("2a02:1000::/24", new String[] {"US", "FL"});
    RANGES.put("2400:cb00::/32", new String[] {"JP", "13"});
    RANGES.put("2400:dd00::/32", new String[] {"CN", "GD"});
  }

  static String expected(String range) {
    String[] c = RANGES.get(range);
    return c.length == 1 ? c[0] : c[0] + "-" + c[c.length - 1];
  }

  static Path writeDatabase(Path dir) throws IOException {
    MmdbWriter w = MmdbWriter.ipv6("GeoIP2-City");
    for (Map.Entry<String, String[]> e : RANGES.entrySet()) {
      String[] c = e.getValue();
      String[] subs = new String[c.length - 1];
      System.arraycopy(c, 1, subs, 0, subs.length);
      w.insert(e.getKey(), MmdbWriter.geoip2City(c[0], subs));
    }
    Path file = dir.resolve("e2e-city.mmdb");
    w.write(file);
    return file;
  }

  /** {@code ../shared/geoip} or the {@code geoscope.shared.dir} property; skips when absent. */
  static Path sharedGeoip() {
    String prop = System.getProperty("geoscope.shared.dir");
    Path dir = (prop == null || prop.isBlank() ? root().resolve("../shared") : Path.of(prop))
        .resolve("geoip");
    assumeTrue(Files.isDirectory(dir),
        "shared GeoIP data not found at " + dir + "; skipping (set geoscope.shared.dir)");
    return dir;
  }
}
