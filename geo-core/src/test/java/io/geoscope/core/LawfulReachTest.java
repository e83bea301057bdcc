package io.geoscope.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.geoscope.core.PolicyProblem.Code;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The overreaches of issue 12, built in code: each is refused by the builders or {@link Policy#of}
 * with a {@link PolicyValidationException} naming the principle, and the lawful version of each is
 * accepted (so the refusals are not vacuous).
 */
class LawfulReachTest {
  private static final Operator US_OPERATOR = Operator.of("Example Meetings Inc.", "US");

  private static List<PolicyProblem> refused(Supplier<?> build) {
    try {
      build.get();
    } catch (PolicyValidationException e) {
      return e.problems();
    }
    throw new AssertionError("accepted");
  }

  private static LegalBasis.Builder basis(String authority, InstrumentKind kind) {
    return LegalBasis.builder().authority(authority).kind(kind).citation("Measure 12, art. 3");
  }

  private static Rule rule(String id, LegalBasis basis, OnUnknown onUnknown, String... where) {
    return Rule.builder(id).basis(basis).appliesIn(where).effect(Effect.denyJoin())
        .onUnknown(onUnknown).build();
  }

  private static Policy policy(Optional<Operator> operator, Rule... rules) {
    return Policy.of("v", operator, List.of(), List.of(rules), List.of());
  }

  @Test
  void theCacWithAUsHomeIsRefusedAtTheBuilderAsAHomeMismatch() {
    List<PolicyProblem> problems = refused(() -> basis("Cyberspace Administration of China",
        InstrumentKind.STATUTE).home("US").build());

    assertThat(problems).extracting(PolicyProblem::code).contains(Code.HOME_MISMATCH);
    assertThat(problems.get(0).message()).contains("CN").contains("home is where its law is local");
  }

  @Test
  void theCacReachingIntoHongKongMacaoAndTaiwanIsRefusedWhateverTheStatement() {
    assertThat(refused(() -> basis("CAC", InstrumentKind.STATUTE).extraterritorial(".").build()))
        .extracting(PolicyProblem::code).containsExactly(Code.PLACEHOLDER_STATEMENT);
    for (String statement : List.of("because the PRC claims jurisdiction over all of them")) {
      LegalBasis law = basis("CAC", InstrumentKind.STATUTE).territory("CN", "HK", "MO", "TW")
          .extraterritorial(statement).build();
      List<PolicyProblem> problems =
          refused(() -> rule("cn", law, OnUnknown.SKIP, "CN", "HK", "MO", "TW"));

      assertThat(problems).extracting(PolicyProblem::code).contains(Code.UNLAWFUL_REACH);
      assertThat(problems.stream().filter(p -> p.code() == Code.UNLAWFUL_REACH).findFirst()
              .orElseThrow().message())
          .contains("[HK, MO, TW]").contains("never reaches outside").contains("principle");
    }
  }

  @Test
  void isoCodesForHongKongMacaoAndTaiwanAreNotMainlandChina() {
    LegalBasis law = basis("Cyberspace Administration of China", InstrumentKind.STATUTE).build();

    List<PolicyProblem> problems =
        refused(() -> rule("cn", law, OnUnknown.SKIP, "CN-HK", "CN-MO", "CN-71"));

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(Code.UNLAWFUL_REACH);
      assertThat(p.message()).contains("[HK, MO, TW]");
    });
  }

  @Test
  void aWorldScopeWithOnUnknownApplyIsRefusedForTheCacAndForTheOperatorsOwnSanctions() {
    String[] world = Jurisdiction.countries().stream().map(Jurisdiction::code).toArray(String[]::new);
    LegalBasis cac = basis("CAC", InstrumentKind.STATUTE)
        .extraterritorial("binds everyone everywhere for national security").build();
    // The builder already refuses the reach; the policy adds the operator's side.
    assertThat(refused(() -> Rule.builder("all").basis(cac).appliesIn(world)
            .effect(Effect.denyJoin()).onUnknown(OnUnknown.APPLY).build()))
        .extracting(PolicyProblem::code).containsExactly(Code.UNLAWFUL_REACH);
    Rule raw = new Rule("all", cac, Scope.of(world), Condition.always(), Effect.denyJoin(),
        Mode.ENFORCE, OnUnknown.APPLY);
    assertThat(refused(() -> policy(Optional.of(US_OPERATOR), raw)))
        .extracting(PolicyProblem::code)
        .containsExactlyInAnyOrder(Code.UNLAWFUL_REACH, Code.ON_UNKNOWN_OUTSIDE_OPERATOR_LAW);

    LegalBasis ofac = basis("OFAC", InstrumentKind.SANCTIONS)
        .extraterritorial("US sanctions bind the US operator wherever its users are").build();
    Rule everyone = rule("all", ofac, OnUnknown.SKIP, world);
    assertThat(refused(() -> policy(Optional.of(US_OPERATOR), everyone)))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("countries outside home"));
  }

  @Test
  void onUnknownApplyOnASpeechRuleIsRefusedAndAllowedOnlyUnderTheOperatorsLaw() {
    Rule speech = rule("speech", basis("CAC", InstrumentKind.STATUTE).build(), OnUnknown.APPLY, "CN");
    assertThat(refused(() -> policy(Optional.of(US_OPERATOR), speech)))
        .singleElement().satisfies(p -> {
          assertThat(p.code()).isEqualTo(Code.ON_UNKNOWN_OUTSIDE_OPERATOR_LAW);
          assertThat(p.message()).contains("not in operator.subject-to");
        });
    assertThat(refused(() -> policy(Optional.empty(), speech))).hasSize(1);

    Rule sanctions = rule("ir", basis("OFAC", InstrumentKind.SANCTIONS)
        .extraterritorial("US sanctions bind the US operator for users in Iran").build(),
        OnUnknown.APPLY, "IR");
    assertThat(policy(Optional.of(US_OPERATOR), sanctions).rules()).hasSize(1);
    assertThat(PolicyValidator.isOperatorLaw(
        AuthorityCatalogue.standard().find("OFAC").orElseThrow(), Optional.of(US_OPERATOR))).isTrue();
  }

  @Test
  void aCompanyPreferenceDressedAsLawIsRefused() {
    List<PolicyProblem> problems = refused(() -> policy(Optional.of(US_OPERATOR),
        new Rule("ts", new LegalBasis("Trust & Safety", Optional.of(Jurisdiction.of("US")),
            Optional.empty(), Optional.empty(), InstrumentKind.STATUTE, "TBD", Optional.empty(),
            Optional.empty(), Optional.empty()), Scope.of("US"), Condition.always(),
            Effect.denyJoin(), Mode.ENFORCE, OnUnknown.SKIP)));

    assertThat(problems).extracting(PolicyProblem::code)
        .containsExactlyInAnyOrder(Code.PLACEHOLDER_CITATION, Code.UNKNOWN_AUTHORITY);
  }

  @Test
  void aCaliforniaStatuteCannotApplyToTheWholeUs() {
    LegalBasis ca = basis("State of California", InstrumentKind.STATUTE).build();

    assertThat(refused(() -> rule("ca", ca, OnUnknown.SKIP, "US")))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("[US] lies outside the home US-CA"));
    assertThat(rule("ca", ca, OnUnknown.SKIP, "US-CA").appliesIn()).isEqualTo(Scope.of("US-CA"));
  }

  @Test
  void sanctionsReachNeedsTheOperatorToBeSubjectToTheirLawAndAStatement() {
    Rule noStatement = rule("ir", basis("OFAC", InstrumentKind.SANCTIONS).build(), OnUnknown.SKIP, "IR");
    assertThat(refused(() -> policy(Optional.of(US_OPERATOR), noStatement)))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("add an 'extraterritorial'"));

    Rule ok = rule("ir", basis("Office of Foreign Assets Control", InstrumentKind.SANCTIONS)
        .extraterritorial("US sanctions bind the US operator for users in Iran").build(),
        OnUnknown.SKIP, "IR");
    assertThat(refused(() -> policy(Optional.of(Operator.of("EU Meetings SA", "DE")), ok)))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("not subject to the law of US"));
    assertThat(policy(Optional.of(US_OPERATOR), ok).rules()).containsExactly(ok);
  }

  @Test
  void invisibleAndNonWordStatementsAndCitationsArePlaceholders() {
    for (String text : List.of("\u200B", " \u00A0\u2060 ", ".", "-", "n/a", "TBD", "TODO", "?", "xxx",
        "none", "TBD TBD TBD TBD TBD TBD")) {
      assertThat(PolicyValidator.isPlaceholder(text)).as(text).isTrue();
      assertThat(refused(() -> basis("OFAC", InstrumentKind.SANCTIONS).extraterritorial(text).build()))
          .extracting(PolicyProblem::code).containsExactly(Code.PLACEHOLDER_STATEMENT);
      assertThat(refused(() -> LegalBasis.builder().authority("OFAC").kind(InstrumentKind.SANCTIONS)
              .citation(text).build()))
          .extracting(PolicyProblem::code).containsExactly(Code.PLACEHOLDER_CITATION);
    }
    assertThat(PolicyValidator.visible("\u200B\uFEFF 31 CFR 560 \u2060")).isEqualTo("31 CFR 560");
  }

  @Test
  void theUnSecurityCouncilHasNoHomeSoARuleMustCiteTheNationalMeasure() {
    assertThat(refused(() -> basis("UN Security Council", InstrumentKind.SANCTIONS).build()))
        .extracting(PolicyProblem::code).containsExactly(Code.AUTHORITY_WITHOUT_HOME);
  }

  @Test
  void aDeclaredAuthorityBindsOnlyAtHomeAndCannotTakeACatalogueName() {
    Authority ts = Authority.declared("trust-and-safety", "Trust and Safety", Jurisdiction.of("US"),
        Optional.of("policy 4.2"));
    Rule local = rule("ts", basis("Trust and Safety", InstrumentKind.REGULATION).build(),
        OnUnknown.SKIP, "US");
    assertThat(Policy.of("v", Optional.of(US_OPERATOR), List.of(ts), List.of(local), List.of())
        .authorityOf(local.basis()).declared()).isTrue();

    Rule abroad = rule("ts", basis("Trust and Safety", InstrumentKind.SANCTIONS)
        .extraterritorial("we think this is a good idea for everyone").build(), OnUnknown.APPLY, "CN");
    assertThat(refused(() -> Policy.of("v", Optional.of(US_OPERATOR), List.of(ts), List.of(abroad),
            List.of())))
        .extracting(PolicyProblem::code)
        .containsExactlyInAnyOrder(Code.UNLAWFUL_REACH, Code.ON_UNKNOWN_OUTSIDE_OPERATOR_LAW);

    Authority fake = Authority.declared("ofac", "OFAC", Jurisdiction.of("CN"), Optional.empty());
    assertThat(refused(() -> Policy.of("v", Optional.empty(), List.of(fake), List.of(), List.of())))
        .extracting(PolicyProblem::code).contains(Code.DECLARED_AUTHORITY_CONFLICT);
  }

  @Test
  void namesPeopleWriteResolveInTheCatalogue() {
    AuthorityCatalogue c = AuthorityCatalogue.standard();
    assertThat(c.find("ofac")).isEqualTo(c.find("Office of Foreign Assets Control"))
        .isEqualTo(c.find("us.ofac"));
    assertThat(c.find("State of California").orElseThrow().home()).containsExactly(Jurisdiction.of("US-CA"));
    assertThat(c.find("OFCOM").orElseThrow().home()).containsExactly(Jurisdiction.of("GB"));
    assertThat(c.find("cyberspace administration of china!").orElseThrow().id()).isEqualTo("cn.cac");
    assertThat(c.find("Council of the European Union").orElseThrow().home()).hasSize(27);
    assertThat(c.find("Ministry of Truth")).isEmpty();
  }
}
