package com.example.joinhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Effect;
import io.geoscope.core.Evidence;
import io.geoscope.core.InstrumentKind;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Meeting;
import io.geoscope.core.Outcome;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.Role;
import io.geoscope.core.Rule;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JoinHookTest {
  @Test
  void aPolicyBuiltInCodeDeniesOnlyTheParticipantWhereTheLawBinds() throws Exception {
    Policy policy = Policy.builder("v1")
        .operator(io.geoscope.core.Operator.of("Example Meetings Inc.", "US"))
        .rule(Rule.builder("ofac-ir")
            .basis(LegalBasis.builder().authority("OFAC").kind(InstrumentKind.SANCTIONS)
                .citation("31 CFR 560")
                .extraterritorial("US sanctions bind the US operator wherever its users are")
                .build())
            .appliesIn("IR")
            .effect(Effect.denyJoin())
            .build())
        .build();
    DecisionEngine engine = DecisionEngine.builder(policy).build();
    Instant now = Instant.parse("2026-12-01T00:00:00Z");

    Participant inIran = new Participant("a", Role.HOST,
        Evidence.of(Jurisdiction.of("IR"), LocationSource.DECLARED, "join hook"));
    Participant inFrance = new Participant("b", Role.ATTENDEE,
        Evidence.of(Jurisdiction.of("FR"), LocationSource.DECLARED, "join hook"));

    assertEquals(Outcome.DENY, engine.decide(inIran, Meeting.plain(), now).outcome());
    assertEquals(Outcome.ADMIT, engine.decide(inFrance, Meeting.plain(), now).outcome());
  }
}
