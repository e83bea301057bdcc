package com.example.joinhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.json.PackageVersion;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Meeting;
import io.geoscope.core.Outcome;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.policy.PolicyFileException;
import io.geoscope.core.Role;
import io.geoscope.policy.PolicyFiles;
import io.geoscope.policy.PolicyFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
  private static final String YAML = String.join("\n",
      "geoscope: 2",
      "operator: { name: Example Meetings Inc., subject-to: [US] }",
      "rules:",
      "  - id: ofac-ir",
      "    basis: { authority: OFAC, kind: sanctions, citation: 31 CFR 560, extraterritorial: \"US sanctions bind the US operator wherever its users are\" }",
      "    applies-in: [IR]",
      "    effect: deny-join",
      "");

  @Test
  void theJacksonOnTheClasspathIsTheLineUnderTest() {
    assertEquals(System.getProperty("expected.version"), PackageVersion.VERSION.toString());
  }

  @Test
  void aYamlPolicyFileLoadsWritesBackAndDecides(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, YAML);

    Policy policy = PolicyFiles.load(file);
    Policy again = PolicyFiles.parse(PolicyFiles.write(policy, PolicyFormat.JSON), "p.json",
        PolicyFormat.JSON);
    DecisionEngine engine = DecisionEngine.builder(again).build();

    Participant inIran = new Participant("a", Role.ATTENDEE,
        Evidence.of(Jurisdiction.of("IR"), LocationSource.DECLARED, "join hook"));
    assertEquals(Outcome.DENY,
        engine.decide(inIran, Meeting.plain(), Instant.parse("2026-12-01T00:00:00Z")).outcome());
  }

  @Test
  void aHostileFileIsStillRefusedWithAProblem() {
    String deep = "geoscope: 1\nrules: " + "[".repeat(100) + "]".repeat(100) + "\n";
    PolicyFileException e = assertThrows(PolicyFileException.class,
        () -> PolicyFiles.parse(deep, "deep.yaml", PolicyFormat.YAML));
    assertEquals(1, e.problems().size());
  }
}
