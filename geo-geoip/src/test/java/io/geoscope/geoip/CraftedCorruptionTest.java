package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.maxmind.db.Reader;
import io.geoscope.geoip.writer.MmdbWriter;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corruptions made on purpose in databases our writer produced: a pointer cycle in the data section
 * (which sends MaxMind's recursive decoder into a stack overflow), a search-tree cycle and a record
 * pointing into the separator are all refused as {@code CORRUPT}, quickly.
 */
class CraftedCorruptionTest {

  @TempDir Path dir;

  /** An IPv4 database with record size 24 whose only record is {@code {a: "x"}}. */
  private static byte[] small() {
    return MmdbWriter.ipv4("Crafted")
        .recordSize(24)
        .insert("8.8.8.0/24", Map.of("a", "x"))
        .insert("9.9.0.0/16", Map.of("a", "x"))
        .toByteArray();
  }

  private static long nodeCount(byte[] db) throws Exception {
    try (Reader r = new Reader(new ByteArrayInputStream(db))) {
      return r.getMetadata().nodeCount();
    }
  }

  private DatabaseException refuse(byte[] db) throws Exception {
    Path file = Files.write(dir.resolve("crafted.mmdb"), db);
    return assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () ->
            catchThrowableOfType(
                DatabaseException.class, () -> GeoResolver.builder().database(file).build()));
  }

  @Test
  void dataPointerCycleIsCorruptNotAStackOverflow() throws Exception {
    byte[] db = small();
    int data = (int) nodeCount(db) * 6 + 16;
    // {a: "x"} is e1 41 61 41 78; turn the value into a pointer (001 00 000, 0x00) to the map.
    assertThat(db[data]).isEqualTo((byte) 0xE1);
    db[data + 3] = 0x20;
    db[data + 4] = 0x00;
    DatabaseException e = refuse(db);
    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(DatabaseException.Reason.CORRUPT);
    assertThat(e.getMessage()).contains("pointer cycle");
  }

  @Test
  void searchTreeCycleIsCorrupt() throws Exception {
    byte[] db = small();
    // Node 0's right record (bytes 3..5) points back to node 0.
    db[3] = 0;
    db[4] = 0;
    db[5] = 0;
    DatabaseException e = refuse(db);
    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(DatabaseException.Reason.CORRUPT);
  }

  @Test
  void recordPointingIntoTheSeparatorIsCorrupt() throws Exception {
    byte[] db = small();
    long pointer = nodeCount(db) + 3;
    db[3] = (byte) (pointer >>> 16);
    db[4] = (byte) (pointer >>> 8);
    db[5] = (byte) pointer;
    DatabaseException e = refuse(db);
    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(DatabaseException.Reason.CORRUPT);
    assertThat(e.getMessage()).contains("outside the data section");
  }
}
