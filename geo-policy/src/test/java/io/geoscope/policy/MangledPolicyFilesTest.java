package io.geoscope.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.geoscope.core.Policy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Valid files with random characters changed: the loader either accepts the result or rejects it
 * with positioned problems; it never throws anything else.
 */
class MangledPolicyFilesTest {
  static final List<String> NOISE =
      List.of(":", "-", " ", "\n", "[", "]", "{", "}", "\"", "'", "#", "&", "*", "!", "x", "1", "\t", ",");

  static Gen<String> mangled(PolicyFormat format) {
    return in -> {
      String text = PolicyFiles.write(PolicyGen.policies().generate(in), format);
      StringBuilder b = new StringBuilder(text);
      int edits = Generate.range(1, 4).generate(in);
      for (int i = 0; i < edits && b.length() > 0; i++) {
        int at = Generate.range(0, b.length() - 1).generate(in);
        switch (Generate.range(0, 2).generate(in)) {
          case 0:
            b.deleteCharAt(at);
            break;
          case 1:
            b.insert(at, PolicyGen.pick(in, NOISE));
            break;
          default:
            b.replace(at, at + 1, PolicyGen.pick(in, NOISE));
        }
      }
      return b.toString();
    };
  }

  static void acceptedOrRejectedWithPositions(String content, PolicyFormat format) {
    try {
      Policy p = PolicyFiles.parse(content, "mangled", format);
      assertThat(p).isNotNull();
    } catch (PolicyFileException e) {
      assertThat(e.problems()).isNotEmpty()
          .allSatisfy(problem -> assertThat(problem.location().line()).isPositive());
    }
  }

  @Test
  void aMangledYamlFileIsAcceptedOrRejectedWithPositionsNeverCrashed() {
    qt().withExamples(1000)
        .forAll(mangled(PolicyFormat.YAML))
        .checkAssert(s -> acceptedOrRejectedWithPositions(s, PolicyFormat.YAML));
  }

  @Test
  void aMangledJsonFileIsAcceptedOrRejectedWithPositionsNeverCrashed() {
    qt().withExamples(1000)
        .forAll(mangled(PolicyFormat.JSON))
        .checkAssert(s -> acceptedOrRejectedWithPositions(s, PolicyFormat.JSON));
  }
}
