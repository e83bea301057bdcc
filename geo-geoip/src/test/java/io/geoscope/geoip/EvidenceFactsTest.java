package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import io.geoscope.core.Anonymizer;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Effect;
import io.geoscope.core.Evidence;
import io.geoscope.core.InstrumentKind;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.Meeting;
import io.geoscope.core.OnAnonymizer;
import io.geoscope.core.OnImprecise;
import io.geoscope.core.Policy;
import io.geoscope.core.Precision;
import io.geoscope.core.Rule;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Precision, accuracy radius and anonymizer facts from MaxMind's own test databases. */
class EvidenceFactsTest {
  private static final Instant NOW = Instant.parse("2026-06-04T08:00:00Z");
  private static final Meeting MEETING = new Meeting(Set.of(), Set.of());

  private static GeoResolver city() throws DatabaseException {
    return GeoResolver.builder().database(SharedData.testDb("GeoIP2-City-Test.mmdb")).build();
  }

  private static Rule crimea(OnImprecise onImprecise) {
    return Rule.builder("ofac-crimea")
        .basis(LegalBasis.builder().authority("OFAC").home("US").territory("UA-43")
            .extraterritorial("EO 13685: US persons may not export services to Crimea")
            .kind(InstrumentKind.SANCTIONS).citation("31 CFR part 589").build())
        .appliesIn("UA-43").effect(Effect.denyJoin()).onImprecise(onImprecise).build();
  }

  private static Rule californiaNotice(OnImprecise onImprecise) {
    return Rule.builder("ca-notice")
        .basis(LegalBasis.builder().authority("California").home("US-CA")
            .kind(InstrumentKind.STATUTE).citation("Cal. Penal Code 632").build())
        .appliesIn("US-CA").effect(Effect.notice("recording-consent")).onImprecise(onImprecise).build();
  }

  private static Decision decide(Rule rule, Evidence e) throws Exception {
    // An operator subject to US and UK law, so OFAC, California and Ofcom are its own law.
    return DecisionEngine.builder(Policy.of("v",
            java.util.Optional.of(io.geoscope.core.Operator.of("Example Meetings Inc.", "US", "GB")),
            List.of(), List.of(rule), List.of()))
        .build().decide(e, MEETING, NOW);
  }

  @Test
  void anAddressTheCityTestDatabasePlacesOnlyInUkraineMeetsACrimeaRuleOnlyWithOnImpreciseApply()
      throws Exception {
    Evidence ua = city().resolve("2a02:d300::1");
    assertThat(ua.jurisdiction()).isEqualTo(Jurisdiction.of("UA"));
    assertThat(ua.precision()).isEqualTo(Precision.COUNTRY);
    assertThat(ua.accuracyRadiusKm()).isEqualTo(100);
    assertThat(decide(crimea(OnImprecise.SKIP), ua).admitted()).isTrue();
    assertThat(decide(crimea(OnImprecise.APPLY), ua).admitted()).isFalse();
  }

  @Test
  void anAddressPlacedOnlyInTheUnitedStatesGetsTheCaliforniaNoticeOnlyWithOnImpreciseApply()
      throws Exception {
    GeoResolver city = city();
    Evidence us = city.resolve("149.101.100.1");
    assertThat(us.jurisdiction()).isEqualTo(Jurisdiction.of("US"));
    assertThat(us.accuracyRadiusKm()).isEqualTo(1000);
    assertThat(decide(californiaNotice(OnImprecise.SKIP), us).effects()).isEmpty();
    assertThat(decide(californiaNotice(OnImprecise.APPLY), us).effects()).isNotEmpty();
    Evidence california = city.resolve("214.78.120.1");
    assertThat(california.precision()).isEqualTo(Precision.SUBDIVISION);
    assertThat(decide(californiaNotice(OnImprecise.SKIP), california).effects()).isNotEmpty();
  }

  @Test
  void anonymizerFlagsBecomeTypedFactsThatARuleCanSkipOrApplyOn() throws Exception {
    GeoResolver resolver =
        GeoResolver.builder()
            .database(SharedData.testDb("GeoIP2-City-Test.mmdb"))
            .anonymousIp(SharedData.testDb("GeoIP2-Anonymous-IP-Test.mmdb"))
            .build();
    assertThat(resolver.resolve("1.124.213.1").anonymizers())
        .containsExactlyInAnyOrder(Anonymizer.VPN, Anonymizer.TOR_EXIT);
    assertThat(resolver.resolve("6.1.0.4").anonymizers()).containsExactly(Anonymizer.RESIDENTIAL_PROXY);
    assertThat(resolver.resolve("6.1.0.2").anonymizers()).containsExactly(Anonymizer.HOSTING);
    assertThat(resolver.resolve("6.1.0.3").anonymizers()).containsExactly(Anonymizer.PUBLIC_PROXY);
    Evidence everything = resolver.resolve("81.2.69.160");
    assertThat(everything.anonymizers())
        .containsExactlyInAnyOrder(Anonymizer.VPN, Anonymizer.HOSTING, Anonymizer.PUBLIC_PROXY,
            Anonymizer.RESIDENTIAL_PROXY, Anonymizer.TOR_EXIT);
    assertThat(resolver.resolve("214.78.120.1").anonymizers()).isEmpty();

    Jurisdiction where = everything.jurisdiction();
    assertThat(where.country()).isEqualTo(Jurisdiction.country("GB"));
    // on-anonymizer: apply needs the operator's own law: a UK regulator, the operator subject to GB
    LegalBasis local = LegalBasis.builder().authority("Ofcom").home(where.country())
        .kind(InstrumentKind.REGULATION).citation("local law").build();
    for (OnAnonymizer setting : OnAnonymizer.values()) {
      Rule rule = Rule.builder("r").basis(local).appliesIn(where.country().code())
          .effect(Effect.denyJoin()).onAnonymizer(setting).build();
      assertThat(decide(rule, everything).admitted()).as(setting.code()).isEqualTo(setting == OnAnonymizer.SKIP);
    }
  }

  @Test
  void withAnonymizersAreUnknownTheFactsStayOnTheUnknownEvidence() throws Exception {
    GeoResolver resolver =
        GeoResolver.builder()
            .database(SharedData.testDb("GeoIP2-City-Test.mmdb"))
            .anonymousIp(SharedData.testDb("GeoIP2-Anonymous-IP-Test.mmdb"))
            .anonymizersAreUnknown(true)
            .build();
    Evidence e = resolver.resolve("1.124.213.1");
    assertThat(e.jurisdiction().isKnown()).isFalse();
    assertThat(e.anonymizers()).contains(Anonymizer.TOR_EXIT);
  }
}
