package io.geoscope.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.geoscope.areas.AreaSet;
import io.geoscope.core.AreaRef;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Meeting;
import io.geoscope.core.OnUncertain;
import io.geoscope.core.Outcome;
import io.geoscope.core.Policy;
import io.geoscope.core.PolicyProblem;
import io.geoscope.core.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Areas in policy files: binding, positioned problems, lawful reach, reports, diffs, writing. */
class AreaPolicyFileTest {
  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  /** A made-up hexagon in Donetsk oblast (never a real line). */
  static final String HEXAGON =
      "{type: Polygon, coordinates: [[[38.2, 47.9], [37.9, 48.2464], [37.3, 48.2464],"
          + " [37.0, 47.9], [37.3, 47.5536], [37.9, 47.5536], [38.2, 47.9]]]}";

  @TempDir Path dir;

  static String policy(String boundary, String extraRule) {
    return """
        geoscope: 2
        version: test
        operator: {name: Example Meetings Inc., subject-to: [US]}
        areas:
          - id: zone
            name: Made-up zone
            country: UA
            subdivision: UA-14
            source: "none: made up for the test"
            boundary: %s
          - id: postal
            name: Made-up postal area
            country: UA
            source: "none: made-up codes"
            postal-codes: ["85300"]
            postal-code-prefixes: ["871"]
        rules:
          - id: zone-sanctions
            basis: {authority: OFAC, kind: sanctions, citation: "EO 14065",
                    extraterritorial: "US sanctions bind the US provider for users located there"}
            applies-in: [zone]
            effect: deny-join
          - id: postal-sanctions
            basis: {authority: OFAC, kind: sanctions, citation: "EO 14065 (postal)",
                    extraterritorial: "US sanctions bind the US provider for users located there"}
            applies-in: [postal]
            effect: deny-join
            on-uncertain: apply
        %s""".formatted(boundary, extraRule);
  }

  static Policy parse(String yaml) throws PolicyFileException {
    return PolicyFiles.parse(yaml, "areas.yaml", PolicyFormat.YAML);
  }

  static List<PolicyFileProblem> problems(String yaml) {
    return catchThrowableOfType(PolicyFileException.class, () -> parse(yaml)).problems();
  }

  static Evidence verified(String code) {
    return Evidence.of(Jurisdiction.of(code), LocationSource.VERIFIED, "test");
  }

  @Test
  void rulesNameAreasAndTheEngineDecidesByTheEvidencesPlacement() throws Exception {
    Policy policy = parse(policy(HEXAGON, ""));
    Rule zoneRule = policy.rule("zone-sanctions").orElseThrow();
    assertThat(zoneRule.appliesIn().members()).isEmpty();
    assertThat(zoneRule.appliesIn().areas()).extracting(AreaRef::id).containsExactly("zone");
    assertThat(zoneRule.appliesIn().areas().iterator().next().within())
        .isEqualTo(Jurisdiction.of("UA-14"));
    assertThat(policy.rule("postal-sanctions").orElseThrow().onUncertain())
        .isEqualTo(OnUncertain.APPLY);

    DecisionEngine engine = DecisionEngine.builder(policy).build();
    AreaSet areas = (AreaSet) policy.areas();
    // Inside the hexagon with a 5 km circle, postal code elsewhere: the zone rule, by boundary.
    Evidence inside = verified("UA-14").withAreas(
        areas.place(Jurisdiction.of("UA-14"), "84100", 47.9, 37.6, 5));
    Decision d = engine.decide(inside, Meeting.plain(), NOW);
    assertThat(d.outcome()).isEqualTo(Outcome.DENY);
    assertThat(d.applied()).extracting(a -> a.ruleId() + " / " + a.area())
        .containsExactly("zone-sanctions / area zone: inside (location circle within the boundary)");
    assertThat(d.describe()).contains("area zone: inside (location circle within the boundary)");

    // A 200 km circle straddles the hexagon: uncertain, skipped by default, explained.
    Evidence straddling = verified("UA-14").withAreas(
        areas.place(Jurisdiction.of("UA-14"), "84100", 47.9, 37.6, 200));
    Decision s = engine.decide(straddling, Meeting.plain(), NOW);
    assertThat(s.outcome()).isEqualTo(Outcome.ADMIT);
    assertThat(s.describe())
        .contains("area zone: uncertain (the location circle straddles the boundary)")
        .contains("area postal: outside (postal code not listed)");

    // Kyiv with a known postal code: outside both, explained.
    Evidence kyiv = verified("UA-30").withAreas(
        areas.place(Jurisdiction.of("UA-30"), "01001", 50.45, 30.52, 10));
    Decision k = engine.decide(kyiv, Meeting.plain(), NOW);
    assertThat(k.outcome()).isEqualTo(Outcome.ADMIT);
    assertThat(k.describe()).contains("area zone: outside (another subdivision)");

    // A dial-in caller with only a postal code under the prefix: inside the postal area.
    Evidence dialIn = areas.placed(
        Evidence.of(Jurisdiction.of("UA"), LocationSource.DIAL_IN, "test"), "87100");
    Decision p = engine.decide(dialIn, Meeting.plain(), NOW);
    assertThat(p.outcome()).isEqualTo(Outcome.DENY);
    assertThat(p.applied()).extracting(a -> a.area())
        .containsExactly("area postal: inside (postal code listed)");

    // No place detail at all in UA: the postal rule's on-uncertain: apply denies, the zone's skips.
    Decision none = engine.decide(verified("UA"), Meeting.plain(), NOW);
    assertThat(none.applied()).extracting(a -> a.ruleId()).containsExactly("postal-sanctions");
  }

