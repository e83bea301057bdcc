package io.geoscope.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Evidence;
import io.geoscope.core.Meeting;
import io.geoscope.core.Policy;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class PolicyRoundTripTest {

  static Policy reload(Policy policy, PolicyFormat format) {
    try {
      return PolicyFiles.parse(PolicyFiles.write(policy, format), "gen." + format, format);
    } catch (PolicyFileException e) {
      throw new AssertionError(PolicyFiles.write(policy, format) + "\n" + e.getMessage(), e);
    }
  }

  @Test
  void aWrittenYamlPolicyLoadsBackEqualAndWritesTheSameText() {
    qt().withExamples(1000)
        .forAll(PolicyGen.policies())
        .checkAssert(p -> {
          Policy again = reload(p, PolicyFormat.YAML);
          assertThat(again).isEqualTo(p);
          assertThat(PolicyFiles.write(again, PolicyFormat.YAML))
              .isEqualTo(PolicyFiles.write(p, PolicyFormat.YAML));
        });
  }

  @Test
  void theWrittenYamlIsTheWrittenJsonForAnyYamlReader() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    ObjectMapper json = new ObjectMapper();
    qt().withExamples(1000)
        .forAll(PolicyGen.policies())
        .checkAssert(p -> {
          try {
            assertThat(yaml.readTree(PolicyFiles.write(p, PolicyFormat.YAML)))
                .isEqualTo(json.readTree(PolicyFiles.write(p, PolicyFormat.JSON)));
          } catch (JsonProcessingException e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void aWrittenJsonPolicyLoadsBackEqual() {
    qt().withExamples(1000)
        .forAll(PolicyGen.policies())
        .checkAssert(p -> assertThat(reload(p, PolicyFormat.JSON)).isEqualTo(p));
  }

  @Test
  void theYamlAndJsonFormsOfAPolicyDecideAlikeForEveryParticipant() {
    Gen<Evidence> evidence = PolicyGen.evidence();
    Gen<Meeting> meetings = PolicyGen.meetings();
    Gen<Instant> instants = PolicyGen.instants();
    qt().withExamples(1000)
        .forAll(PolicyGen.policies(), evidence, meetings, instants)
        .checkAssert((p, e, m, at) -> {
          DecisionEngine yaml = DecisionEngine.builder(reload(p, PolicyFormat.YAML)).build();
          DecisionEngine json = DecisionEngine.builder(reload(p, PolicyFormat.JSON)).build();
          DecisionEngine original = DecisionEngine.builder(p).build();
          assertThat(yaml.decide(e, m, at)).isEqualTo(json.decide(e, m, at))
              .isEqualTo(original.decide(e, m, at));
        });
  }
}
