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
import io.geoscope.event.TransparencyCollector;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * The join path allocates nothing once a decision is prebuilt: admits, admit-limiteds and denies,
 * with listeners. Measured by the JVM's per-thread allocation counter (no timing): 10,000
 * decisions on a warmed engine must allocate less than one byte each. A guard, not a performance
 * claim (that is JMH's, in geo-benchmarks).
 */
class AdmitAllocationTest {
  private static final int DECISIONS = 10_000;

  private static com.sun.management.ThreadMXBean threads() {
    assumeTrue(
        ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
        "this JVM has no com.sun.management.ThreadMXBean; allocation is checked in geo-benchmarks");
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(
        threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
        "per-thread allocation counting is not available in this JVM");
    return threads;
  }

  @Test
  void admittingAParticipantNoRuleMatchesAllocatesNothing() throws Exception {
    com.sun.management.ThreadMXBean threads = threads();
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
    LongAdder heard = new LongAdder();
    DecisionEngine engine = DecisionEngine.builder(policy)
        .listener(TransparencyCollector.create())
        .listener((when, who, role, decision) -> heard.increment())
        .build();
    // Rules exist for most of these places; none matches this meeting.
    Meeting meeting = new Meeting(Set.of("tiananmen", "internal"), EnumSet.of(Feature.VIDEO));
    List<Participant> people =
        List.of(at("a", Role.HOST, "US"), at("b", Role.ATTENDEE, "CN"),
            at("c", Role.ATTENDEE, "CN-JL"), at("d", Role.ATTENDEE, "IR"),
            at("e", Role.ATTENDEE, "HK"), new Participant("f", Role.ATTENDEE, Evidence.none()));
    Participant[] roster = people.toArray(new Participant[0]);
    Decision[] admits = new Decision[roster.length];
    for (int i = 0; i < roster.length; i++) {
      admits[i] = engine.decide(roster[i], meeting, NOW);
      assertThat(admits[i].outcome()).isEqualTo(Outcome.ADMIT);
      assertThat(admits[i].evidence()).isSameAs(roster[i].evidence());
      assertThat(admits[i].policyVersion()).isEqualTo("v1");
    }

    int wrong = decideAll(engine, roster, admits, meeting, 5 * DECISIONS);
    long before = threads.getCurrentThreadAllocatedBytes();
    wrong += decideAll(engine, roster, admits, meeting, DECISIONS);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(wrong).as("decisions that were not the prebuilt admit").isZero();
    assertThat(allocated).as("bytes allocated by %d admit decisions", DECISIONS)
        .isLessThan(DECISIONS);
    assertThat(heard.sum()).as("the second listener heard every decision")
        .isEqualTo(roster.length + 6L * DECISIONS);
  }

  @Test
  void limitingAndDenyingAPreviouslySeenParticipantAllocatesNothing() throws Exception {
    com.sun.management.ThreadMXBean threads = threads();
    Policy policy =
        Policy.builder("v2").operator(Fixtures.OPERATOR)
            .rule(Rule.builder("cn-deny").basis(Fixtures.cybersecurityLaw()).appliesIn("CN")
                .when(new Condition(Set.of("june-fourth"), Set.of(), Set.of()))
                .effect(Effect.denyJoin()).build())
            .rule(Rule.builder("ir-files").basis(Fixtures.iranSanctions()).appliesIn("IR")
                .effect(Effect.disable(EnumSet.of(Feature.FILE_TRANSFER))).build())
            .build();
    TransparencyCollector collector = TransparencyCollector.create();
    DecisionEngine engine = DecisionEngine.builder(policy).listener(collector).build();
    Meeting meeting = Meeting.tagged("june-fourth");
    Participant[] roster = {at("b", Role.ATTENDEE, "CN-22"), at("d", Role.ATTENDEE, "IR")};
    Decision[] prebuilt = {engine.decide(roster[0], meeting, NOW),
        engine.decide(roster[1], meeting, NOW)};
    assertThat(prebuilt[0].outcome()).isEqualTo(Outcome.DENY);
    assertThat(prebuilt[1].outcome()).isEqualTo(Outcome.ADMIT_LIMITED);

    int wrong = decideAll(engine, roster, prebuilt, meeting, 5 * DECISIONS);
    long before = threads.getCurrentThreadAllocatedBytes();
    wrong += decideAll(engine, roster, prebuilt, meeting, DECISIONS);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(wrong).as("decisions that were not the prebuilt one").isZero();
    assertThat(allocated).as("bytes allocated by %d deny/limit decisions", DECISIONS)
        .isLessThan(DECISIONS);
    assertThat(collector.report(NOW.truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
            NOW.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(60))
        .byOutcome()).containsEntry(Outcome.DENY, 3L * DECISIONS + 1);
  }

  private static int decideAll(
      DecisionEngine engine, Participant[] roster, Decision[] admits, Meeting meeting, int n) {
    int wrong = 0;
    for (int i = 0; i < n; i++) {
      int k = i % roster.length;
      Participant p = roster[k];
      // Both forms: the Participant one and the join path's id, role and evidence.
      Decision d = (i & 1) == 0
          ? engine.decide(p, meeting, NOW)
          : engine.decide(p.id(), p.role(), p.evidence(), meeting, NOW);
      if (d != admits[k]) {
        wrong++;
      }
    }
    return wrong;
  }
}