  @Test
  void anAreaRuleNeverReachesAnyoneOutsideTheAreasCountryWhateverThePlacementsSay()
      throws Exception {
    Policy policy = parse(policy(HEXAGON, ""));
    AreaSet areas = (AreaSet) policy.areas();
    DecisionEngine engine = DecisionEngine.builder(policy).build();
    // Planted: evidence from Russia carrying a claim to be inside both areas.
    Evidence planted = verified("RU").withAreas(
        areas.place(Jurisdiction.of("UA-14"), "85300", 47.9, 37.6, 1));
    assertThat(planted.areas().placement("zone").isInside()).isTrue();
    assertThat(engine.decide(planted, Meeting.plain(), NOW).outcome()).isEqualTo(Outcome.ADMIT);
  }

  @Test
  void theBoundaryMayBeAFileBesideThePolicyButNotOutsideItsDirectory() throws Exception {
    Files.writeString(dir.resolve("zone.geojson"), HEXAGON.replace("type: Polygon",
        "\"type\": \"Polygon\"").replace("coordinates:", "\"coordinates\":"));
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, policy("zone.geojson", ""));
    Policy policy = PolicyFiles.load(file);
    assertThat(policy.areas().refs()).extracting(AreaRef::id).containsExactly("zone", "postal");
    assertThat(policy.areas().refs().get(0).definitionHash())
        .isEqualTo(parse(policy(HEXAGON, "")).areas().refs().get(0).definitionHash());

