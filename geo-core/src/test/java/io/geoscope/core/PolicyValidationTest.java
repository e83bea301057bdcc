package io.geoscope.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.geoscope.core.PolicyProblem.Code;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every problem the core validator reports, with its message, and all of them at once. */
class PolicyValidationTest {

  private static Rule rule(String id, LegalBasis basis, String... appliesIn) {
    return new Rule(id, basis, Scope.of(appliesIn), Condition.always(), Effect.denyJoin(),
        Mode.ENFORCE, OnUnknown.SKIP);
  }

  private static List<PolicyProblem> problems(List<Rule> rules, List<Exemption> exemptions) {
    try {
      Policy.of("v1", rules, exemptions);
    } catch (PolicyValidationException e) {
      return e.problems();
    }
    throw new AssertionError("policy was accepted");
  }

  private static LegalBasis.Builder sanctions() {
    return LegalBasis.builder()
        .authority("OFAC")
        .home("US")
        .kind(InstrumentKind.SANCTIONS)
        .citation("31 CFR part 560");
  }

  @Test
  void aScopeOutsideTheTerritoryIsReportedNamingThePlaceAndTheLaw() {
    List<PolicyProblem> problems =
        problems(List.of(rule("cn-in-hk", Fixtures.cybersecurityLaw(), "CN", "HK")), List.of());

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(Code.SCOPE_OUTSIDE_TERRITORY);
      assertThat(p.subject()).isEqualTo("cn-in-hk");
      assertThat(p.field()).isEqualTo("applies-in");
      assertThat(p.message())
          .isEqualTo("HK is outside the territory [CN] of Cyberspace Administration of China"
              + " (Cybersecurity Law of the PRC, art. 12)");
    });
  }

  @Test
  void aTerritoryBeyondHomeWithoutAStatementIsReported() {
    LegalBasis silent = sanctions().territory("IR").build();
    LegalBasis blank = sanctions().territory("IR").extraterritorial("  ").build();

    List<PolicyProblem> problems =
        problems(List.of(rule("silent", silent, "IR"), rule("blank", blank, "IR")), List.of());

    assertThat(problems).extracting(PolicyProblem::code)
        .containsExactly(Code.EXTRATERRITORIAL_WITHOUT_STATEMENT,
            Code.EXTRATERRITORIAL_WITHOUT_STATEMENT);
    assertThat(problems).extracting(PolicyProblem::subject).containsExactly("silent", "blank");
    assertThat(problems.get(0).field()).isEqualTo("basis.territory");
    assertThat(problems.get(0).message())
        .isEqualTo("territory [IR] reaches outside the authority's home US; add a non-empty"
            + " 'extraterritorial' statement saying why");
  }

  @Test
  void aTerritoryWithinHomeNeedsNoStatement() throws Exception {
    LegalBasis state =
        LegalBasis.builder().authority("California Attorney General").home("US")
            .territory("US-CA").kind(InstrumentKind.STATUTE).citation("Cal. Civ. Code 1798.100")
            .build();

    assertThat(state.isExtraterritorial()).isFalse();
    assertThat(Policy.of("v1", List.of(rule("ca", state, "US-CA")), List.of()).rules()).hasSize(1);
  }

  @Test
  void aDuplicateIdIsReportedOncePerRepeat() {
    LegalBasis law = Fixtures.cybersecurityLaw();
    Exemption sameAsRule =
        new Exemption("twice", law, Scope.of("CN"), Set.of("twice"));

    List<PolicyProblem> problems =
        problems(List.of(rule("twice", law, "CN"), rule("twice", law, "CN-22")), List.of(sameAsRule));

    assertThat(problems).allSatisfy(p -> {
      assertThat(p.code()).isEqualTo(Code.DUPLICATE_ID);
      assertThat(p.subject()).isEqualTo("twice");
      assertThat(p.field()).isEqualTo("id");
      assertThat(p.message()).isEqualTo("id is used more than once");
    });
    assertThat(problems).hasSize(2);
  }

  @Test
  void anExemptionLiftingAMissingRuleIsReported() {
    LegalBasis law = Fixtures.cybersecurityLaw();
    Exemption exemption = new Exemption("licence", law, Scope.of("CN"), Set.of("no-such-rule"));

    List<PolicyProblem> problems = problems(List.of(rule("real", law, "CN")), List.of(exemption));

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(Code.UNKNOWN_LIFTED_RULE);
      assertThat(p.subject()).isEqualTo("licence");
      assertThat(p.field()).isEqualTo("lifts");
      assertThat(p.message()).isEqualTo("lifts 'no-such-rule', which is not a rule of this policy");
    });
  }

  @Test
  void anExpiryOnOrBeforeTheEffectiveDayIsReported() {
    LocalDate day = LocalDate.of(2026, 6, 4);
    LegalBasis sameDay =
        sanctions().territory("US").effective(day).expires(day).build();
    LegalBasis before =
        sanctions().territory("US").effective(day).expires(day.minusDays(1)).build();

    List<PolicyProblem> problems =
        problems(List.of(rule("same", sameDay, "US"), rule("before", before, "US")), List.of());

    assertThat(problems).extracting(PolicyProblem::code)
        .containsOnly(Code.EXPIRY_NOT_AFTER_EFFECTIVE);
    assertThat(problems).extracting(PolicyProblem::field).containsOnly("basis.expires");
    assertThat(problems).extracting(PolicyProblem::message)
        .containsExactly("expires 2026-06-04 is not after effective 2026-06-04",
            "expires 2026-06-03 is not after effective 2026-06-04");
  }

  @Test
  void everyProblemIsReportedAtOnceInRuleThenExemptionOrder() {
    LegalBasis law = Fixtures.cybersecurityLaw();
    LocalDate day = LocalDate.of(2026, 6, 4);
    List<Rule> rules =
        List.of(
            rule("a", law, "TW"),
            rule("a", law, "CN"),
            rule("b", sanctions().territory("IR").effective(day).expires(day).build(), "IR"));
    List<Exemption> exemptions =
        List.of(new Exemption("x", law, Scope.of("MO"), Set.of("c")));

    assertThatThrownBy(() -> Policy.of("v1", rules, exemptions))
        .isInstanceOfSatisfying(PolicyValidationException.class, e -> {
          assertThat(e.problems()).extracting(PolicyProblem::code)
              .containsExactly(
                  Code.SCOPE_OUTSIDE_TERRITORY,
                  Code.DUPLICATE_ID,
                  Code.EXTRATERRITORIAL_WITHOUT_STATEMENT,
                  Code.EXPIRY_NOT_AFTER_EFFECTIVE,
                  Code.SCOPE_OUTSIDE_TERRITORY,
                  Code.UNKNOWN_LIFTED_RULE);
          assertThat(e.problems()).extracting(PolicyProblem::subject)
              .containsExactly("a", "a", "b", "b", "x", "x");
          assertThat(e.getMessage()).startsWith("6 problems:\n  a applies-in: TW is outside");
        });
  }

  @Test
  void theRuleBuilderRejectsWhatThePolicyWouldAndNamesMissingFields() {
    assertThatThrownBy(() -> Rule.builder("r").appliesIn("CN").effect(Effect.denyJoin()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule 'r': basis is required");
    assertThatThrownBy(() -> Rule.builder("r").basis(Fixtures.cybersecurityLaw())
            .effect(Effect.denyJoin()).build())
        .hasMessage("rule 'r': applies-in is required");
    assertThatThrownBy(() -> Rule.builder("r").basis(Fixtures.cybersecurityLaw())
            .appliesIn("CN").build())
        .hasMessage("rule 'r': effect is required");
    assertThatThrownBy(() -> Rule.builder("r").basis(Fixtures.cybersecurityLaw())
            .appliesIn("TW").effect(Effect.denyJoin()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 problem:")
        .hasMessageContaining("r applies-in: TW is outside the territory [CN]");
    assertThatThrownBy(() -> Rule.builder("bad id").basis(Fixtures.cybersecurityLaw())
            .appliesIn("CN").effect(Effect.denyJoin()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rule id 'bad id'");
  }

  @Test
  void theLegalBasisBuilderNamesTheFirstMissingField() {
    assertThatThrownBy(() -> LegalBasis.builder().build())
        .hasMessage("legal basis: authority is required");
    assertThatThrownBy(() -> LegalBasis.builder().authority("CAC").build())
        .hasMessage("legal basis: home is required");
    assertThatThrownBy(() -> LegalBasis.builder().authority("CAC").home("CN").build())
        .hasMessage("legal basis: kind is required");
    assertThatThrownBy(() -> LegalBasis.builder().authority("CAC").home("CN")
            .kind(InstrumentKind.STATUTE).build())
        .hasMessage("legal basis: citation is required");
  }

  @Test
  void aValidPolicyKeepsItsRulesAndExemptionsInTheGivenOrder() throws Exception {
    LegalBasis law = Fixtures.cybersecurityLaw();
    Rule b = rule("b", law, "CN");
    Rule a = rule("a", law, "CN-22");
    Exemption x = new Exemption("x", law, Scope.of("CN-BJ"), Set.of("a", "b"));

    Policy policy = Policy.builder("v1").rule(b).rule(a).exemption(x).build();

    assertThat(policy.rules()).containsExactly(b, a);
    assertThat(policy.exemptions()).containsExactly(x);
    assertThat(policy.rule("a")).contains(a);
    assertThat(policy.rule("c")).isEmpty();
    assertThat(policy).isEqualTo(Policy.of("v1", List.of(b, a), List.of(x)));
    assertThatThrownBy(() -> Policy.of(" ", List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
