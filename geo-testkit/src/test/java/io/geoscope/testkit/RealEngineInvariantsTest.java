package io.geoscope.testkit;

import static io.geoscope.testkit.KitGen.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.quicktheories.QuickTheory.qt;

import io.geoscope.core.Jurisdiction;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.Role;
import io.geoscope.core.Rule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RealEngineInvariantsTest {

  @Test
  void theRealEngineKeepsEveryInvariantOnGeneratedPolicies() {
    qt().withExamples(60)
        .forAll(gen(Generators.policies()))
        .checkAssert(
            policy -> {
              InvariantReport report = PolicyInvariants.forPolicy(policy).examples(25).run();
              assertThat(report.violations()).as(report.toString()).isEmpty();
              assertThat(report.checked()).isEqualTo(EnumSet.allOf(Invariant.class));
            });
  }

  @Test
  void theRealEngineKeepsEveryInvariantOnAHandWrittenPolicy() {
    InvariantReport report = PolicyInvariants.check(SamplePolicies.realistic());

    assertThat(report.passed()).isTrue();
    assertThat(report.examples()).isEqualTo(PolicyInvariants.DEFAULT_EXAMPLES);
    assertThat(report.seed()).isEqualTo(PolicyInvariants.DEFAULT_SEED);
  }

  @Test
  void theCheckerVisitsThePolicysJurisdictionsUnknownPlacesEveryRoleAndBothSidesOfItsDates() {
    Policy policy = SamplePolicies.realistic();
    List<Participant> seen = new ArrayList<>();
    Set<Instant> instants = new HashSet<>();
    Decider recording =
        (p, who, meeting, at) -> {
          seen.add(who);
          instants.add(at);
          return Decider.engine().decide(p, who, meeting, at);
        };

    PolicyInvariants.forPolicy(policy).decider(recording).examples(300).check();

    for (Rule r : policy.rules()) {
      assertThat(seen).as("someone inside %s", r.id()).anyMatch(p -> r.appliesIn().covers(p.jurisdiction()));
    }
    assertThat(seen).anyMatch(p -> !p.jurisdiction().isKnown());
    assertThat(seen).anyMatch(p -> p.jurisdiction().isKnown() && policy.rules().stream().noneMatch(r -> r.appliesIn().covers(p.jurisdiction())));
    assertThat(seen).extracting(Participant::role).contains(Role.values());
    Rule expiring = SamplePolicies.RU_EXPIRED;
    assertThat(instants).anyMatch(i -> expiring.basis().inForceAt(i));
    assertThat(instants).anyMatch(i -> !expiring.basis().inForceAt(i) && i.isAfter(Instant.parse("2025-01-01T00:00:00Z")));
    assertThat(instants).anyMatch(i -> !expiring.basis().inForceAt(i) && i.isBefore(Instant.parse("2021-03-01T00:00:00Z")));
  }

  @Test
  void givenInstantsAreTheOnlyOnesDecidedAt() {
    Instant only = Instant.parse("2027-02-03T04:05:06Z");
    Set<Instant> instants = new HashSet<>();
    Decider recording =
        (p, who, meeting, at) -> {
          instants.add(at);
          return Decider.engine().decide(p, who, meeting, at);
        };

    PolicyInvariants.forPolicy(SamplePolicies.realistic()).at(only).decider(recording).examples(20).check();

    assertThat(instants).containsExactly(only);
  }

  @Test
  void onlyTheChosenInvariantsAreChecked() {
    // Hosts are decided as if the meeting were tagged june-fourth: a host-only bug.
    Decider hostsSeeJuneFourth =
        (p, who, meeting, at) -> {
          if (who.role() != Role.HOST) {
            return Decider.engine().decide(p, who, meeting, at);
          }
          Set<String> tags = new HashSet<>(meeting.tags());
          tags.add("june-fourth");
          return Decider.engine().decide(p, who, new Meeting(tags, meeting.featuresInUse()), at);
        };

    InvariantReport report =
        PolicyInvariants.forPolicy(SamplePolicies.realistic())
            .decider(hostsSeeJuneFourth)
            .only(Invariant.INDEPENDENCE, Invariant.LOCALITY)
            .run();

    assertThat(report.checked()).containsExactlyInAnyOrder(Invariant.INDEPENDENCE, Invariant.LOCALITY);
    assertThat(report.passed()).isTrue();
    assertThat(
            PolicyInvariants.forPolicy(SamplePolicies.realistic())
                .decider(hostsSeeJuneFourth)
                .only(Invariant.HOST_EQUALITY)
                .run()
                .violation(Invariant.HOST_EQUALITY))
        .hasValueSatisfying(v -> assertThat(v.ruleIds()).as(v.getMessage()).containsExactly("cn-june-fourth"));
  }

  @Test
  void badOptionsAreRejectedNamingTheOption() {
    PolicyInvariants options = PolicyInvariants.forPolicy(SamplePolicies.realistic());

    assertThatIllegalArgumentException().isThrownBy(() -> options.examples(0)).withMessageContaining("examples");
    assertThatIllegalArgumentException().isThrownBy(() -> options.maxRoster(0)).withMessageContaining("maxRoster");
    assertThatIllegalArgumentException().isThrownBy(() -> options.at(List.of())).withMessageContaining("instant");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Counterexample(Policy.empty("v"), List.of(), Meeting.plain(), Instant.EPOCH))
        .withMessageContaining("participant");
  }

  @Test
  void theEmptyPolicyAdmitsEveryoneAndPassesTrivially() {
    Policy empty = Policy.empty("empty");

    assertThat(PolicyInvariants.forPolicy(empty).examples(50).check().passed()).isTrue();
    assertThat(Generators.jurisdictionsFor(empty)).contains(Jurisdiction.of("CN"), Jurisdiction.of("TW"));
  }
}
