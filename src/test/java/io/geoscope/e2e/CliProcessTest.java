package io.geoscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Evidence;
import io.geoscope.core.Feature;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.Role;
import io.geoscope.geoip.GeoResolver;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable jar run as a process, as a user runs it: {@code java -jar
 * geo-cli/target/geoscope.jar}. The aggregator builds after geo-cli's package phase, so the jar
 * exists in {@code mvn verify}; in a bare {@code mvn test} these tests are skipped.
 */
class CliProcessTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  static Path jar;

  record Result(int code, List<String> out, String err) {}

  @BeforeAll
  static void findJar() {
    jar = EndToEnd.root().resolve("geo-cli/target/geoscope.jar");
    assumeTrue(Files.isRegularFile(jar),
        jar + " not built; run 'mvn package' or 'mvn verify' first; skipping");
  }

  /** Runs the jar; {@code stdin} writes standard input on another thread. */
  private static Result run(List<String> jvm, StdinWriter stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
      try {
        return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    CompletableFuture<Void> in = CompletableFuture.runAsync(() -> {
      try (Writer w = new BufferedWriter(
          new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8), 1 << 16)) {
        stdin.write(w);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.add(line);
      }
    }
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the process ends").isTrue();
    in.get(10, TimeUnit.SECONDS);
    return new Result(p.exitValue(), out, err.get(10, TimeUnit.SECONDS));
  }

  private static Result run(String... args) throws Exception {
    return run(List.of(), w -> { }, args);
  }

  interface StdinWriter {
    void write(Writer w) throws IOException;
  }

  @Test
  void theReadmeDemoRunsAndTellsTheStory() throws Exception {
    Result demo = run("demo");
    assertThat(demo.code()).as(demo.err()).isZero();
    String text = String.join("\n", demo.out());
    assertThat(text).contains("DEMO DATA").contains("geoscope decide --db GeoLite2-City.mmdb")
        .contains("lifted ofac-iran-conferencing by exemption ofac-gl-d2");
    Result json = run("demo", "--json");
    assertThat(json.code()).isZero();
    long denied = 0;
    for (String line : json.out()) {
      JsonNode d = JSON.readTree(line);
      boolean china = Jurisdiction.of(d.get("jurisdiction").asText().startsWith("unknown")
          ? "AQ" : d.get("jurisdiction").asText()).country().code().equals("CN");
      // A participant whose signals disagree is placed but not denied by the speech rule (it is
      // narrowed, and the decision says so); everyone else placed in mainland China is denied.
      boolean disputed = d.hasNonNull("conflict")
          && d.get("conflict").get("narrowed").toString().contains("cn-topic-restriction");
      assertThat(d.get("outcome").asText().equals("deny")).as(line).isEqualTo(china && !disputed);
      denied += china && !disputed ? 1 : 0;
    }
    assertThat(denied).isPositive();
    assertThat(text).contains("Summary: " + json.out().size() + " participants");
  }

  @Test
  void tenThousandParticipantsAreDecidedAsTheEngineDecidesInProcess() throws Exception {
    Path db = EndToEnd.writeDatabase(dir);
    Path policyFile = EndToEnd.demoPolicyFile(dir);
    List<String> ranges = new ArrayList<>(EndToEnd.RANGES.keySet());
    Random random = new Random(20260604);
    Path roster = dir.resolve("roster.csv");
    List<String[]> rows = new ArrayList<>();
    StringBuilder csv = new StringBuilder("id,role,ip,dial_in,site\n");
    String[] roles = {"host", "co-host", "panelist", "attendee"};
    for (int i = 0; i < 10_000; i++) {
      String role = roles[random.nextInt(roles.length)];
      String ip = "";
      String dial = "";
      if (i % 10 == 9) {
        dial = random.nextBoolean() ? "CN" : "US-CA";
      } else if (i % 50 == 7) {
        ip = "9.9." + random.nextInt(256) + "." + random.nextInt(256); // not in the database
      } else {
        String range = ranges.get(random.nextInt(ranges.size()));
        ip = sample(range, random);
      }
      String[] row = {"p" + i, role, ip, dial, ""};
      rows.add(row);
      csv.append(String.join(",", row)).append('\n');
    }
    Files.writeString(roster, csv);

    Result run = run(List.of("-Xmx128m"), w -> { }, "decide", "--db", db.toString(),
        "--policy", policyFile.toString(), "--roster", roster.toString(),
        "--tags", "june-fourth", "--features", "recording", "--at", "2026-06-04T12:00:00Z",
        "--json");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).hasSize(10_000);
    assertThat(run.err()).contains("decide: 10000 participants");

    GeoResolver resolver = GeoResolver.builder().database(db).build();
    DecisionEngine engine = DecisionEngine.builder(EndToEnd.load(policyFile)).build();
    Meeting meeting = new Meeting(Set.of("june-fourth"), EnumSet.of(Feature.RECORDING));
    Instant at = Instant.parse("2026-06-04T12:00:00Z");
    Map<String, Map<String, Integer>> expected = new TreeMap<>();
    Map<String, Map<String, Integer>> actual = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      Evidence evidence = row[3].isEmpty() ? resolver.resolve(row[2])
          : Evidence.of(Jurisdiction.of(row[3]), LocationSource.DIAL_IN, "roster");
      Decision d = engine.decide(new Participant(row[0], Role.fromCode(row[1]), evidence), meeting, at);
      count(expected, d.jurisdiction().code(), d.outcome().code());
      JsonNode line = JSON.readTree(run.out().get(i));
      assertThat(line.get("id").asText()).isEqualTo(row[0]);
      count(actual, line.get("jurisdiction").asText(), line.get("outcome").asText());
      if (!row[2].isEmpty()) {
        assertThat(run.out().get(i)).doesNotContain(row[2]);
      }
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.keySet()).contains("CN-BJ", "US-CA", "HK", "unknown:not-found");
  }

  @Test
  void isoAliasesOfHongKongMacaoAndTaiwanInARosterAreThoseCountries() throws Exception {
    // Issue 12, point 6, at the CLI roster entry point: 1,000 generated rows, each naming one of
    // the six ISO 3166-2:CN aliases (current and retired) in the dial_in, site or declared column.
    Path db = EndToEnd.writeDatabase(dir);
    Path policyFile = EndToEnd.demoPolicyFile(dir);
    List<String[]> aliases = NormalisationPropertiesTest.ALIASES;
    Random random = new Random(20261202);
    StringBuilder csv = new StringBuilder("id,role,ip,dial_in,site,declared\n");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      String[] a = aliases.get(random.nextInt(aliases.size()));
      String[] cols = {"", "", ""};
      cols[random.nextInt(3)] = a[0];
      csv.append("p").append(i).append(",attendee,,").append(String.join(",", cols)).append('\n');
      expected.add(a[1]);
    }
    Path roster = dir.resolve("aliases.csv");
    Files.writeString(roster, csv);

    Result run = run(List.of("-Xmx128m"), w -> { }, "decide", "--db", db.toString(),
        "--policy", policyFile.toString(), "--roster", roster.toString(),
        "--tags", "june-fourth", "--at", "2026-06-04T12:00:00Z", "--json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).hasSize(1_000);
    for (int i = 0; i < 1_000; i++) {
      JsonNode line = JSON.readTree(run.out().get(i));
      assertThat(line.get("jurisdiction").asText()).as(run.out().get(i)).isEqualTo(expected.get(i));
      assertThat(line.get("outcome").asText()).as(run.out().get(i)).isNotEqualTo("deny");
    }
  }

  private static void count(Map<String, Map<String, Integer>> m, String j, String outcome) {
    m.computeIfAbsent(j, k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
  }

  /** A random IPv4 address in a /16 or /24, or an IPv6 address in a /24 or /32. */
  private static String sample(String range, Random random) {
    String[] parts = range.split("/");
    int prefix = Integer.parseInt(parts[1]);
    if (parts[0].contains(":")) {
      String base = parts[0].substring(0, parts[0].indexOf("::"));
      return base + "::" + Integer.toHexString(1 + random.nextInt(0xfffe));
    }
    String[] o = parts[0].split("\\.");
    if (prefix == 24) {
      return o[0] + "." + o[1] + "." + o[2] + "." + random.nextInt(256);
    }
    int third = Integer.parseInt(o[2]) + random.nextInt(1 << (24 - prefix));
    return o[0] + "." + o[1] + "." + third + "." + random.nextInt(256);
  }

  @Test
  void aMillionLinesResolveInSmallFixedMemoryWellUnderAMinute() throws Exception {
    Path db = EndToEnd.writeDatabase(dir);
    int lines = 1_000_000;
    long start = System.nanoTime();
    // 48 MB of heap for a million lines: only possible if the command streams.
    Result run = run(List.of("-Xmx48m"), w -> {
      for (int i = 0; i < lines; i++) {
        if (i == 500_000) {
          w.write("not-an-address\n");
        } else {
          w.write("12.0." + ((i >> 8) & 0xff) + "." + (i & 0xff) + "\n");
        }
      }
    }, "resolve", "--db", db.toString());
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    assertThat(run.code()).as("one bad line gives exit 1").isEqualTo(1);
    assertThat(run.out()).hasSize(lines - 1);
    assertThat(run.err()).contains("line 500001: invalid address")
        .contains(lines + " lines: " + (lines - 1) + " located, 0 unknown, 1 bad");
    assertThat(run.out().get(0))
        .startsWith("12.0.0.0\t" + EndToEnd.expected("12.0.0.0/16") + "\t");
    assertThat(seconds).as("a million lines in %d s", seconds).isLessThan(60);
  }

  @Test
  void validateReportAndDiffExitCodesAsAProcess() throws Exception {
    Path demo = EndToEnd.demoPolicyFile(dir);
    Path[] examples = EndToEnd.examplePolicies();
    assertThat(run("validate", demo.toString(), examples[0].toString(), examples[1].toString())
        .code()).isZero();
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "geoscope: 1\nrules:\n  - id: x\n    effect: deny-join\n");
    Result invalid = run("validate", broken.toString());
    assertThat(invalid.code()).isEqualTo(1);
    assertThat(invalid.err()).contains(broken + ":3:");
    assertThat(run("report", demo.toString(), "--json").out()).hasSize(1);
    assertThat(run("diff", demo.toString(), examples[0].toString(), "--fail-on-change").code())
        .isEqualTo(1);
    assertThat(run("diff", examples[0].toString(), examples[1].toString(), "--fail-on-change")
        .code()).as("the YAML and JSON examples are the same policy").isZero();
    assertThat(run("nonsense").code()).isEqualTo(2);
  }
}
