package io.geoscope.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.geoscope.core.PolicyValidator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each overreach of issue 12 as a policy file: refused whole, at {@code file:line:column}, with
 * the code and a message naming the principle it breaks.
 */
class OverreachFilesTest {

  private static Path fixture(String name) {
    return Path.of("src/test/resources/policies/overreach", name);
  }

  private static List<PolicyFileProblem> refused(String name) {
    try {
      PolicyFiles.load(fixture(name));
    } catch (PolicyFileException e) {
      return e.problems();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new AssertionError(name + " was accepted");
  }

  @ParameterizedTest(name = "{0} is refused at line {2} with {1}")
  @CsvSource({
    "cac-us-home.yaml, HOME_MISMATCH, 7",
    "cac-greater-china.yaml, UNLAWFUL_REACH, 12",
    "cn-iso-aliases.yaml, UNLAWFUL_REACH, 6",
    "world-on-unknown.yaml, ON_UNKNOWN_OUTSIDE_OPERATOR_LAW, 13",
    "speech-on-unknown.yaml, ON_UNKNOWN_OUTSIDE_OPERATOR_LAW, 9",
    "trust-and-safety.yaml, UNKNOWN_AUTHORITY, 5",
    "trust-and-safety.yaml, PLACEHOLDER_CITATION, 5",
    "california-us.yaml, UNLAWFUL_REACH, 6",
    "invisible-statement.yaml, PLACEHOLDER_STATEMENT, 5",
    "invisible-statement.yaml, INVALID_VALUE, 9",
    "v1-free-text-reach.yaml, UNSUPPORTED_VERSION, 5",
    "unknown-subdivision.yaml, INVALID_CODE, 5",
  })
  void everyOverreachIsRefusedWithItsPosition(String file, String code, int line) {
    List<PolicyFileProblem> problems = refused(file);

    assertThat(problems).anySatisfy(p -> {
      assertThat(p.codeName()).isEqualTo(code);
      assertThat(p.location().line()).isEqualTo(line);
      assertThat(p.location().column()).isPositive();
      assertThat(p.location().file()).endsWith(file);
    });
  }

  @Test
  void reachMessagesNameThePrinciple() {
    for (String file : List.of("cac-greater-china.yaml", "cn-iso-aliases.yaml",
        "california-us.yaml", "speech-on-unknown.yaml", "v1-free-text-reach.yaml")) {
      assertThat(refused(file)).as(file)
          .anySatisfy(p -> assertThat(p.message()).contains(PolicyValidator.PRINCIPLE));
    }
  }

  @Test
  void isoAliasesOfHongKongMacaoAndTaiwanAreReadAsThoseCountries() {
    assertThat(refused("cn-iso-aliases.yaml")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("[HK, MO, TW] lie outside the home CN"));
  }

  @Test
  void anUnknownSubdivisionSuggestsTheCloseOnes() {
    assertThat(refused("unknown-subdivision.yaml")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("did you mean").contains("US-CA"));
  }

  @Test
  void aVersionOneFileIsToldWhatToAdd() {
    assertThat(refused("v1-free-text-reach.yaml"))
        .anySatisfy(p -> assertThat(p.message()).contains("geoscope: 2").contains("operator:")
            .contains("subject-to"));
  }

  @Test
  void theSameFileUnderTheOperatorsOwnLawWithAStatementLoads() throws Exception {
    String ok = """
        geoscope: 2
        operator: { name: Example Meetings Inc., subject-to: [US] }
        rules:
          - id: ir
            basis: { authority: Office of Foreign Assets Control, kind: sanctions,
                     extraterritorial: "US sanctions bind the US operator for users in Iran",
                     citation: "31 CFR part 560" }
            applies-in: [IR]
            effect: deny-join
            on-unknown: apply
        """;
    assertThat(PolicyFiles.parse(ok, "ok.yaml", PolicyFormat.YAML).rules()).hasSize(1);
    assertThatThrownBy(() -> PolicyFiles.parse(ok.replace("[US]", "[DE]"), "de.yaml",
            PolicyFormat.YAML))
        .isInstanceOf(PolicyFileException.class)
        .hasMessageContaining("not subject to the law of US");
    assertThatThrownBy(() -> PolicyFiles.parse(ok.replace("sanctions,", "regulation,"), "r.yaml",
            PolicyFormat.YAML))
        .isInstanceOf(PolicyFileException.class)
        .hasMessageContaining("does not issue regulation");
  }

  @Test
  void aDeclaredAuthorityLoadsAndIsMarkedInTheReport() throws Exception {
    String declared = """
        geoscope: 2
        operator: { name: Example Meetings Inc., subject-to: [US] }
        authorities:
          - { id: ie.cnam, name: Coimisiún na Meán, home: IE, reference: "https://www.cnam.ie/" }
        rules:
          - id: ie
            basis: { authority: Coimisiun na Mean, kind: regulation, citation: "Online Safety Code, s. 10" }
            applies-in: [IE]
            effect: { disable: [recording] }
        """;
    var policy = PolicyFiles.parse(declared, "d.yaml", PolicyFormat.YAML);
    assertThat(policy.authorityOf(policy.rules().get(0).basis()).declared()).isTrue();
    var back = PolicyFiles.parse(PolicyFiles.write(policy, PolicyFormat.YAML), "w.yaml",
        PolicyFormat.YAML);
    assertThat(back.authorities()).isEqualTo(policy.authorities());
    assertThatThrownBy(() -> PolicyFiles.parse(declared.replace("name: Coimisiún na Meán", "name: OFAC"),
            "x.yaml", PolicyFormat.YAML))
        .hasMessageContaining("DECLARED_AUTHORITY_CONFLICT");
  }
}
