package io.geoscope.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Policy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes the policy loader: any file either loads into a policy that an engine compiles and that
 * survives a write/parse round trip unchanged, or is refused with a {@link
 * PolicyFileException} listing at least one problem. Nothing else may escape (no Jackson or
 * SnakeYAML exception, no {@link StackOverflowError}). Every build replays the committed corpus
 * in {@code PolicyFilesFuzzTestInputs/}; the {@code fuzz} profile explores for a bounded time.
 */
class PolicyFilesFuzzTest {

  private static final Path YAML = temporaryFile(".yaml");
  private static final Path JSON = temporaryFile(".json");

  @FuzzTest(maxDuration = "30s")
  void anyYamlFileLoadsIntoAPolicyOrIsRefusedWithProblems(byte[] content) throws IOException {
    loadOrRefuse(YAML, content, PolicyFormat.YAML);
  }

  @FuzzTest(maxDuration = "30s")
  void anyJsonFileLoadsIntoAPolicyOrIsRefusedWithProblems(byte[] content) throws IOException {
    loadOrRefuse(JSON, content, PolicyFormat.JSON);
  }

  private static void loadOrRefuse(Path file, byte[] content, PolicyFormat format)
      throws IOException {
    Files.write(file, content);
    Policy policy;
    try {
      policy = PolicyFiles.load(file);
    } catch (PolicyFileException e) {
      assertThat(e.problems()).isNotEmpty();
      return;
    }
    DecisionEngine.builder(policy).build();
    Policy again;
    try {
      again = PolicyFiles.parse(PolicyFiles.write(policy, format), "again", format);
    } catch (PolicyFileException e) {
      throw new AssertionError("a loaded policy, written back, no longer loads: " + e.problems(), e);
    }
    assertThat(again.rules()).containsExactlyInAnyOrderElementsOf(policy.rules());
    assertThat(again.exemptions()).containsExactlyInAnyOrderElementsOf(policy.exemptions());
    assertThat(again.areas().refs()).isEqualTo(policy.areas().refs());
  }

  private static Path temporaryFile(String suffix) {
    try {
      Path path = Files.createTempFile("fuzzed-policy", suffix);
      path.toFile().deleteOnExit();
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
