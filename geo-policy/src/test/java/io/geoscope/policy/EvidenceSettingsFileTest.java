package io.geoscope.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.geoscope.core.EvidenceStandard;
import io.geoscope.core.OnAnonymizer;
import io.geoscope.core.OnImprecise;
import io.geoscope.core.Policy;
import io.geoscope.core.PolicyProblem;
import io.geoscope.core.Rule;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EvidenceSettingsFileTest {
  private static final String CRIMEA =
      """
      geoscope: 2
      version: "2026-06"
      operator: { name: Example Meetings Inc., subject-to: [US] }
      rules:
        - id: ofac-crimea
          basis:
            authority: OFAC
            extraterritorial: "EO 13685: US persons may not export services to Crimea"
            kind: sanctions
            citation: 31 CFR part 589
          applies-in: [UA-43]
          effect: deny-join
          evidence: %s
          on-imprecise: %s
          on-anonymizer: %s
      """;

  @Test
  void theEvidenceSettingsAreReadWrittenBackAndReported() throws Exception {
    Policy p = PolicyFiles.parse(CRIMEA.formatted("any", "apply", "skip"), "p.yaml", PolicyFormat.YAML);
    Rule r = p.rules().get(0);
    assertThat(r.evidence()).isEqualTo(EvidenceStandard.ANY);
    assertThat(r.onImprecise()).isEqualTo(OnImprecise.APPLY);
    assertThat(r.onAnonymizer()).isEqualTo(OnAnonymizer.SKIP);
    String written = PolicyFiles.write(p, PolicyFormat.YAML);
    assertThat(written).containsPattern("evidence: \"?any").containsPattern("on-imprecise: \"?apply")
        .containsPattern("on-anonymizer: \"?skip");
    assertThat(PolicyFiles.parse(written, "again.yaml", PolicyFormat.YAML)).isEqualTo(p);
    String report = PolicyReport.of(p, Instant.parse("2026-06-04T00:00:00Z")).toText();
    assertThat(report).contains("UA-43 (any signal)").contains("UA (placed only at country level) (any signal)");
  }

  @Test
  void theDefaultsAreNotWrittenSoOlderFilesStayTheSame() throws Exception {
    Policy p = PolicyFiles.parse(CRIMEA.formatted("primary", "skip", "ignore"), "p.yaml", PolicyFormat.YAML);
    assertThat(PolicyFiles.write(p, PolicyFormat.YAML))
        .doesNotContain("evidence:").doesNotContain("on-imprecise").doesNotContain("on-anonymizer");
  }

  @Test
  void aDiffShowsARuleThatNowActsOnAnySignal() throws Exception {
    Policy before = PolicyFiles.parse(CRIMEA.formatted("primary", "skip", "ignore"), "a.yaml", PolicyFormat.YAML);
    Policy after = PolicyFiles.parse(CRIMEA.formatted("any", "skip", "apply"), "b.yaml", PolicyFormat.YAML);
    String diff = PolicyDiff.between(before, after).toText();
    assertThat(diff).contains("UA-43 (any signal)").contains("anonymizer");
  }

  @Test
  void anUnknownSettingIsAPositionedProblemNamingTheField() {
    PolicyFileException e = catchThrowableOfType(
        () -> PolicyFiles.parse(CRIMEA.formatted("some", "sometimes", "maybe"), "bad.yaml", PolicyFormat.YAML),
        PolicyFileException.class);
    assertThat(e.problems()).extracting(PolicyFileProblem::field)
        .contains("evidence", "on-imprecise", "on-anonymizer");
    assertThat(e.problems()).allSatisfy(pr -> assertThat(pr.location().line()).isPositive());
  }

  @Test
  void widenedSettingsOutsideTheOperatorsOwnLawAreRefusedAtTheirFields() throws Exception {
    String speech = CRIMEA.replace("authority: OFAC", "authority: Cyberspace Administration of China")
        .replace("kind: sanctions", "kind: statute").replace("citation: 31 CFR part 589",
            "citation: Cybersecurity Law art. 12").replace("[UA-43]", "[CN]")
        .replace("            extraterritorial: \"EO 13685: US persons may not export services to Crimea\"\n", "");
    PolicyFileException e = catchThrowableOfType(
        () -> PolicyFiles.parse(speech.formatted("any", "apply", "apply"), "cn.yaml", PolicyFormat.YAML),
        PolicyFileException.class);
    assertThat(e.problems()).extracting(PolicyFileProblem::codeName)
        .containsOnly(PolicyProblem.Code.UNPLACED_NOT_PERMITTED.name());
    assertThat(e.problems()).extracting(PolicyFileProblem::field)
        .containsExactlyInAnyOrder("evidence", "on-imprecise", "on-anonymizer");
    assertThat(PolicyFiles.parse(speech.formatted("primary", "skip", "skip"), "cn.yaml", PolicyFormat.YAML)
        .rules()).hasSize(1);
  }
}
