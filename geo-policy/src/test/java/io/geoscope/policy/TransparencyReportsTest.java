package io.geoscope.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.geoscope.core.DecisionEvent;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Outcome;
import io.geoscope.core.Role;
import io.geoscope.event.TransparencyReport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransparencyReportsTest {
  static final Instant T0 = Instant.parse("2026-11-29T00:00:00Z");

  static DecisionEvent event(Instant at, String where, Outcome outcome, List<String> rules,
      List<String> citations, List<String> shadow) {
    return new DecisionEvent(at, "v1", "participant-secret-id", Role.ATTENDEE,
        Jurisdiction.of(where), outcome, rules, citations, shadow, LocationSource.IP_GEOLOCATION,
        "test-db");
  }

  @Test
  void theTextAndJsonShowTheFiguresButNoParticipant() {
    List<DecisionEvent> events = List.of(
        event(T0, "IR", Outcome.DENY, List.of("ofac"), List.of("31 CFR part 560"), List.of()));
    TransparencyReport r = TransparencyReport.of(events, T0, T0.plusSeconds(60));

    assertThat(TransparencyReports.toText(r)).contains("IR").contains("ofac").contains("31 CFR part 560")
        .doesNotContain("participant-secret-id");
    assertThat(TransparencyReports.toJson(r)).contains("\"deny\" : 1").contains("\"31 CFR part 560\" : 1")
        .doesNotContain("participant-secret-id");
  }
}
