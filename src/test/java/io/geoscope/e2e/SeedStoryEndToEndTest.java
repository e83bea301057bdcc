package io.geoscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Effect;
import io.geoscope.core.Feature;
import io.geoscope.core.Meeting;
import io.geoscope.core.Outcome;
import io.geoscope.core.Participant;
import io.geoscope.core.ParticipantDecision;
import io.geoscope.core.Policy;
import io.geoscope.core.Role;
import io.geoscope.geoip.GeoResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed story through the real pieces: the demo policy file, loaded by PolicyFiles, decided by
 * the DecisionEngine on evidence from a GeoResolver over a database our MmdbWriter wrote (and over
 * MaxMind's own test database when the shared data is present).
 */
class SeedStoryEndToEndTest {

  private static final Instant JUNE_FOURTH = Instant.parse("2026-06-04T12:00:00Z");
  private static final Meeting MEMORIAL =
      new Meeting(Set.of("june-fourth"), EnumSet.of(Feature.RECORDING));

  @TempDir static Path dir;

  static GeoResolver resolver;
  static DecisionEngine engine;

  @BeforeAll
  static void assemble() throws Exception {
    resolver = GeoResolver.builder().database(EndToEnd.writeDatabase(dir)).build();
    Policy policy = EndToEnd.load(EndToEnd.demoPolicyFile(dir));
    engine = DecisionEngine.builder(policy).build();
  }

  private static Participant at(String id, Role role, String ip) {
    return new Participant(id, role, resolver.resolve(ip));
  }

  private static List<Participant> roster() {
    List<Participant> roster = new ArrayList<>();
    roster.add(at("host", Role.HOST, "12.0.5.5"));
    roster.add(at("cohost", Role.CO_HOST, "14.0.1.1"));
    roster.add(at("beijing", Role.ATTENDEE, "1.0.0.77"));
    roster.add(at("shanghai", Role.PANELIST, "1.0.1.77"));
    roster.add(at("china", Role.ATTENDEE, "1.0.2.77"));
    roster.add(at("guangdong-v6", Role.ATTENDEE, "2400:dd00::9"));
    roster.add(at("berlin", Role.ATTENDEE, "2.16.9.9"));
    roster.add(at("tehran", Role.ATTENDEE, "5.62.3.3"));
    roster.add(at("california", Role.ATTENDEE, "8.8.8.8"));
    roster.add(at("seattle", Role.ATTENDEE, "13.0.0.1"));
    roster.add(at("taipei", Role.ATTENDEE, "27.0.0.1"));
    roster.add(at("macau", Role.ATTENDEE, "60.246.0.1"));
    roster.add(at("london", Role.ATTENDEE, "81.2.69.160"));
    roster.add(at("tokyo", Role.ATTENDEE, "2400:cb00::1"));
    return roster;
  }

  @Test
  void memorialMeetingDeniesOnlyParticipantsLocatedInMainlandChina() {
    for (ParticipantDecision pd : engine.decideRoster(roster(), MEMORIAL, JUNE_FOURTH)) {
      Decision d = pd.decision();
      boolean mainland = d.jurisdiction().country().code().equals("CN");
      assertThat(d.outcome() == Outcome.DENY).as(pd.toString()).isEqualTo(mainland);
      if (mainland) {
        assertThat(d.applied()).singleElement().satisfies(a -> {
          assertThat(a.ruleId()).isEqualTo("cn-topic-restriction");
          assertThat(a.authority()).isEqualTo("Cyberspace Administration of China");
          assertThat(a.citation()).isEqualTo("Cybersecurity Law of the PRC, art. 12");
          assertThat(a.evidence().producer()).contains("GeoIP2-City");
        });
      }
    }
  }

  @Test
  void hongKongMacauAndTaiwanAreTheirOwnCountriesAndAreNeverDenied() {
    for (ParticipantDecision pd : engine.decideRoster(roster(), MEMORIAL, JUNE_FOURTH)) {
      String country = pd.decision().jurisdiction().country().code();
      if (Set.of("HK", "MO", "TW").contains(country)) {
        assertThat(pd.decision().outcome()).as(pd.toString()).isEqualTo(Outcome.ADMIT);
      }
    }
  }

  @Test
  void hostAndCoHostAreUntouchedWhateverTheMeeting() {
    List<Meeting> meetings = List.of(Meeting.plain(), MEMORIAL,
        new Meeting(Set.of("june-fourth", "board"), EnumSet.allOf(Feature.class)));
    for (Meeting m : meetings) {
      for (ParticipantDecision pd : engine.decideRoster(roster(), m, JUNE_FOURTH)) {
        if (pd.role() == Role.HOST || pd.role() == Role.CO_HOST) {
          assertThat(pd.decision().outcome()).isEqualTo(Outcome.ADMIT);
          assertThat(pd.decision().effects()).isEmpty();
        }
      }
    }
  }

  @Test
  void iranianParticipantIsAdmittedWithTheSanctionsRuleLiftedByGeneralLicenceD2() {
    Decision d = engine.decide(at("tehran", Role.ATTENDEE, "5.62.3.3"), MEMORIAL, JUNE_FOURTH);
    assertThat(d.jurisdiction().code()).isEqualTo(EndToEnd.expected("5.62.0.0/18"));
    assertThat(d.outcome()).isEqualTo(Outcome.ADMIT);
    assertThat(d.lifted()).singleElement().satisfies(l -> {
      assertThat(l.ruleId()).isEqualTo("ofac-iran-conferencing");
      assertThat(l.exemptionId()).isEqualTo("ofac-gl-d2");
    });
  }

  @Test
  void consentNoticeGoesToAllPartyConsentStatesOnlyWhileRecording() {
    for (String ip : List.of("8.8.8.8", "13.0.0.1", "2a02:1000::1")) {
      Participant p = at("p", Role.ATTENDEE, ip);
      Decision recorded = engine.decide(p, MEMORIAL, JUNE_FOURTH);
      assertThat(recorded.outcome()).as(ip).isEqualTo(Outcome.ADMIT_LIMITED);
      assertThat(recorded.effects()).containsExactly(Effect.notice("recording-consent"));
      assertThat(recorded.applied()).singleElement()
          .satisfies(a -> assertThat(a.authority()).startsWith("State of"));
      Decision unrecorded = engine.decide(p, Meeting.tagged("june-fourth"), JUNE_FOURTH);
      assertThat(unrecorded.outcome()).as(ip).isEqualTo(Outcome.ADMIT);
    }
    // New York is a one-party-consent state: the host hears nothing.
    assertThat(engine.decide(at("h", Role.HOST, "12.0.0.1"), MEMORIAL, JUNE_FOURTH).effects())
        .isEmpty();
  }

  @Test
  void theStoryHoldsOnMaxMindsOwnCityTestDatabase() throws Exception {
    Path city = EndToEnd.sharedGeoip().resolve("maxmind-test-data/GeoIP2-City-Test.mmdb");
    assumeTrue(Files.exists(city), "GeoIP2-City-Test.mmdb absent; skipping");
    GeoResolver maxmind = GeoResolver.builder().database(city).build();
    // Known values from the shared README and MaxMind's source JSON.
    Decision china = engine.decide(
        new Participant("cn", Role.ATTENDEE, maxmind.resolve("175.16.199.5")), MEMORIAL, JUNE_FOURTH);
    assertThat(china.jurisdiction().code()).isEqualTo("CN-JL");
    assertThat(china.outcome()).isEqualTo(Outcome.DENY);
    Decision hongKong = engine.decide(
        new Participant("hk", Role.CO_HOST, maxmind.resolve("2001:2e0::1")), MEMORIAL, JUNE_FOURTH);
    assertThat(hongKong.jurisdiction().code()).isEqualTo("HK");
    assertThat(hongKong.outcome()).isEqualTo(Outcome.ADMIT);
    Decision washington = engine.decide(
        new Participant("wa", Role.HOST, maxmind.resolve("216.160.83.56")), MEMORIAL, JUNE_FOURTH);
    assertThat(washington.jurisdiction().code()).isEqualTo("US-WA");
    assertThat(washington.effects()).containsExactly(Effect.notice("recording-consent"));
    Decision iran = engine.decide(
        new Participant("ir", Role.ATTENDEE, maxmind.resolve("2a02:d2c0::1")), MEMORIAL, JUNE_FOURTH);
    assertThat(iran.jurisdiction().country().code()).isEqualTo("IR");
    assertThat(iran.outcome()).isEqualTo(Outcome.ADMIT);
    assertThat(iran.lifted()).isNotEmpty();
    Decision britain = engine.decide(
        new Participant("gb", Role.ATTENDEE, maxmind.resolve("81.2.69.160")), MEMORIAL, JUNE_FOURTH);
    assertThat(britain.jurisdiction().code()).isEqualTo("GB-ENG");
    assertThat(britain.outcome()).isEqualTo(Outcome.ADMIT);
  }
}
