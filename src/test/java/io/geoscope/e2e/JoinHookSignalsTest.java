package io.geoscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.geoscope.core.Condition;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Effect;
import io.geoscope.core.Evidence;
import io.geoscope.core.InstrumentKind;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.Role;
import io.geoscope.core.Rule;
import io.geoscope.core.Signals;
import io.geoscope.dialin.DialInResolver;
import io.geoscope.geoip.GeoResolver;
import io.geoscope.geoip.TrustedProxies;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's join hook: socket peer, forwarded header, dial-in, site, declared to a decision. */
class JoinHookSignalsTest {

  @Test
  void theReadmeHookPlacesAConflictingParticipantAndSaysSo() throws Exception {
    GeoResolver geo =
        GeoResolver.builder()
            .database(EndToEnd.sharedGeoip().resolve("maxmind-test-data/GeoIP2-City-Test.mmdb"))
            .build();
    LegalBasis law = LegalBasis.builder().authority("Cyberspace Administration of China").home("CN")
        .kind(InstrumentKind.STATUTE).citation("Cybersecurity Law of the PRC, art. 12").build();
    DecisionEngine engine = DecisionEngine.builder(Policy.builder("2026-06-01").rule(
        Rule.builder("cn-june-fourth").basis(law).appliesIn("CN")
            .when(Condition.anyTag("june-fourth")).effect(Effect.denyJoin()).build()).build()).build();
    InetAddress socketPeer = InetAddress.getByName("10.0.0.7");
    String forwardedFor = "175.16.199.7";   // GeoIP2-City-Test places it in CN-22, read as CN-JL
    String dialInNumber = "+14155552671";
    String site = null;
    String declared = "US";

    // --- README: Where is this participant ---
    TrustedProxies proxies = TrustedProxies.of("10.0.0.0/8");
    DialInResolver dialIn = DialInResolver.standard();
    List<Evidence> signals = new ArrayList<>();
    signals.add(geo.resolve(proxies.client(socketPeer, forwardedFor)));
    if (dialInNumber != null) {
      signals.add(dialIn.resolve(dialInNumber));
    }
    if (site != null) {
      signals.add(Evidence.of(Jurisdiction.of(site), LocationSource.ROOM_SYSTEM, "room registry"));
    }
    if (declared != null) {
      signals.add(Evidence.of(Jurisdiction.of(declared), LocationSource.DECLARED, "profile"));
    }
    Participant p = new Participant("p-42", Role.ATTENDEE, Signals.of(signals));
    Decision d = engine.decide(p, Meeting.tagged("june-fourth"));
    // d.jurisdiction() is US-CA (dial-in outranks the address); d.describe() is
    // "admitted (location signals disagree: dial-in US-CA, ip-geolocation CN-JL, declared US)"
    // --- end ---

    assertThat(d.jurisdiction()).isEqualTo(Jurisdiction.of("US-CA"));
    assertThat(d.admitted()).isTrue();
    assertThat(d.describe())
        .isEqualTo("admitted (location signals disagree: dial-in US-CA, ip-geolocation CN-JL, declared US)");
    assertThat(d.toString()).doesNotContain("175.16").doesNotContain("5552671");
  }
}
