package io.geoscope.core;

import static io.geoscope.core.Fixtures.NOW;
import static io.geoscope.core.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DecisionEngineTest {

  private static Policy chinaDenies(String... appliesIn) throws PolicyValidationException {
    return Policy.builder("v7").operator(Fixtures.OPERATOR)
        .rule(Rule.builder("cn-deny").basis(Fixtures.cybersecurityLaw()).appliesIn(appliesIn)
            .effect(Effect.denyJoin()).build())
        .build();
  }

  @Test
  void theListenerHearsOfEveryDecisionWithoutChangingIt() throws Exception {
    List<DecisionEvent> events = new ArrayList<>();
    DecisionEngine engine = DecisionEngine.builder(chinaDenies("CN")).listener((when, who, role, decision) -> events.add(DecisionEvent.of(when, who, role, decision))).build();
    Participant p = at("p1", Role.PANELIST, "CN-JL");

    Decision d = engine.decide(p, Meeting.plain(), NOW);

    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.at()).isEqualTo(NOW);
      assertThat(e.policyVersion()).isEqualTo("v7");
      assertThat(e.participantId()).isEqualTo("p1");
      assertThat(e.role()).isEqualTo(Role.PANELIST);
      assertThat(e.jurisdiction()).isSameAs(d.jurisdiction());
      assertThat(e.outcome()).isEqualTo(Outcome.DENY);
      assertThat(e.ruleIds()).containsExactly("cn-deny");
      assertThat(e.citations()).containsExactly("Cybersecurity Law of the PRC, art. 12");
      assertThat(e.source()).isEqualTo(LocationSource.DECLARED);
      assertThat(e.producer()).isEqualTo("test");
    });
  }

  @Test
  void aFailingListenerNeverChangesADecision() throws Exception {
    Policy policy = chinaDenies("CN");
    DecisionEngine quiet = DecisionEngine.builder(policy).build();
    DecisionEngine failing =
        DecisionEngine.builder(policy)
            .listener((when, who, role, decision) -> {
              throw new IllegalStateException("audit sink down");
            })
            .build();

    for (String where : List.of("CN", "DE")) {
      Participant p = at("p", Role.HOST, where);
      assertThat(failing.decide(p, Meeting.plain(), NOW))
          .isEqualTo(quiet.decide(p, Meeting.plain(), NOW));
    }
  }

  @Test
  void everyListenerAddedIsCalledInOrderAndAFailingOneIsCountedWithoutStoppingTheNext()
      throws Exception {
    List<String> calls = new ArrayList<>();
    DecisionEngine engine = DecisionEngine.builder(chinaDenies("CN"))
        .listener((when, who, role, decision) -> calls.add("first " + who))
        .listener((when, who, role, decision) -> {
          throw new IllegalStateException("audit sink down");
        })
        .listener((when, who, role, decision) -> calls.add("third " + decision.outcome().code()))
        .build();

    engine.decide(at("p1", Role.HOST, "CN"), Meeting.plain(), NOW);
    engine.decide(at("p2", Role.HOST, "DE"), Meeting.plain(), NOW);

    assertThat(calls).containsExactly("first p1", "third deny", "first p2", "third admit");
    assertThat(engine.listenerFailures()).isEqualTo(2);
    assertThat(DecisionEngine.builder(chinaDenies("CN")).build().listenerFailures()).isZero();
  }

  @Test
  void theJoinPathFormDecidesAndReportsAsAOneSignalParticipantDoes() throws Exception {
    List<String> heard = new ArrayList<>();
    DecisionEngine engine = DecisionEngine.builder(chinaDenies("CN"))
        .listener((when, who, role, decision) ->
            heard.add(when + " " + who + " " + role.code() + " " + decision.outcome().code()))
        .build();
    for (String where : List.of("CN-JL", "DE")) {
      Participant p = at("p-" + where, Role.PANELIST, where);
      Decision byParts = engine.decide(p.id(), p.role(), p.evidence(), Meeting.plain(), NOW);
      assertThat(byParts).isSameAs(engine.decide(p, Meeting.plain(), NOW));
    }
    assertThat(heard).containsExactly(
        NOW + " p-CN-JL panelist deny", NOW + " p-CN-JL panelist deny",
        NOW + " p-DE panelist admit", NOW + " p-DE panelist admit");
    Evidence cn = at("x", Role.HOST, "CN").evidence();
    assertThatThrownBy(() -> engine.decide(" ", Role.HOST, cn, Meeting.plain(), NOW))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    assertThatThrownBy(() -> engine.decide("x", null, cn, Meeting.plain(), NOW))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("role");
    assertThat(heard).hasSize(4);
  }

  @Test
  void aDecisionNamesItsPolicyVersionAndEvidenceAndIsBuiltOnce() throws Exception {
    DecisionEngine engine = DecisionEngine.builder(chinaDenies("CN")).build();
    for (String where : List.of("CN-22", "DE")) {
      Participant p = at("p", Role.ATTENDEE, where);
      Decision first = engine.decide(p, Meeting.plain(), NOW);
      assertThat(first.policyVersion()).isEqualTo("v7");
      assertThat(first.evidence()).isEqualTo(p.evidence());
      Participant again = at("q", Role.HOST, where);
      assertThat(engine.decide(again, Meeting.plain(), NOW.plusSeconds(5))).isSameAs(first);
    }
    Participant other = new Participant("p", Role.ATTENDEE,
        Evidence.of(Jurisdiction.of("CN-22"), LocationSource.IP_GEOLOCATION, "GeoLite2-City"));
    Decision byDatabase = engine.decide(other, Meeting.plain(), NOW);
    assertThat(byDatabase.evidence()).isSameAs(other.evidence());
    assertThat(byDatabase.applied()).singleElement()
        .satisfies(a -> assertThat(a.evidence()).isSameAs(other.evidence()));
  }

  @Test
  void withoutAnInstantTheEngineAsksItsClock() throws Exception {
    LegalBasis fromTheFifth =
        LegalBasis.builder().authority("CAC").home("CN").kind(InstrumentKind.REGULATION)
            .citation("Provisions").effective(LocalDate.of(2026, 6, 5)).build();
    Policy policy =
        Policy.builder("v1").operator(Fixtures.OPERATOR)
            .rule(Rule.builder("later").basis(fromTheFifth).appliesIn("CN")
                .effect(Effect.denyJoin()).build())
            .build();
    Participant p = at("p", Role.ATTENDEE, "CN");
    Clock fourth = Clock.fixed(NOW, ZoneOffset.UTC);
    Clock fifth = Clock.fixed(NOW.plusSeconds(86_400), ZoneOffset.UTC);

    assertThat(DecisionEngine.builder(policy).clock(fourth).build()
        .decide(p, Meeting.plain()).outcome()).isEqualTo(Outcome.ADMIT);
    assertThat(DecisionEngine.builder(policy).clock(fifth).build()
        .decideRoster(List.of(p), Meeting.plain()).get(0).decision().outcome())
        .isEqualTo(Outcome.DENY);
  }

  @Test
  void aSubdivisionTheRuleDoesNotNameIsStillBoundByItsCountrysRules() throws Exception {
    DecisionEngine engine = DecisionEngine.builder(chinaDenies("CN")).build();
    Participant p = at("p", Role.ATTENDEE, "CN-XZ");

    assertThat(engine.decide(p, Meeting.plain(), NOW).outcome()).isEqualTo(Outcome.DENY);
  }

  @Test
  void aRuleOnAParentSubdivisionCoversEveryNestedChildAndNoSibling() {
    LegalBasis uk = LegalBasis.builder().authority("Parliament of the United Kingdom")
        .kind(InstrumentKind.STATUTE).citation("Online Safety Act 2023, s. 12").build();
    Policy policy = Policy.builder("v1")
        .rule(Rule.builder("eng").basis(uk).appliesIn("GB-ENG").effect(Effect.denyJoin()).build())
        .build();
    DecisionEngine engine = DecisionEngine.builder(policy).build();

    assertThat(engine.decide(at("p", Role.ATTENDEE, "GB-WBK"), Meeting.plain(), NOW).outcome())
        .isEqualTo(Outcome.DENY);
    assertThat(engine.decide(at("p", Role.ATTENDEE, "GB-ENG"), Meeting.plain(), NOW).outcome())
        .isEqualTo(Outcome.DENY);
    assertThat(engine.decide(at("p", Role.ATTENDEE, "GB-SCT"), Meeting.plain(), NOW).outcome())
        .isEqualTo(Outcome.ADMIT);
    assertThat(engine.decide(at("p", Role.ATTENDEE, "GB"), Meeting.plain(), NOW).outcome())
        .isEqualTo(Outcome.ADMIT);
  }

  @Test
  void aRuleNamingACountryAndItsSubdivisionAppliesOnce() throws Exception {
    DecisionEngine engine = DecisionEngine.builder(chinaDenies("CN-JL", "CN")).build();

    Decision d = engine.decide(at("p", Role.ATTENDEE, "CN-JL"), Meeting.plain(), NOW);

    assertThat(d.applied()).extracting(AppliedRule::ruleId).containsExactly("cn-deny");
  }

  @Test
  void aRuleScopedToASubdivisionLeavesTheRestOfTheCountryAlone() throws Exception {
    DecisionEngine engine = DecisionEngine.builder(chinaDenies("CN-JL")).build();

    assertThat(engine.decide(at("p", Role.ATTENDEE, "CN-JL"), Meeting.plain(), NOW).outcome())
        .isEqualTo(Outcome.DENY);
    for (String elsewhere : List.of("CN", "CN-BJ", "HK", "MO", "TW")) {
      Participant p = at("p", Role.ATTENDEE, elsewhere);
      Decision d = engine.decide(p, Meeting.plain(), NOW);
      assertThat(d).as(elsewhere).isEqualTo(Fixtures.plainAdmit("v7", p.evidence()));
      assertThat(engine.decide(p, Meeting.plain(), NOW)).as("prebuilt").isSameAs(d);
    }
  }

  @Test
  void anUnknownParticipantMeetsOnlyRulesThatApplyOnUnknownAndNoExemption() throws Exception {
    LegalBasis sanctions = Fixtures.iranSanctions();
    Policy policy =
        Policy.builder("v1").operator(Fixtures.OPERATOR)
            .rule(Rule.builder("ir-deny").basis(sanctions).appliesIn("IR")
                .effect(Effect.denyJoin()).onUnknown(OnUnknown.APPLY).build())
            .rule(Rule.builder("cn-deny").basis(Fixtures.cybersecurityLaw()).appliesIn("CN")
                .effect(Effect.denyJoin()).build())
            .exemption(new Exemption("gl", LegalBasis.builder().authority("OFAC")
                .kind(InstrumentKind.GENERAL_LICENCE).citation("OFAC General License D-2")
                .extraterritorial("a general licence under the Iranian sanctions regulations")
                .build(), Scope.of("IR"), Set.of("ir-deny")))
            .build();
    DecisionEngine engine = DecisionEngine.builder(policy).build();

    Decision d = engine.decide(Evidence.none(), Meeting.plain(), NOW);

    assertThat(d.jurisdiction()).isSameAs(Jurisdiction.unknown(UnknownReason.NO_EVIDENCE));
    assertThat(d.applied()).extracting(AppliedRule::ruleId).containsExactly("ir-deny");
    assertThat(d.lifted()).isEmpty();
    assertThat(d.describe()).isEqualTo("not available from unknown:no-evidence under 31 CFR part 560");
    // In Iran itself the general licence lifts the rule.
    assertThat(engine.decide(at("p", Role.ATTENDEE, "IR"), Meeting.plain(), NOW).lifted())
        .extracting(LiftedRule::exemptionId).containsExactly("gl");
  }

  @Test
  void nullArgumentsAreRejectedByName() throws Exception {
    DecisionEngine engine = DecisionEngine.builder(chinaDenies("CN")).build();

    assertThatThrownBy(() -> engine.decide((Evidence) null, Meeting.plain(), NOW))
        .isInstanceOf(NullPointerException.class).hasMessage("evidence");
    assertThatThrownBy(() -> engine.decide(Evidence.none(), null, NOW))
        .isInstanceOf(NullPointerException.class).hasMessage("meeting");
    assertThatThrownBy(() -> engine.decide(Evidence.none(), Meeting.plain(), null))
        .isInstanceOf(NullPointerException.class).hasMessage("at");
    assertThat(engine.policy()).isEqualTo(chinaDenies("CN"));
  }

  @Test
  void oneEngineServesManyThreadsWithTheSameDecisions() throws Exception {
    Policy policy = chinaDenies("CN");
    DecisionEngine engine = DecisionEngine.builder(policy).build();
    List<Participant> people =
        List.of(at("a", Role.HOST, "US"), at("b", Role.ATTENDEE, "CN-JL"),
            at("c", Role.ATTENDEE, "HK"), new Participant("d", Role.ATTENDEE, Evidence.none()));
    // What one thread decides with a fresh engine; the shared engine must agree on every call.
    DecisionEngine alone = DecisionEngine.builder(policy).build();
    List<Decision> single = new ArrayList<>();
    for (Participant p : people) {
      single.add(alone.decide(p, Meeting.plain(), NOW));
    }
    int threads = 4;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(pool.submit(() -> {
          start.await();
          int checked = 0;
          for (int i = 0; i < 20_000; i++) {
            Participant p = people.get(i % people.size());
            Decision d = engine.decide(p, Meeting.plain(), NOW);
            Decision expected = single.get(i % people.size());
            if (!d.equals(expected)) {
              throw new AssertionError(p + ": " + d + " != " + expected);
            }
            checked++;
          }
          return checked;
        }));
      }
      for (Future<Integer> f : results) {
        assertThat(f.get()).isEqualTo(20_000);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
