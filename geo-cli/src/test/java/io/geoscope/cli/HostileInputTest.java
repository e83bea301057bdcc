package io.geoscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.geoscope.geoip.writer.RawMmdb;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs an attacker (or a spreadsheet) hands the CLI: endless lines, byte order marks, repeated
 * columns and hostile databases. Each ends with the documented exit code and one line on standard
 * error, never a stack trace or an address.
 */
class HostileInputTest {

  @TempDir static Path dir;
  static Path db;
  static Path policy;

  @BeforeAll
  static void writeInputs() throws Exception {
    db = TestDatabase.write(dir);
    policy = dir.resolve("policy.yaml");
    Files.writeString(policy, DemoCommand.resource(DemoCommand.POLICY));
  }

  /** Zeros forever, like /dev/zero: no newline ever comes. */
  private static InputStream zeros() {
    return new InputStream() {
      @Override
      public int read() {
        return 0;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        java.util.Arrays.fill(b, off, off + len, (byte) 0);
        return len;
      }
    };
  }

  private static void assertOneLineNoTrace(CliRun run) {
    assertThat(run.errLines()).as(run.err()).hasSize(1);
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception")
        .doesNotContainPattern("\\d+\\.\\d+\\.\\d+\\.\\d+");
  }

  @Test
  void resolveOnAnEndlessLineStopsWithExitTwoAndNamesTheLine() {
    CliRun run = CliRun.withInput(zeros(), "resolve", "--db", db.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("geoscope resolve: line 1 is longer than 8192 characters\n");
  }

  @Test
  void aLongLineAfterGoodOnesIsNamedByItsNumber() {
    CliRun run = CliRun.withInput("8.8.8.8\n\n" + "1".repeat(9000) + "\n", "resolve", "--db",
        db.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.outLines()).hasSize(1);
    assertThat(run.errLines()).containsExactly("geoscope resolve: line 3 is longer than 8192 characters");
  }

  @Test
  void decideOnDevZeroStopsWithExitTwo() throws Exception {
    Path zero = Path.of("/dev/zero");
    Path roster = Files.isReadable(zero) ? zero : dir.resolve("zero.csv");
    if (roster != zero) {
      Files.write(roster, new byte[100_000]);
    }
    CliRun run = CliRun.run("decide", "--db", db.toString(), "--policy", policy.toString(),
        "--roster", roster.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(
        "geoscope decide: " + roster + ": line 1 is longer than 8192 characters\n");
  }

  @Test
  void aRosterStartingWithAByteOrderMarkIsRead() throws Exception {
    Path roster = dir.resolve("bom.csv");
    Files.write(roster, ("\uFEFFid,role,ip\nalice,host,8.8.8.8\r\nbob,attendee,81.2.69.1\r\n")
        .getBytes(StandardCharsets.UTF_8));
    CliRun run = CliRun.run("decide", "--db", db.toString(), "--policy", policy.toString(),
        "--roster", roster.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.outLines()).hasSize(2);
    assertThat(run.outLines().get(0)).startsWith("alice\tUS-CA");
    assertThat(run.outLines().get(1)).startsWith("bob\tGB-LND");
  }

  @Test
  void aRepeatedColumnIsRefusedWithoutEchoingIt() throws Exception {
    Path roster = dir.resolve("dup.csv");
    Files.writeString(roster, "ip,id,role,ip\n8.8.8.8,alice,host,1.2.3.4\n");
    CliRun run = CliRun.run("decide", "--db", db.toString(), "--policy", policy.toString(),
        "--roster", roster.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("geoscope decide: " + roster
        + ": line 1: the header names one column twice (columns 1 and 4)\n");
  }

  @Test
  void linesEndAsBufferedReaderSaysAndAreBounded() throws Exception {
    Lines lines = new Lines(new StringReader("a\r\nb\rc\n\nd"), 3);
    assertThat(List.of(lines.next(), lines.next(), lines.next(), lines.next(), lines.next()))
        .containsExactly("a", "b", "c", "", "d");
    assertThat(lines.next()).isNull();
    assertThat(lines.number()).isEqualTo(5);
    Lines exact = new Lines(new StringReader("abc\nabcd"), 3);
    assertThat(exact.next()).isEqualTo("abc");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(exact::next))
        .isInstanceOf(Lines.TooLong.class).hasMessage("line 2 is longer than 3 characters");
  }

  /** Hostile databases, written raw, each refused: exit 2 and one line. */
  private static Map<String, byte[]> refusedDatabases() {
    RawMmdb cycle = new RawMmdb();
    int at = cycle.map(1);
    cycle.string("country");
    cycle.pointer(at);
    cycle.standardMetadata("Cycle", RawMmdb.nodeCount(1));

    RawMmdb deep = new RawMmdb();
    int root = deep.offset();
    for (int i = 0; i < 100_000; i++) {
      deep.array(1);
    }
    deep.string("x");
    deep.standardMetadata("Deep", RawMmdb.nodeCount(1));

    RawMmdb address = new RawMmdb();
    int rec = address.map(1);
    address.string("country");
    address.map(1);
    address.string("iso_code");
    address.string("GB");
    address.standardMetadata("81.2.69.160", RawMmdb.nodeCount(1));
    return Map.of(
        "cycle.mmdb", cycle.toByteArray(List.of(at)),
        "deep.mmdb", deep.toByteArray(List.of(root)),
        "address-type.mmdb", address.toByteArray(List.of(rec)));
  }

  @Test
  void resolveWithAHostileDatabaseExitsTwoWithOneLine() throws Exception {
    for (Map.Entry<String, byte[]> e : refusedDatabases().entrySet()) {
      Path file = dir.resolve(e.getKey());
      Files.write(file, e.getValue());
      long t0 = System.nanoTime();
      CliRun run = CliRun.withInput("81.2.69.160\n", "resolve", "--db", file.toString());
      assertThat((System.nanoTime() - t0) / 1_000_000).as(e.getKey()).isLessThan(2000);
      assertThat(run.code()).as(e.getKey()).isEqualTo(2);
      assertOneLineNoTrace(run);
      assertThat(run.err()).startsWith("geoscope resolve: " + e.getKey() + ": ");
    }
  }

  @Test
  void resolveWithAPointerBombDatabaseAnswersQuickly() throws Exception {
    RawMmdb raw = new RawMmdb();
    int prev = raw.string("leaf");
    for (int i = 0; i < 24; i++) {
      int a = raw.array(2);
      raw.pointer(prev);
      raw.pointer(prev);
      prev = a;
    }
    int record = raw.map(2);
    raw.string("names");
    raw.pointer(prev);
    raw.string("country");
    raw.map(1);
    raw.string("iso_code");
    raw.string("GB");
    raw.standardMetadata("Bomb", RawMmdb.nodeCount(1));
    Path file = dir.resolve("bomb.mmdb");
    Files.write(file, raw.toByteArray(List.of(record)));
    CliRun run = CliRun.withInput("81.2.69.160\n", "resolve", "--db", file.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("81.2.69.160\tGB\tcountry\n");
  }
}
