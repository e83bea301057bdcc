package io.geoscope.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Feature;
import io.geoscope.core.Meeting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class LiveKitTokensTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef-secret";
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final LiveKitTokens TOKENS = LiveKitTokens.builder("APIkey", SECRET)
      .roomRecord(true).ttl(Duration.ofMinutes(30)).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  /** Verifies the HS256 signature with the secret and returns the claims. */
  static JWTClaimsSet verified(String jwt, String secret) throws Exception {
    SignedJWT parsed = SignedJWT.parse(jwt);
    assertThat(parsed.verify(new MACVerifier(secret))).as("signature").isTrue();
    return parsed.getJWTClaimsSet();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> video(JWTClaimsSet claims) throws Exception {
    return (Map<String, Object>) claims.getJSONObjectClaim("video");
  }

  private static Decision decide(Set<Feature> ruDisabled, String where, Meeting meeting) {
    DecisionEngine engine = Policies.engine(ruDisabled);
    return engine.decide(Policies.in(where), meeting);
  }

  @Test
  void aDeniedParticipantGetsNoTokenButTheReason() {
    JoinToken t = TOKENS.mint(decide(Set.of(), "CN-11", Meeting.tagged("june-fourth")), "p", "room");
    assertThat(t.issued()).isFalse();
    JoinToken.Refused r = (JoinToken.Refused) t;
    assertThat(r.reason()).contains("CN-BJ").contains("Cybersecurity Law of the PRC, art. 12");
    assertThat(r.reasonKey()).isNotBlank();
  }

  @Test
  void anAdmittedParticipantGetsEveryConfiguredGrant() throws Exception {
    JoinToken t = TOKENS.mint(decide(Set.of(), "US-CA", Meeting.tagged("june-fourth")), "host-1", "room-7");
    JWTClaimsSet c = verified(((JoinToken.Issued) t).jwt(), SECRET);
    assertThat(c.getSubject()).isEqualTo("host-1");
    assertThat(c.getIssuer()).isEqualTo("APIkey");
    assertThat(c.getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    Map<String, Object> v = video(c);
    assertThat(v).containsEntry("roomJoin", true).containsEntry("room", "room-7")
        .containsEntry("canPublish", true).containsEntry("canSubscribe", true)
        .containsEntry("canPublishData", true).containsEntry("roomRecord", true);
    assertThat((List<Object>) v.get("canPublishSources"))
        .containsExactly("camera", "microphone", "screen_share", "screen_share_audio");
    assertThat(((JoinToken.Issued) t).unenforced()).isEmpty();
  }

  @Test
  void chatDisabledWithholdsDataAndScreenShareDisabledRemovesItsSources() throws Exception {
    Decision d = decide(EnumSet.of(Feature.CHAT, Feature.SCREEN_SHARE, Feature.RECORDING), "RU", Meeting.plain());
    JoinToken.Issued t = (JoinToken.Issued) TOKENS.mint(d, "p-ru", "room");
    Map<String, Object> v = video(verified(t.jwt(), SECRET));
    assertThat(v).containsEntry("canPublishData", false).containsEntry("roomRecord", false)
        .containsEntry("roomJoin", true).containsEntry("canPublish", true);
    assertThat((List<Object>) v.get("canPublishSources")).containsExactly("camera", "microphone");
    @SuppressWarnings("unchecked")
    Map<String, Object> attrs = (Map<String, Object>) verified(t.jwt(), SECRET).getJSONObjectClaim("attributes");
    assertThat(attrs).containsEntry("geoscope.outcome", "admit-limited");
    assertThat((String) attrs.get("geoscope.reason")).contains("Federal Law 149-FZ");
  }

  @Test
  void noticesTravelAsAttributesTheClientCanRead() throws Exception {
    JoinToken.Issued t = (JoinToken.Issued) TOKENS.mint(decide(Set.of(), "DE", Meeting.plain()), "p-de", "r");
    @SuppressWarnings("unchecked")
    Map<String, Object> attrs = (Map<String, Object>) verified(t.jwt(), SECRET).getJSONObjectClaim("attributes");
    assertThat(attrs).containsEntry("geoscope.notices", "recording-consent");
  }

  @Test
  void aTokenSignedWithAnotherSecretDoesNotVerify() throws Exception {
    JoinToken.Issued t = (JoinToken.Issued) TOKENS.mint(decide(Set.of(), "US", Meeting.plain()), "p", "r");
    assertThat(SignedJWT.parse(t.jwt()).verify(new MACVerifier("another-secret-another-secret-xx1"))).isFalse();
  }

  @Test
  void withoutRoomRecordConfiguredNoDecisionCanGrantIt() throws Exception {
    LiveKitTokens plain = LiveKitTokens.builder("k", SECRET).build();
    JoinToken.Issued t = (JoinToken.Issued) plain.mint(decide(Set.of(), "US", Meeting.plain()), "p", "r");
    assertThat(video(verified(t.jwt(), SECRET))).containsEntry("roomRecord", false);
  }

  @Test
  void everyDisabledFeatureIsWithheldOrReportedUnenforcedAndNothingElseChanges() {
    Feature[] all = Feature.values();
    qt().withExamples(1000).forAll(integers().between(1, (1 << all.length) - 1)).checkAssert(mask -> {
      EnumSet<Feature> off = EnumSet.noneOf(Feature.class);
      for (int i = 0; i < all.length; i++) {
        if ((mask & (1 << i)) != 0) {
          off.add(all[i]);
        }
      }
      try {
        JoinToken.Issued t = (JoinToken.Issued) TOKENS.mint(decide(off, "RU-MOW", Meeting.plain()), "p", "r");
        Map<String, Object> v = video(verified(t.jwt(), SECRET));
        List<?> sources = (List<Object>) v.get("canPublishSources");
        assertThat(v.get("canPublishData"))
            .isEqualTo(!off.contains(Feature.CHAT) && !off.contains(Feature.FILE_TRANSFER));
        assertThat(sources.contains("screen_share")).isEqualTo(!off.contains(Feature.SCREEN_SHARE));
        assertThat(sources.contains("screen_share_audio")).isEqualTo(!off.contains(Feature.SCREEN_SHARE));
        assertThat(sources.contains("camera")).isEqualTo(!off.contains(Feature.VIDEO));
        assertThat(sources.contains("microphone")).isTrue();
        assertThat(v.get("roomRecord")).isEqualTo(!off.contains(Feature.RECORDING)
            && !off.contains(Feature.CLOUD_RECORDING) && !off.contains(Feature.LIVE_STREAMING));
        assertThat(v).containsEntry("roomJoin", true).containsEntry("canSubscribe", true)
            .containsEntry("canPublish", true);
        EnumSet<Feature> expectedUnenforced = EnumSet.copyOf(off);
        expectedUnenforced.retainAll(LiveKitTokens.UNENFORCEABLE);
        assertThat(t.unenforced()).isEqualTo(expectedUnenforced);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void badConfigurationIsRefusedNamingTheField() {
    assertThatThrownBy(() -> LiveKitTokens.builder("k", "short").build()).hasMessageContaining("secret");
    assertThatThrownBy(() -> LiveKitTokens.builder(" ", SECRET).build()).hasMessageContaining("apiKey");
    assertThatThrownBy(() -> LiveKitTokens.builder("k", SECRET).ttl(Duration.ZERO).build()).hasMessageContaining("ttl");
    assertThatThrownBy(() -> LiveKitTokens.builder("k", SECRET).ttl(Duration.ofDays(2)).build()).hasMessageContaining("ttl");
    assertThatThrownBy(() -> TOKENS.mint(decide(Set.of(), "US", Meeting.plain()), "", "r")).hasMessageContaining("identity");
    assertThatThrownBy(() -> TOKENS.mint(decide(Set.of(), "US", Meeting.plain()), "p", " ")).hasMessageContaining("room");
  }
}
