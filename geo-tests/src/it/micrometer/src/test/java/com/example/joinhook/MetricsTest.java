package com.example.joinhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.Role;
import io.geoscope.micrometer.DecisionMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void theMicrometerOnTheClasspathIsTheLineUnderTest() {
    assertEquals(System.getProperty("expected.version"),
        Counter.class.getPackage().getImplementationVersion());
  }

  @Test
  void everyDecisionIsCountedInTheApplicationsRegistry() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DecisionEngine engine = DecisionEngine.builder(Policy.builder("v1").build())
        .listener(DecisionMetrics.of(registry))
        .build();
    Participant someone = new Participant("a", Role.ATTENDEE,
        Evidence.of(Jurisdiction.of("FR"), LocationSource.DECLARED, "join hook"));

    engine.decide(someone, Meeting.plain(), Instant.parse("2026-12-01T00:00:00Z"));
    engine.decide(someone, Meeting.plain(), Instant.parse("2026-12-01T00:00:01Z"));

    double total = 0;
    for (Counter c : registry.find(DecisionMetrics.METER).counters()) {
      total += c.count();
    }
    assertEquals(2, total);
  }
}