    Files.writeString(file, policy("../outside.geojson", ""));
    PolicyFileException e =
        catchThrowableOfType(PolicyFileException.class, () -> PolicyFiles.load(file));
    assertThat(e.problems()).anySatisfy(p -> {
      assertThat(p.field()).isEqualTo("boundary");
      assertThat(p.message()).contains("relative path inside the policy's directory");
    });
  }

  @Test
  void badBoundariesAreRefusedAtTheirPositionWithGeoAreasCode() {
    String bowTie = "{type: Polygon, coordinates: [[[37.0, 47.6], [38.0, 48.2], [38.0, 47.6],"
        + " [37.0, 48.2], [37.0, 47.6]]]}";
    List<PolicyFileProblem> crossed = problems(policy(bowTie, ""));
    assertThat(crossed).anySatisfy(p -> {
      assertThat(p.code()).isEqualTo(PolicyFileProblem.Code.AREA);
      assertThat(p.message()).startsWith("[SELF_INTERSECTING]");
      assertThat(p.location().line()).isEqualTo(10); // the boundary's line
    });

    String unclosed = "\n      {type: Polygon,\n       coordinates: [[[37.0, 47.6], [38.0, 47.6],"
        + " [38.0, 48.2],\n         [37.0, 48.2]]]}";
    List<PolicyFileProblem> open = problems(policy(unclosed, ""));
    assertThat(open).anySatisfy(p -> {
      assertThat(p.message()).startsWith("[UNCLOSED_RING]");
      assertThat(p.location().line()).as(p.toString()).isBetween(11, 13);
    });

    String inFrance = "{type: Polygon, coordinates: [[[2.0, 48.0], [3.0, 48.0], [3.0, 49.0],"
        + " [2.0, 49.0], [2.0, 48.0]]]}";
    assertThat(problems(policy(inFrance, "")))
        .anySatisfy(p -> assertThat(p.message()).startsWith("[OUTSIDE_COUNTRY]"));

    StringBuilder many = new StringBuilder("{type: Polygon, coordinates: [[");
    int n = 50_001;
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * i / n;
      many.append('[').append(37.6 + 0.3 * Math.cos(a)).append(", ")
          .append(47.9 + 0.3 * Math.sin(a)).append("], ");
    }
    many.append("[37.9, 47.9]]]}");
    Path big = dir.resolve("big.yaml");
    List<PolicyFileProblem> tooMany = catchThrowableOfType(PolicyFileException.class, () -> {
      Files.writeString(dir.resolve("big.geojson"), many.toString().replace("type: Polygon",
          "\"type\": \"Polygon\"").replace("coordinates:", "\"coordinates\":"));
      Files.writeString(big, policy("big.geojson", ""));
      PolicyFiles.load(big);
    }).problems();
    assertThat(tooMany).anySatisfy(p -> {
      assertThat(p.message()).startsWith("[TOO_MANY_VERTICES]").contains("(in big.geojson)");
      assertThat(p.field()).startsWith("boundary");
    });
  }

  @Test
  void anAreaReachesExactlyAsFarAsItsCountryWouldAndOnUncertainNeedsTheOperatorsLaw() {
    // A Chinese regulator's statute cannot reach an area in Ukraine.
    String cn = """
          - id: cn-on-zone
            basis: {authority: Cyberspace Administration of China, kind: statute, citation: "CSL art. 12"}
            applies-in: [zone]
            effect: deny-join
        """;
    assertThat(problems(policy(HEXAGON, cn))).anySatisfy(p -> {
      assertThat(p.legalCode()).contains(PolicyProblem.Code.UNLAWFUL_REACH);
      assertThat(p.subject()).isEqualTo("cn-on-zone");
      assertThat(p.message()).contains("UA-14");
    });
    // Ukraine's own law on the zone is local law; on-uncertain: apply is not its to use here.
    String ua = """
          - id: ua-notice
            basis: {authority: a-ua, kind: statute, citation: "A made-up statute, art. 1"}
            applies-in: [zone]
            effect: {notice: recording-consent}
            on-uncertain: apply
        """;
    String withDeclared = policy(HEXAGON, ua).replace("areas:\n",
        "authorities:\n  - {id: a-ua, name: A Ukrainian authority, home: UA}\nareas:\n");
    assertThat(problems(withDeclared)).anySatisfy(p -> {
      assertThat(p.legalCode()).contains(PolicyProblem.Code.UNPLACED_NOT_PERMITTED);
      assertThat(p.field()).isEqualTo("on-uncertain");
    }).noneSatisfy(p -> assertThat(p.legalCode()).contains(PolicyProblem.Code.UNLAWFUL_REACH));
    // Without the operator block the OFAC rules themselves cannot reach Ukraine.
    assertThat(problems(policy(HEXAGON, "").replace(
        "operator: {name: Example Meetings Inc., subject-to: [US]}\n", "")))
        .anySatisfy(p -> assertThat(p.legalCode()).contains(PolicyProblem.Code.UNLAWFUL_REACH));
  }

  @Test
  void anUnknownAreaIdIsRefusedNamingTheAreasThereAre() {
    List<PolicyFileProblem> found =
        problems(policy(HEXAGON, "").replace("applies-in: [zone]", "applies-in: [zonee]"));
    assertThat(found).anySatisfy(p -> {
      assertThat(p.code()).isEqualTo(PolicyFileProblem.Code.INVALID_CODE);
      assertThat(p.message()).contains("zonee").contains("areas: zone, postal");
    });
  }

  @Test
  void writingAndReadingBackKeepsTheAreasAndTheirHashes() throws Exception {
    Policy policy = parse(policy(HEXAGON, ""));
    for (PolicyFormat format : PolicyFormat.values()) {
      String text = PolicyFiles.write(policy, format);
      Policy back = PolicyFiles.parse(text, "back." + format.name().toLowerCase(), format);
      assertThat(back).isEqualTo(policy);
      assertThat(back.areas().refs()).isEqualTo(policy.areas().refs());
    }
  }

  @Test
  void theReportListsAreasWithTheirHashAndTheDiffSeesABoundaryChange() throws Exception {
    Policy before = parse(policy(HEXAGON, ""));
    Policy after = parse(policy(HEXAGON.replace("38.2, 47.9]", "38.25, 47.9]"), "")
        .replace("version: test", "version: test-2"));
    PolicyReport report = PolicyReport.of(before, NOW);
    String hash = before.areas().refs().get(0).definitionHash();
    assertThat(report.toText()).contains("Areas:").contains(hash)
        .contains("area zone (inside)").contains("area zone in UA-14");
    // The OFAC rules reach UA-14 and UA through their areas: listed as extraterritorial reach.
    assertThat(report.extraterritorialReaches()).extracting(PolicyReport.Reach::subject)
        .contains("zone-sanctions", "postal-sanctions");
    // A verified participant in UA-14 with no place detail: the postal rule's on-uncertain applies.
    assertThat(report.netExposures()).anySatisfy(nx -> {
      assertThat(nx.where()).isEqualTo("UA-14");
      assertThat(nx.applied()).containsExactly("postal-sanctions");
    });
    assertThat(report.toJson()).contains("\"definitionHash\" : \"" + hash + "\"");

    PolicyDiff diff = PolicyDiff.between(before, after);
    assertThat(diff.isEmpty()).isFalse();
    assertThat(diff.areaChanges()).singleElement().satisfies(c -> {
      assertThat(c.id()).isEqualTo("zone");
      assertThat(c.redefined()).isTrue();
    });
    assertThat(diff.toText()).contains("REDEFINED").contains(hash)
        .contains(after.areas().refs().get(0).definitionHash());
    assertThat(PolicyDiff.between(before, before).isEmpty()).isTrue();
  }
}
