package io.geoscope.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Meeting;
import io.geoscope.core.Outcome;
import io.geoscope.core.Policy;
import io.geoscope.core.Rule;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PoliciesTest {

  private static final Instant AT = Instant.parse("2026-06-17T12:00:00Z");

  @Test
  void bothScaledPoliciesGiveTheParticipantTheSameFiveRulesAndTheLargeOneHasTenThousand() {
    Policy small = Policies.scaled(10, 1);
    Policy large = Policies.scaled(10_000, 1);
    assertThat(small.rules()).hasSize(10);
    assertThat(large.rules()).hasSize(10_000);
    assertThat(naming(small)).isEqualTo(5);
    assertThat(naming(large)).isEqualTo(5);
  }

  @Test
  void theRealisticPolicyDeniesOnlyTheDeniedCountriesInAJuneFourthMeeting() {
    DecisionEngine engine = DecisionEngine.builder(Policies.realistic()).build();
    Meeting meeting = Meeting.tagged(Policies.TAG);
    for (Jurisdiction country : Jurisdiction.countries()) {
      Outcome outcome =
          engine
              .decide(Evidence.of(country, LocationSource.IP_GEOLOCATION, "test"), meeting, AT)
              .outcome();
      assertThat(outcome == Outcome.DENY)
          .as(country.code())
          .isEqualTo(Policies.DENIED.contains(country.code()));
    }
  }

  private static long naming(Policy policy) {
    Jurisdiction caState = Jurisdiction.of("US-CA");
    return policy.rules().stream()
        .map(Rule::appliesIn)
        .filter(scope -> scope.members().stream().anyMatch(m -> caState.within(m)))
        .count();
  }
}
