package io.geoscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.net.InetAddresses;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolveCommandTest {

  @TempDir static Path dir;

  static Path db;

  @BeforeAll
  static void writeDatabase() throws IOException {
    db = TestDatabase.write(dir);
  }

  /** The first, a middle and the last address of a range. */
  private static List<String> samples(String cidr) {
    String[] parts = cidr.split("/");
    InetAddress base = InetAddresses.forString(parts[0]);
    int bits = base.getAddress().length * 8;
    BigInteger first = new BigInteger(1, base.getAddress());
    BigInteger size = BigInteger.ONE.shiftLeft(bits - Integer.parseInt(parts[1]));
    List<String> out = new ArrayList<>();
    for (BigInteger offset : List.of(BigInteger.ZERO, size.shiftRight(1), size.subtract(BigInteger.ONE))) {
      out.add(InetAddresses.toAddrString(bigToAddress(first.add(offset), base.getAddress().length)));
    }
    return out;
  }

  private static InetAddress bigToAddress(BigInteger value, int bytes) {
    byte[] raw = value.toByteArray();
    byte[] fixed = new byte[bytes];
    int n = Math.min(raw.length, bytes);
    System.arraycopy(raw, raw.length - n, fixed, bytes - n, n);
    try {
      return InetAddress.getByAddress(fixed);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyAddressOfTheModelResolvesToItsMostSpecificSubdivisionOrCountry() {
    StringBuilder input = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (Map.Entry<String, String[]> e : TestDatabase.RANGES.entrySet()) {
      for (String ip : samples(e.getKey())) {
        input.append(ip).append('\n');
        expected.add(ip + "\t" + TestDatabase.expected(e.getKey()));
      }
    }
    CliRun run = CliRun.withInput(input.toString(), "resolve", "--db", db.toString());
    assertThat(run.code()).as(run.err()).isZero();
    List<String> got = new ArrayList<>();
    for (String line : run.outLines()) {
      String[] cols = line.split("\t");
      assertThat(cols).as(line).hasSize(3);
      got.add(cols[0] + "\t" + cols[1]);
    }
    assertThat(got).containsExactlyElementsOf(expected);
    assertThat(run.err()).contains(expected.size() + " located, 0 unknown, 0 bad");
  }

  @Test
  void unknownAddressesGiveADashAndTheReasonInAFourthColumn() {
    CliRun run = CliRun.run("resolve", "--db", db.toString(), "10.1.2.3", "9.9.9.9", "::1",
        "192.0.2.1");
    assertThat(run.code()).isZero();
    assertThat(run.outLines()).hasSize(4);
    assertThat(run.outLines().get(0)).startsWith("10.1.2.3\t-\t").endsWith("\tnon-routable");
    assertThat(run.outLines().get(1)).startsWith("9.9.9.9\t-\t").endsWith("\tnot-found");
    assertThat(run.outLines().get(2)).startsWith("::1\t-\t").endsWith("\tnon-routable");
    // Documentation addresses are non-routable outside the demo.
    assertThat(run.outLines().get(3)).startsWith("192.0.2.1\t-\t").endsWith("\tnon-routable");
  }

  @Test
  void badLinesAreReportedWithTheirLineNumberAndTheRunContinues() {
    String input = "8.8.8.8\n010.1.1.1\n1.0.0.7\nmeet.example.com\n\n# a comment\n2400:cb00::1\n";
    CliRun run = CliRun.withInput(input, "resolve", "--db", db.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.outLines()).extracting(l -> l.split("\t")[0])
        .containsExactly("8.8.8.8", "1.0.0.7", "2400:cb00::1");
    assertThat(run.errLines()).filteredOn(l -> l.startsWith("line "))
        .containsExactly(
            "line 2: invalid address (leading-zero): "
                + "an IPv4 octet has a leading zero, which is ambiguous (octal or decimal)",
            "line 4: invalid address (hostname): "
                + "the text looks like a host name, only IP literals are accepted and names are never resolved");
    assertThat(run.err()).doesNotContain("010.1.1.1").doesNotContain("meet.example.com");
    assertThat(run.err()).contains("3 located, 0 unknown, 2 bad");
  }

  @Test
  void jsonModeGivesOneParsableObjectPerLine() throws IOException {
    CliRun run = CliRun.run("resolve", "--db", db.toString(), "--json", "81.2.69.160", "9.9.9.9");
    assertThat(run.code()).isZero();
    ObjectMapper m = new ObjectMapper();
    JsonNode first = m.readTree(run.outLines().get(0));
    JsonNode second = m.readTree(run.outLines().get(1));
    assertThat(first.get("jurisdiction").asText()).isEqualTo(TestDatabase.expected("81.2.69.0/24"));
    assertThat(first.get("source").asText()).isEqualTo("ip-geolocation");
    assertThat(first.get("line").asInt()).isEqualTo(1);
    assertThat(second.get("jurisdiction").isNull()).isTrue();
    assertThat(second.get("reason").asText()).isEqualTo("not-found");
  }

  @Test
  void aMissingOrCorruptDatabaseIsBadInputWithExitTwo() throws IOException {
    assertThat(CliRun.run("resolve", "--db", dir.resolve("absent.mmdb").toString(), "8.8.8.8").code())
        .isEqualTo(2);
    Path junk = dir.resolve("junk.mmdb");
    Files.writeString(junk, "not a database");
    CliRun run = CliRun.run("resolve", "--db", junk.toString(), "8.8.8.8");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("geoscope resolve: ");
    assertThat(CliRun.run("resolve", "8.8.8.8").code()).as("--db is required").isEqualTo(2);
  }

  @Test
  void aQuarterMillionLinesStreamThroughWithoutBeingCollected() throws IOException {
    int lines = 250_000;
    // A generated stream: the input never exists in memory as a whole.
    InputStream input = new InputStream() {
      private byte[] line = new byte[0];
      private int pos;
      private int produced;

      @Override
      public int read() {
        if (pos == line.length) {
          if (produced == lines) {
            return -1;
          }
          line = ("8.8.8." + (produced++ % 256) + "\n").getBytes(StandardCharsets.US_ASCII);
          pos = 0;
        }
        return line[pos++];
      }
    };
    long start = System.nanoTime();
    CliRun run = CliRun.withInput(input, "resolve", "--db", db.toString());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(run.code()).isZero();
    assertThat(run.out().chars().filter(c -> c == '\n').count()).isEqualTo(lines);
    assertThat(run.err()).contains("resolve: 250000 lines...")
        .contains(lines + " located, 0 unknown, 0 bad");
    assertThat(millis).as("250k lines in %d ms", millis).isLessThan(20_000);
  }
}
