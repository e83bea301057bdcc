package io.geoscope.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Policy;
import io.geoscope.event.TransparencyCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's policy-file and transparency examples load, run, and match this code. */
class ReadmePolicyFilesTest {
  static String readme() throws Exception {
    Path path = Path.of("..", "README.md");
    assertThat(path).as("README.md beside the module").exists();
    return Files.readString(path);
  }

  static String block(String readme, String section, String fence) {
    int at = readme.indexOf(section);
    assertThat(at).as(section).isNotNegative();
    int start = readme.indexOf("```" + fence + "\n", at) + fence.length() + 4;
    return readme.substring(start, readme.indexOf("```\n", start));
  }

  @Test
  void theReadmePolicyLoadsAndMatchesTheExampleFile() throws Exception {
    String yaml = block(readme(), "## Policy files", "yaml");

    Policy fromReadme = PolicyFiles.parse(yaml, "README.md", PolicyFormat.YAML);
    Policy example = PolicyFiles.load(PolicyFilesTest.resource("example.yaml"));

    assertThat(fromReadme.version()).isEqualTo("2026-11-29");
    assertThat(fromReadme.rules()).isEqualTo(example.rules());
    assertThat(fromReadme.exemptions()).isEqualTo(example.exemptions());
  }

  @Test
  void theReadmeReportExcerptIsWhatTheReportPrints() throws Exception {
    String excerpt = block(readme(), "reported as of 2020-07-01", "text");
    String report = PolicyReport.of(PolicyFiles.load(PolicyFilesTest.resource("example.yaml")),
        Instant.parse("2020-07-01T00:00:00Z")).toText();

    for (String paragraph : excerpt.split("\n\n")) {
      assertThat(report).contains(paragraph);
    }
  }

  @Test
  void theReadmeJavaSnippetsAreThisCode() throws Exception {
    Path dir = PolicyFilesTest.resource("example.yaml").getParent().getParent();
    Path policies = dir.resolve("policies");
    // The snippets name paths relative to the test resources.
    Policy policy = PolicyFiles.load(policies.resolve("example.yaml"));
    String report = PolicyReport.of(policy, Instant.now()).toText();
    Policy next = PolicyFiles.parse(Files.readString(policies.resolve("example.json")),
        "example.json", PolicyFormat.JSON);
    String signOff = PolicyDiff.between(policy, next).toText();
    TransparencyCollector collector = TransparencyCollector.create();
    DecisionEngine engine = DecisionEngine.builder(policy).listener(collector).build();
    Instant day = Instant.parse("2026-11-29T00:00:00Z");
    String published = TransparencyReports.toText(collector.report(day, day.plus(Duration.ofDays(1))));

    assertThat(report).contains("cn-topic-restriction");
    assertThat(signOff).contains(policy.version()).contains(next.version());
    assertThat(engine.policy()).isSameAs(policy);
    assertThat(published).contains("Decisions from 2026-11-29T00:00:00Z");
    String readme = readme();
    for (String line : List.of(
        "Policy policy = PolicyFiles.load(Path.of(\"policies/example.yaml\"));",
        "String report = PolicyReport.of(policy, Instant.now()).toText();",
        "Policy next = PolicyFiles.parse(Files.readString(Path.of(\"policies/example.json\")),",
        "    \"example.json\", PolicyFormat.JSON);",
        "String signOff = PolicyDiff.between(policy, next).toText();",
        "TransparencyCollector collector = TransparencyCollector.create();",
        "DecisionEngine engine = DecisionEngine.builder(policy).listener(collector).build();",
        "Instant day = Instant.parse(\"2026-11-29T00:00:00Z\");",
        "String published = TransparencyReports.toText(collector.report(day, day.plus(Duration.ofDays(1))));")) {
      assertThat(readme).contains(line);
    }
  }
}
