package io.geoscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  static Path demo;
  static Path withoutConsent;
  static Path invalid;

  @BeforeAll
  static void writePolicies() throws Exception {
    String text = DemoCommand.resource(DemoCommand.POLICY);
    demo = dir.resolve("demo.yaml");
    Files.writeString(demo, text);
    // The demo policy without its Washington consent rule (five lines from its id on).
    List<String> lines = new ArrayList<>(text.lines().toList());
    int at = lines.indexOf("  - id: consent-us-wa");
    lines.subList(at, at + 5).clear();
    withoutConsent = dir.resolve("without-wa.yaml");
    Files.writeString(withoutConsent, String.join("\n", lines) + "\n");
    invalid = dir.resolve("invalid.yaml");
    Files.writeString(invalid, """
        geoscope: 1
        rules:
          - id: everywhere
            basis: { authority: Someone, home: cn, kind: statute, citation: "x" }
            applies-in: [CN]
            effect: deny-join
        """);
  }

  @Test
  void validateAcceptsValidFilesAndExitsZero() {
    CliRun run = CliRun.run("validate", demo.toString(), withoutConsent.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.outLines()).containsExactly(
        demo + ": ok (11 rules, 1 exemption, version demo-2026-06)",
        withoutConsent + ": ok (10 rules, 1 exemption, version demo-2026-06)");
  }

  @Test
  void validatePrintsEachProblemAsFileLineColumnAndExitsOne() {
    CliRun run = CliRun.run("validate", invalid.toString(), demo.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errLines().get(0)).matches(
        java.util.regex.Pattern.quote(invalid.toString()) + ":4:\\d+: everywhere basis.home: .*");
    assertThat(run.outLines()).containsExactly(
        demo + ": ok (11 rules, 1 exemption, version demo-2026-06)");
  }

  @Test
  void validateExitsTwoForAnUnreadableFileEvenBesideAnInvalidOne() {
    CliRun run = CliRun.run("validate", invalid.toString(), dir.resolve("absent.yaml").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("absent.yaml: no such file");
    assertThat(CliRun.run("validate", dir.resolve("policy.txt").toString()).code()).isEqualTo(2);
    assertThat(CliRun.run("validate").code()).as("no file at all").isEqualTo(2);
  }

  @Test
  void reportListsEveryAffectedJurisdictionAsTextOrOneJsonLine() throws Exception {
    CliRun text = CliRun.run("report", demo.toString(), "--at", "2026-06-04");
    assertThat(text.code()).isZero();
    assertThat(text.out()).contains("as of 2026-06-04T00:00:00Z")
        .contains("Cal. Penal Code § 632");
    CliRun json = CliRun.run("report", demo.toString(), "--at", "2026-06-04T00:00:00Z", "--json");
    assertThat(json.code()).isZero();
    assertThat(json.outLines()).hasSize(1);
    JsonNode report = JSON.readTree(json.out());
    List<String> jurisdictions = new ArrayList<>();
    report.get("jurisdictions").forEach(n -> jurisdictions.add(n.asText()));
    assertThat(jurisdictions).contains("CN", "IR", "US-CA", "US-WA").doesNotContain("HK", "US");
    assertThat(CliRun.run("report", invalid.toString()).code()).isEqualTo(1);
  }

  @Test
  void diffOfAPolicyWithItselfIsEmptyAndPassesFailOnChange() {
    CliRun run = CliRun.run("diff", demo.toString(), demo.toString(), "--fail-on-change");
    assertThat(run.code()).isZero();
  }

  @Test
  void diffShowsARemovedExposureAndFailsOnChangeOnlyWhenAsked() throws Exception {
    CliRun plain = CliRun.run("diff", demo.toString(), withoutConsent.toString());
    assertThat(plain.code()).isZero();
    assertThat(plain.out()).contains("US-WA").contains("Wash. Rev. Code § 9.73.030");
    CliRun failing = CliRun.run("diff", demo.toString(), withoutConsent.toString(),
        "--fail-on-change", "--json");
    assertThat(failing.code()).isEqualTo(1);
    assertThat(failing.outLines()).hasSize(1);
    assertThat(JSON.readTree(failing.out()).toString()).contains("US-WA");
    assertThat(CliRun.run("diff", demo.toString(), invalid.toString()).code()).isEqualTo(1);
    assertThat(CliRun.run("diff", demo.toString()).code()).as("NEW missing").isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "resolve", "decide", "validate", "report", "diff"})
  void everyCommandHasHelpWithAnExampleAndExitCodes(String command) {
    CliRun run = CliRun.run(command, "--help");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Usage: geoscope " + command).contains("Example")
        .contains("Exit codes:");
  }

  @Test
  void versionNamesTheCommand() {
    for (String[] args : List.of(new String[] {"--version"}, new String[] {"decide", "-V"})) {
      CliRun run = CliRun.run(args);
      assertThat(run.code()).isZero();
      assertThat(run.out()).startsWith("geoscope ");
    }
  }

  @Test
  void noCommandOrAnUnknownOneIsBadUsage() {
    assertThat(CliRun.run().code()).isEqualTo(2);
    CliRun unknown = CliRun.run("frobnicate");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("Try 'geoscope --help'");
    assertThat(CliRun.run("--help").out()).contains("demo").contains("decide");
  }
}
