package io.geoscope.server;

import io.geoscope.geoip.writer.MmdbWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Files the server tests serve: a database written by MmdbWriter over public ranges, and policies. */
public final class TestFiles {
  private TestFiles() {}

  /** Test addresses (public ranges, placed by the test database only). */
  public static final String US = "11.0.0.5";
  public static final String HK = "12.0.0.5";
  public static final String CN = "13.0.0.5";
  public static final String RU = "14.0.0.5";
  public static final String DE = "15.0.0.5";
  public static final String[] ALL = {US, HK, CN, RU, DE};

  /** Writes the test database; {@code moved} places the US range in Hong Kong instead. */
  public static Path database(Path file, boolean moved, Instant build) throws IOException {
    MmdbWriter.ipv6("GeoIP2-City")
        .buildEpoch(build)
        .insert("11.0.0.0/24", moved ? MmdbWriter.geoip2City("HK") : MmdbWriter.geoip2City("US", "NY"))
        .insert("12.0.0.0/24", MmdbWriter.geoip2City("HK"))
        .insert("13.0.0.0/24", MmdbWriter.geoip2City("CN", "BJ"))
        .insert("14.0.0.0/24", MmdbWriter.geoip2City("RU", "MOW"))
        .insert("15.0.0.0/24", MmdbWriter.geoip2City("DE", "BE"))
        .write(file);
    return file;
  }

  /** The test policy: CN refused in june-fourth rooms, RU without chat, DE a notice when recording. */
  public static String policy(String version) {
    return "geoscope: 1\n"
        + "version: " + version + "\n"
        + "rules:\n"
        + "  - id: cn-topic-restriction\n"
        + "    basis: { authority: Cyberspace Administration of China, home: CN, kind: statute,"
        + " citation: \"Cybersecurity Law of the PRC, art. 12\" }\n"
        + "    applies-in: [CN]\n"
        + "    when: { tags-any: [june-fourth] }\n"
        + "    effect: deny-join\n"
        + "  - id: ru-chat\n"
        + "    basis: { authority: Roskomnadzor, home: RU, kind: regulation, citation: \"Test rule 1\" }\n"
        + "    applies-in: [RU]\n"
        + "    effect: { disable: [chat] }\n"
        + "  - id: de-consent\n"
        + "    basis: { authority: Bundestag, home: DE, kind: statute, citation: \"StGB 201\" }\n"
        + "    applies-in: [DE]\n"
        + "    when: { features-any: [recording] }\n"
        + "    effect: { notice: recording-consent }\n";
  }

  /** Writes the test policy and database into a directory and returns a loopback configuration. */
  public static ServerConfig config(Path dir) throws IOException {
    Path policy = Files.writeString(dir.resolve("policy.yaml"), policy("test-1"));
    Path db = database(dir.resolve("city.mmdb"), false, Instant.parse("2026-11-01T00:00:00Z"));
    return ServerConfig.of(policy, db);
  }
}
