package io.geoscope.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Effect;
import io.geoscope.core.Evidence;
import io.geoscope.core.Feature;
import io.geoscope.core.InstrumentKind;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Meeting;
import io.geoscope.core.Mode;
import io.geoscope.core.OnUnknown;
import io.geoscope.core.Outcome;
import io.geoscope.core.Policy;
import io.geoscope.core.Rule;
import io.geoscope.core.Scope;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyFilesTest {
  static final Instant JULY_2020 = Instant.parse("2020-07-01T12:00:00Z");
  static final Instant JULY_2021 = Instant.parse("2021-07-01T12:00:00Z");

  static Path resource(String name) {
    try {
      return Path.of(PolicyFilesTest.class.getResource("/policies/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<PolicyFileProblem> problemsOf(String yaml) {
    return catchThrowableOfType(
            PolicyFileException.class,
            () -> PolicyFiles.parse(yaml, "test.yaml", PolicyFormat.YAML))
        .problems();
  }

  static Evidence in(String code) {
    return Evidence.of(Jurisdiction.of(code), LocationSource.DECLARED, "test");
  }

  static String rule(String id, String basis, String rest) {
    return "  - id: " + id + "\n    basis: " + basis + "\n" + rest;
  }

  static String policy(String rules) {
    StringBuilder declared = new StringBuilder("geoscope: 2\nauthorities:\n");
    for (String home : List.of("US", "KP", "IR", "CN", "RU", "DE", "GB", "FR", "HK", "NO")) {
      declared.append("  - {id: a-").append(home.toLowerCase(java.util.Locale.ROOT))
          .append(", name: A-").append(home).append(", home: ").append(home).append("}\n");
    }
    return declared + "rules:\n" + rules;
  }

  @Test
  void theDocumentedExampleLoadsWithEveryFieldAsWritten() throws Exception {
    Policy policy = PolicyFiles.load(resource("example.yaml"));

    Rule cn = policy.rule("cn-topic-restriction").orElseThrow();
    assertThat(cn.basis().authority()).isEqualTo("Cyberspace Administration of China");
    assertThat(cn.basis().home()).contains(Jurisdiction.country("CN"));
    assertThat(cn.basis().territory()).isEmpty();
    assertThat(cn.basis().kind()).isEqualTo(InstrumentKind.STATUTE);
    assertThat(cn.basis().citation()).isEqualTo("Cybersecurity Law of the PRC, art. 12");
    assertThat(cn.basis().reference()).contains("https://example.org/order-123");
    assertThat(cn.basis().effective()).contains(LocalDate.of(2020, 6, 1));
    assertThat(cn.basis().expires()).contains(LocalDate.of(2021, 6, 1));
    assertThat(cn.appliesIn()).isEqualTo(Scope.of("CN"));
    assertThat(cn.when().tagsAny()).containsExactly("june-fourth");
    assertThat(cn.effect()).isEqualTo(Effect.denyJoin());
    assertThat(cn.mode()).isEqualTo(Mode.ENFORCE);
    assertThat(cn.onUnknown()).isEqualTo(OnUnknown.SKIP);

    Rule ofac = policy.rule("ofac-iran-conferencing").orElseThrow();
    assertThat(ofac.basis().home()).isEmpty();
    assertThat(policy.authorityOf(ofac.basis()).home()).containsExactly(Jurisdiction.of("US"));
    assertThat(ofac.basis().extraterritorial())
        .contains("US sanctions bind the US provider for users located in Iran");
    assertThat(policy.authorityOf(ofac.basis()).isHome(Jurisdiction.of("IR"))).isFalse();

    assertThat(policy.exemptions()).singleElement()
        .satisfies(e -> {
          assertThat(e.id()).isEqualTo("ofac-gl-d2");
          assertThat(e.lifts()).containsExactly("ofac-iran-conferencing");
          assertThat(e.basis().kind()).isEqualTo(InstrumentKind.GENERAL_LICENCE);
        });
  }

  @Test
  void theJsonExampleDescribesTheSameRulesAsTheYamlOne() throws Exception {
    Policy yaml = PolicyFiles.load(resource("example.yaml"));
    Policy json = PolicyFiles.load(resource("example.json"));

    assertThat(json.rules()).isEqualTo(yaml.rules());
    assertThat(json.exemptions()).isEqualTo(yaml.exemptions());
  }

  @Test
  void theExampleDeniesOnlyTaggedMeetingsInChinaWhileTheLawIsInForce() throws Exception {
    DecisionEngine engine = DecisionEngine.builder(PolicyFiles.load(resource("example.yaml"))).build();
    Meeting tagged = Meeting.tagged("june-fourth");

    assertThat(engine.decide(in("CN"), tagged, JULY_2020).outcome()).isEqualTo(Outcome.DENY);
    assertThat(engine.decide(in("CN"), Meeting.plain(), JULY_2020).outcome())
        .isEqualTo(Outcome.ADMIT);
    assertThat(engine.decide(in("CN"), tagged, JULY_2021).outcome()).isEqualTo(Outcome.ADMIT);
    for (String notChina : List.of("HK", "MO", "TW")) {
      assertThat(engine.decide(in(notChina), tagged, JULY_2020).outcome())
          .as(notChina).isEqualTo(Outcome.ADMIT);
    }
  }

  @Test
  void theGeneralLicenceLiftsTheSanctionsRuleInIran() throws Exception {
    DecisionEngine engine = DecisionEngine.builder(PolicyFiles.load(resource("example.yaml"))).build();

    Decision d = engine.decide(in("IR"), Meeting.plain(), JULY_2020);

    assertThat(d.outcome()).isEqualTo(Outcome.ADMIT);
    assertThat(d.lifted()).singleElement()
        .satisfies(l -> assertThat(l.exemptionId()).isEqualTo("ofac-gl-d2"));
  }

  @Test
  void everyProblemInTheFileIsReportedWithItsFileLineAndColumn() {
    PolicyFileException e =
        catchThrowableOfType(
            PolicyFileException.class,
            () -> PolicyFiles.load(resource("many-errors.yaml")));

    assertThat(e.problems()).allSatisfy(p -> {
      assertThat(p.location().line()).isPositive();
      assertThat(p.location().file()).endsWith("many-errors.yaml");
    });
    assertThat(e.problems())
        .extracting(
            PolicyFileProblem::codeName, PolicyFileProblem::subject, PolicyFileProblem::field,
            p -> p.location().line(), p -> p.location().column())
        .containsExactly(
            tuple("INVALID_CODE", "bad-everything", "basis.home", 8, 13),
            tuple("INVALID_VALUE", "bad-everything", "basis.kind", 10, 13),
            tuple("INVALID_VALUE", "bad-everything", "basis.effective", 12, 18),
            tuple("UNKNOWN_FIELD", "bad-everything", "colour", 15, 5),
            tuple("SCOPE_OUTSIDE_TERRITORY", "outside", "applies-in", 23, 17),
            tuple("UNLAWFUL_REACH", "outside", "applies-in", 23, 17),
            tuple("INVALID_VALUE", "outside", "effect.disable", 24, 36),
            tuple("UNLAWFUL_REACH", "reach", "applies-in", 32, 17),
            tuple("INVALID_VALUE", "reach", "mode", 34, 11),
            tuple("MISSING_FIELD", "outside", "effect", 35, 5),
            tuple("DUPLICATE_ID", "outside", "id", 35, 9),
            tuple("WILDCARD_SCOPE", "outside", "basis.territory", 39, 19),
            tuple("WILDCARD_SCOPE", "outside", "applies-in", 42, 18),
            tuple("MISSING_FIELD", "rules[4]", "id", 43, 5),
            tuple("MISSING_FIELD", "rules[4]", "basis.kind", 44, 7),
            tuple("EMPTY_SCOPE", "rules[4]", "applies-in", 47, 17),
            tuple("UNKNOWN_LIFTED_RULE", "lift-ghost", "lifts", 53, 12));
    assertThat(e.getMessage())
        .contains("many-errors.yaml:8:13: bad-everything basis.home: 'cn' is not an ISO 3166-1")
        .contains("codes are upper case, e.g. 'CN'")
        .contains("unknown feature 'telepathy'")
        .contains("id 'outside' is already used by rules[1]")
        .contains("lifts 'ghost-rule', which is not a rule of this policy");
  }

  @Test
  void jsonProblemsArePositionedToo() {
    PolicyFileException e =
        catchThrowableOfType(
            PolicyFileException.class, () -> PolicyFiles.load(resource("bad-codes.json")));

    assertThat(e.problems())
        .extracting(
            PolicyFileProblem::codeName, PolicyFileProblem::subject, PolicyFileProblem::field,
            p -> p.location().line(), p -> p.location().column())
        .containsExactly(
            tuple("INVALID_CODE", "eu-wide", "basis.home", 6, 62),
            tuple("INVALID_CODE", "eu-wide", "applies-in", 7, 22),
            tuple("INVALID_VALUE", "eu-wide", "effect.notice", 8, 29),
            tuple("INVALID_VALUE", "ca-recording", "basis.effective", 13, 31),
            tuple("INVALID_CODE", "ca-recording", "applies-in", 14, 31),
            tuple("UNKNOWN_FIELD", "ca-recording", "when.tags-some", 15, 48),
            tuple("INVALID_VALUE", "ca-recording", "effect.disable", 16, 30),
            tuple("INVALID_VALUE", "ca-recording", "on-unknown", 17, 21));
    assertThat(e.problems().get(0).message()).contains("list its member states");
    assertThat(e.problems().get(4).message()).contains("'US-ZZZZ'");
    assertThat(e.problems().get(3).message()).contains("'2024-02-30' is not a calendar date");
  }

  @Test
  void aFutureFormatVersionIsRefusedByName() {
    PolicyFileException e =
        catchThrowableOfType(
            PolicyFileException.class,
            () -> PolicyFiles.load(resource("future-version.yaml")));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.codeName()).isEqualTo("UNSUPPORTED_VERSION");
      assertThat(p.message()).contains("format version 3 is not supported");
      assertThat(p.location().line()).isEqualTo(1);
    });
  }

  @Test
  void aFileWithoutTheFormatVersionIsRefused() {
    assertThat(problemsOf("rules: []\n"))
        .extracting(PolicyFileProblem::codeName, PolicyFileProblem::field)
        .containsExactly(tuple("MISSING_FIELD", "geoscope"));
  }

  @Test
  void everyWildcardSpellingIsRefusedWherverAScopeIsWritten() {
    for (String wildcard : List.of("\"*\"", "ALL", "all", "world", "World", "any", "GLOBAL", "\"*-*\"")) {
      String asMember = policy(rule("r", "{authority: A-US, home: US, kind: statute, citation: c}",
          "    applies-in: [" + wildcard + "]\n    effect: deny-join\n"));
      String asScalar = policy(rule("r", "{authority: A-US, home: US, kind: statute, citation: c}",
          "    applies-in: " + wildcard + "\n    effect: deny-join\n"));
      String asTerritory = policy(rule("r",
          "{authority: A-US, home: US, territory: [" + wildcard + "], kind: statute, citation: c}",
          "    applies-in: [US]\n    effect: deny-join\n"));
      for (String yaml : List.of(asMember, asScalar, asTerritory)) {
        assertThat(problemsOf(yaml)).as(yaml)
            .extracting(PolicyFileProblem::codeName).contains("WILDCARD_SCOPE");
      }
    }
  }

  @Test
  void hongKongMacaoAndTaiwanAreOutsideAChineseTerritory() {
    for (String place : List.of("HK", "MO", "TW")) {
      String yaml = policy(rule("cn", "{authority: CAC, home: CN, kind: statute, citation: c}",
          "    applies-in: [" + place + "]\n    effect: deny-join\n"));
      assertThat(problemsOf(yaml))
          .extracting(PolicyFileProblem::codeName, PolicyFileProblem::field)
          .containsExactly(tuple("UNLAWFUL_REACH", "applies-in"));
    }
  }

  @Test
  void aCountryScopeCoversItsSubdivisionsButASubdivisionScopeCoversOnlyItself() throws Exception {
    Policy policy = PolicyFiles.parse(policy(
        rule("us-wide", "{authority: FCC, home: US, kind: regulation, citation: c}",
            "    applies-in: [US]\n    effect: {notice: federal-notice}\n")
        + rule("ca-only", "{authority: State of California, home: US-CA, kind: statute, citation: CIPA}",
            "    applies-in: [US-CA]\n    effect: {disable: [recording]}\n")),
        "sub.yaml", PolicyFormat.YAML);
    DecisionEngine engine = DecisionEngine.builder(policy).build();

    Decision california = engine.decide(in("US-CA"), Meeting.plain(), JULY_2020);
    Decision texas = engine.decide(in("US-TX"), Meeting.plain(), JULY_2020);
    Decision us = engine.decide(in("US"), Meeting.plain(), JULY_2020);

    assertThat(california.disabledFeatures()).containsExactly(Feature.RECORDING);
    assertThat(california.effects()).contains(Effect.notice("federal-notice"));
    assertThat(texas.disabledFeatures()).isEmpty();
    assertThat(texas.effects()).containsExactly(Effect.notice("federal-notice"));
    assertThat(us.disabledFeatures()).isEmpty();
  }

  @Test
  void aSubdivisionLawCannotReachTheWholeCountryWhateverItSays() {
    String yaml = policy(rule("ca", "{authority: State of California, territory: [US],"
            + " extraterritorial: 'California privacy law protects everyone in the US', kind: statute,"
            + " citation: c}",
        "    applies-in: [US]\n    effect: deny-join\n"));

    assertThat(problemsOf(yaml)).extracting(PolicyFileProblem::codeName)
        .containsExactly("UNLAWFUL_REACH");
  }

  @Test
  void unquotedNorwayIsNorwayNotFalse() throws Exception {
    Policy policy = PolicyFiles.parse(policy(rule("no", "{authority: A-NO, home: NO, territory: [NO], kind: regulation, citation: c}",
        "    applies-in: [NO]\n    effect: {notice: recording-consent}\n")),
        "no.yaml", PolicyFormat.YAML);

    assertThat(policy.rules().get(0).appliesIn()).isEqualTo(Scope.of("NO"));
  }

  @Test
  void expiryOnOrBeforeTheEffectiveDateIsAProblemAtTheExpiryField() {
    String yaml = policy(rule("r",
        "{authority: A-US, home: US, kind: statute, citation: c, effective: 2021-01-01, expires: 2021-01-01}",
        "    applies-in: [US]\n    effect: deny-join\n"));

    assertThat(problemsOf(yaml))
        .extracting(PolicyFileProblem::codeName, PolicyFileProblem::field, p -> p.location().line())
        .containsExactly(tuple("EXPIRY_NOT_AFTER_EFFECTIVE", "basis.expires", 15));
  }

  @Test
  void missingRequiredFieldsAreEachNamedInJson() {
    String json = "{\"geoscope\": 1, \"rules\": [\n {\"id\": \"r\",\n  \"basis\": {\"home\": \"US\"}}]}";

    PolicyFileException e = catchThrowableOfType(
        PolicyFileException.class,
        () -> PolicyFiles.parse(json, "p.json", PolicyFormat.JSON));

    assertThat(e.problems())
        .extracting(PolicyFileProblem::codeName, PolicyFileProblem::field, p -> p.location().line())
        .containsExactlyInAnyOrder(
            tuple("MISSING_FIELD", "basis.authority", 3),
            tuple("MISSING_FIELD", "basis.kind", 3),
            tuple("MISSING_FIELD", "basis.citation", 3),
            tuple("MISSING_FIELD", "applies-in", 2),
            tuple("MISSING_FIELD", "effect", 2));
  }

  @Test
  void aKeyWrittenTwiceIsASyntaxProblem() {
    String yaml = "geoscope: 1\nrules: []\nrules: []\n";

    assertThat(problemsOf(yaml))
        .extracting(PolicyFileProblem::codeName, p -> p.location().line())
        .containsExactly(tuple("SYNTAX", 3));
  }

  @Test
  void malformedDocumentsAreSyntaxProblemsWithAPosition() {
    for (String bad : List.of("geoscope: 1\nrules: [\n", "", "- just\n- a list\n", "geoscope: 1\n  bad: indent\n x")) {
      List<PolicyFileProblem> problems = problemsOf(bad);
      assertThat(problems).as(bad).singleElement()
          .satisfies(p -> {
            assertThat(p.codeName()).isEqualTo("SYNTAX");
            assertThat(p.location().line()).isPositive();
          });
    }
  }

  @Test
  void theDeclaredVersionLabelsThePolicyAndOtherwiseTheContentHashDoes() throws Exception {
    String body = policy(rule("r", "{authority: A-US, home: US, kind: statute, citation: c}",
        "    applies-in: [US]\n    effect: deny-join\n"));
    Policy labelled = PolicyFiles.parse("version: 2026-11-29\n" + body, "a.yaml", PolicyFormat.YAML);
    Policy derived = PolicyFiles.parse(body, "a.yaml", PolicyFormat.YAML);
    Policy renamed = PolicyFiles.parse(body, "b.yaml", PolicyFormat.YAML);
    Policy changed = PolicyFiles.parse(body.replace("citation: c", "citation: d"), "a.yaml", PolicyFormat.YAML);

    assertThat(labelled.version()).isEqualTo("2026-11-29");
    assertThat(derived.version()).matches("sha256:[0-9a-f]{12}");
    assertThat(renamed.version()).isEqualTo(derived.version());
    assertThat(changed.version()).isNotEqualTo(derived.version());
  }

  @Test
  void theFormatFollowsTheFileExtension() {
    assertThat(PolicyFormat.ofFileName("a/b.YAML")).isEqualTo(PolicyFormat.YAML);
    assertThat(PolicyFormat.ofFileName("b.yml")).isEqualTo(PolicyFormat.YAML);
    assertThat(PolicyFormat.ofFileName("b.json")).isEqualTo(PolicyFormat.JSON);
    assertThatThrownBy(() -> PolicyFormat.ofFileName("b.toml"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b.toml");
  }

  @Test
  void theWriterOmitsNothingAReviewerNeeds() throws Exception {
    Policy policy = PolicyFiles.load(resource("example.yaml"));

    String yaml = PolicyFiles.write(policy, PolicyFormat.YAML);

    assertThat(yaml).startsWith("geoscope: 2\n")
        .contains("version: " + policy.version())
        .contains("extraterritorial: US sanctions bind the US provider for users located in Iran")
        .contains("mode: enforce").contains("on-unknown: skip");
    assertThat(PolicyFiles.parse(yaml, "again.yaml", PolicyFormat.YAML)).isEqualTo(policy);
    assertThat(Optional.of(policy.rules().get(0).when().tagsAny())).contains(Set.of("june-fourth"));
  }
}
