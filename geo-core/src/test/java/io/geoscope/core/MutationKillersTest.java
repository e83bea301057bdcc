package io.geoscope.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Contracts that PIT (the {@code mutation} profile) showed no other test pinned down: the policy
 * file codes of every enum, the value semantics of {@link Policy}, problem rendering, and two
 * validation boundaries.
 */
class MutationKillersTest {

  @Test
  void everyCodeReadsBackAsItsOwnConstantAndUnknownCodesAreRejectedByName() {
    assertCodes(Role.values(), Role::code, Role::fromCode);
    assertCodes(Feature.values(), Feature::code, Feature::fromCode);
    assertCodes(UnknownReason.values(), UnknownReason::code, UnknownReason::fromCode);
    assertCodes(LocationSource.values(), LocationSource::code, LocationSource::fromCode);
    assertCodes(OnUnknown.values(), OnUnknown::code, OnUnknown::fromCode);
    assertCodes(Mode.values(), Mode::code, Mode::fromCode);
    assertCodes(InstrumentKind.values(), InstrumentKind::code, InstrumentKind::fromCode);
  }

  private static <E extends Enum<E>> void assertCodes(
      E[] values, Function<E, String> code, Function<String, E> fromCode) {
    for (E value : values) {
      assertThat(code.apply(value)).as("%s", value).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(fromCode.apply(code.apply(value))).isSameAs(value);
    }
    assertThat(List.of(values).stream().map(code).distinct()).hasSize(values.length);
    assertThatThrownBy(() -> fromCode.apply("no-such-code"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'no-such-code'");
  }

  @Test
  void policiesAreEqualExactlyWhenVersionRulesAndExemptionsAre() throws Exception {
    Rule rule = Rule.builder("cn-deny").basis(Fixtures.cybersecurityLaw()).appliesIn("CN")
        .effect(Effect.denyJoin()).build();
    Policy one = Policy.builder("v1").operator(Fixtures.OPERATOR).rule(rule).build();
    Policy same = Policy.builder("v1").operator(Fixtures.OPERATOR).rule(rule).build();
    Policy otherVersion = Policy.builder("v2").operator(Fixtures.OPERATOR).rule(rule).build();
    Policy noRules = Policy.empty("v1");

    assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(one).isNotEqualTo(otherVersion).isNotEqualTo(noRules).isNotEqualTo("v1");
    assertThat(one.hashCode()).isNotEqualTo(otherVersion.hashCode()).isNotEqualTo(noRules.hashCode());
    assertThat(one.toString()).contains("v1").contains("1 rules").contains("0 exemptions");
  }

  @Test
  void aProblemRendersAsSubjectFieldAndMessage() {
    PolicyProblem problem =
        new PolicyProblem(PolicyProblem.Code.MISSING_FIELD, "r", "rules[0]", "basis", "is required");
    assertThat(problem.toString()).isEqualTo("r basis: is required");
    assertThat(problem.entry()).isEqualTo("rules[0]");
  }

  @Test
  void effectsPrintAsTheirKind() {
    assertThat(Effect.denyJoin()).hasToString(Effect.denyJoin().kind());
  }

  @Test
  void aSubdivisionPartHasOneToThreeCharacters() {
    assertThat(Jurisdiction.of("GB-ENG").code()).isEqualTo("GB-ENG");
    assertThat(Jurisdiction.of("CN-JL").code()).isEqualTo("CN-JL");
    assertThat(Jurisdiction.of("FR-09").code()).isEqualTo("FR-09");
    assertThat(Jurisdiction.subdivision(Jurisdiction.of("FR"), "90").code()).isEqualTo("FR-90");
    assertThatThrownBy(() -> Jurisdiction.subdivision(Jurisdiction.of("FR"), "9:"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Jurisdiction.of("FR-0/")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Jurisdiction.of("FR-0:")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Jurisdiction.of("GB-ENGL")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'GB-ENGL'");
  }

  @Test
  void distinctJurisdictionsNeverCompareAsEqual() {
    List<Jurisdiction> all = List.of(Jurisdiction.of("CN"), Jurisdiction.of("CN-JL"), Jurisdiction.of("DE"),
        Jurisdiction.of("HK"), Jurisdiction.of("US-CA"), Jurisdiction.of("US"));
    assertThat(new TreeSet<>(all)).hasSameSizeAs(all);
    for (Jurisdiction a : all) {
      for (Jurisdiction b : all) {
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
        assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
      }
    }
  }

  @Test
  void anExemptionIdHasTheShapeOfARuleId() {
    assertThatThrownBy(() -> new Exemption("bad id!", Fixtures.iranSanctions(), Scope.of("IR"), Set.of("r")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exemption id 'bad id!'");
  }
}
