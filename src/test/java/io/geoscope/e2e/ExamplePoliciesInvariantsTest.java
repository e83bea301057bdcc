package io.geoscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.geoscope.core.Policy;
import io.geoscope.testkit.Invariant;
import io.geoscope.testkit.InvariantReport;
import io.geoscope.testkit.PolicyInvariants;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test kit's invariants hold for every policy file the project ships as an example. */
class ExamplePoliciesInvariantsTest {

  @Test
  void demoPolicyKeepsEveryInvariant(@TempDir Path dir) throws Exception {
    Policy demo = EndToEnd.load(EndToEnd.demoPolicyFile(dir));
    InvariantReport report = PolicyInvariants.forPolicy(demo).examples(300).check();
    assertThat(report.passed()).as(report.toString()).isTrue();
    assertThat(report.checked()).containsExactlyInAnyOrder(Invariant.values());
    assertThat(report.examples()).isEqualTo(300);
  }

  @Test
  void examplePolicyFilesKeepEveryInvariant() throws Exception {
    List<Policy> policies = new ArrayList<>();
    for (Path file : EndToEnd.examplePolicies()) {
      policies.add(EndToEnd.load(file));
    }
    assertThat(policies).hasSize(2);
    for (Policy p : policies) {
      InvariantReport report = PolicyInvariants.forPolicy(p).examples(300).check();
      assertThat(report.passed()).as(report.toString()).isTrue();
    }
  }
}
