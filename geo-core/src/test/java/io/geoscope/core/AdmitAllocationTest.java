package io.geoscope.core;

import static io.geoscope.core.Fixtures.NOW;
import static io.geoscope.core.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The admit path allocates nothing. Measured by the JVM's per-thread allocation counter (no
 * timing): 10,000 admit decisions on a warmed engine must allocate less than one byte each.
 */
class AdmitAllocationTest {
  private static final int DECISIONS = 10_000;

  @Test
  void admittingAParticipantNoRuleMatchesAllocatesNothing() throws Exception {
    assumeTrue(
        ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
        "this JVM has no com.sun.management.ThreadMXBean; allocation is checked in geo-benchmarks");
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(
        threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
        "per-thread allocation counting is not available in this JVM");

    LegalBasis law = Fixtures.cybersecurityLaw();
    LegalBasis expired =
        LegalBasis.builder().authority("CAC").home("CN").kind(InstrumentKind.REGULATION)
            .citation("Old provisions").expires(LocalDate.of(2020, 1, 1)).build();
    Policy policy =
        Policy.builder("v1").operator(Fixtures.OPERATOR)
            .rule(Rule.builder("cn-tagged").basis(law).appliesIn("CN")
                .when(new Condition(Set.of("june-fourth", "tiananmen"), Set.of("public"),
                    EnumSet.of(Feature.RECORDING, Feature.CHAT)))
                .effect(Effect.denyJoin()).build())
            .rule(Rule.builder("cn-22-tagged").basis(law).appliesIn("CN-JL", "CN-BJ")
                .when(new Condition(Set.of(), Set.of("election"), Set.of()))
                .effect(Effect.notice("data-transfer")).build())
            .rule(Rule.builder("cn-expired").basis(expired).appliesIn("CN")
                .effect(Effect.denyJoin()).build())
            .rule(Rule.builder("ir-chat").basis(Fixtures.iranSanctions()).appliesIn("IR")
                .when(new Condition(Set.of(), Set.of(), EnumSet.of(Feature.FILE_TRANSFER)))
                .effect(Effect.disable(EnumSet.of(Feature.FILE_TRANSFER))).build())
            .build();
    DecisionEngine engine = DecisionEngine.builder(policy).build();
    // Rules exist for most of these places; none matches this meeting.
    Meeting meeting = new Meeting(Set.of("tiananmen", "internal"), EnumSet.of(Feature.VIDEO));
    List<Participant> people =
        List.of(at("a", Role.HOST, "US"), at("b", Role.ATTENDEE, "CN"),
            at("c", Role.ATTENDEE, "CN-JL"), at("d", Role.ATTENDEE, "IR"),
            at("e", Role.ATTENDEE, "HK"), new Participant("f", Role.ATTENDEE, Evidence.none()));
    Participant[] roster = people.toArray(new Participant[0]);
    Decision[] admits = new Decision[roster.length];
    for (int i = 0; i < roster.length; i++) {
      admits[i] = Decision.admit(roster[i].jurisdiction());
    }

    int wrong = decideAll(engine, roster, admits, meeting, 5 * DECISIONS);
    long before = threads.getCurrentThreadAllocatedBytes();
    wrong += decideAll(engine, roster, admits, meeting, DECISIONS);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(wrong).as("decisions that were not the constant admit").isZero();
    assertThat(allocated).as("bytes allocated by %d admit decisions", DECISIONS)
        .isLessThan(DECISIONS);
  }

  private static int decideAll(
      DecisionEngine engine, Participant[] roster, Decision[] admits, Meeting meeting, int n) {
    int wrong = 0;
    for (int i = 0; i < n; i++) {
      int k = i % roster.length;
      if (engine.decide(roster[k], meeting, NOW) != admits[k]) {
        wrong++;
      }
    }
    return wrong;
  }
}
