package io.geoscope.tokens;

import static io.geoscope.tokens.LiveKitTokensTest.verified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.nimbusds.jwt.JWTClaimsSet;
import io.geoscope.core.Decision;
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
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class JitsiTokensTest {
  private static final String SECRET = "jitsi-app-secret-of-at-least-32-bytes";
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final JitsiTokens TOKENS = JitsiTokens.builder("geoscope-app", SECRET)
      .subject("meet.example.org").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  private static final JitsiUser USER = new JitsiUser("u-1", "Ada", false);

  private static Decision decide(Set<Feature> ruDisabled, String where, Meeting meeting) {
    return Policies.engine(ruDisabled).decide(Policies.in(where), meeting);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> context(JWTClaimsSet c) throws Exception {
    return (Map<String, Object>) c.getJSONObjectClaim("context");
  }

  @SuppressWarnings("unchecked")
  private static Set<String> features(JWTClaimsSet c) throws Exception {
    return ((Map<String, Object>) context(c).get("features")).keySet();
  }

  @Test
  void aDeniedUserGetsNoToken() {
    JoinToken t = TOKENS.mint(decide(Set.of(), "CN-31", Meeting.tagged("june-fourth")), USER, "r");
    assertThat(t).isInstanceOf(JoinToken.Refused.class);
    assertThat(((JoinToken.Refused) t).reason()).contains("CN-SH");
  }

  @Test
  void anAdmittedUserGetsTheClaimsProsodyChecks() throws Exception {
    JoinToken.Issued t = (JoinToken.Issued) TOKENS.mint(decide(Set.of(), "HK", Meeting.tagged("june-fourth")),
        new JitsiUser("u-9", "Host", true), "room1");
    JWTClaimsSet c = verified(t.jwt(), SECRET);
    assertThat(c.getIssuer()).isEqualTo("geoscope-app");
    assertThat(c.getAudience()).containsExactly("jitsi");
    assertThat(c.getSubject()).isEqualTo("meet.example.org");
    assertThat(c.getStringClaim("room")).isEqualTo("room1");
    assertThat(c.getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(c.getNotBeforeTime().toInstant()).isEqualTo(NOW);
    @SuppressWarnings("unchecked")
    Map<String, Object> user = (Map<String, Object>) context(c).get("user");
    assertThat(user).containsEntry("id", "u-9").containsEntry("name", "Host").containsEntry("moderator", true);
    assertThat(features(c)).isEqualTo(JitsiTokens.DEFAULT_FEATURES);
  }

  @Test
  void disabledFeaturesAreAbsentAndChatIsReportedUnenforced() throws Exception {
    JoinToken.Issued t = (JoinToken.Issued) TOKENS.mint(
        decide(EnumSet.of(Feature.RECORDING, Feature.DIAL_OUT, Feature.CHAT), "RU", Meeting.plain()), USER, "r");
    JWTClaimsSet c = verified(t.jwt(), SECRET);
    assertThat(features(c)).doesNotContain("recording", "outbound-call", "sip-outbound-call")
        .contains("livestreaming", "transcription", "screen-sharing", "file-upload");
    assertThat(t.unenforced()).containsExactly(Feature.CHAT);
    @SuppressWarnings("unchecked")
    Map<String, Object> geo = (Map<String, Object>) context(c).get("geoscope");
    assertThat(geo).containsEntry("outcome", "admit-limited");
  }

  @Test
  void noticesTravelInTheContext() throws Exception {
    JoinToken.Issued t = (JoinToken.Issued) TOKENS.mint(decide(Set.of(), "DE-BE", Meeting.plain()), USER, "r");
    @SuppressWarnings("unchecked")
    Map<String, Object> geo = (Map<String, Object>) context(verified(t.jwt(), SECRET)).get("geoscope");
    assertThat((List<Object>) geo.get("notices")).containsExactly("recording-consent");
  }

  @Test
  void featuresAreTheConfiguredOnesMinusTheDisabledOnesNeverMore() {
    Feature[] all = Feature.values();
    List<String> jitsi = List.copyOf(JitsiTokens.DEFAULT_FEATURES);
    qt().withExamples(1000)
        .forAll(integers().between(1, (1 << all.length) - 1), integers().between(0, (1 << jitsi.size()) - 1))
        .checkAssert((mask, grantMask) -> {
          EnumSet<Feature> off = EnumSet.noneOf(Feature.class);
          for (int i = 0; i < all.length; i++) {
            if ((mask & (1 << i)) != 0) {
              off.add(all[i]);
            }
          }
          TreeSet<String> configured = new TreeSet<>();
          for (int i = 0; i < jitsi.size(); i++) {
            if ((grantMask & (1 << i)) != 0) {
              configured.add(jitsi.get(i));
            }
          }
          JitsiTokens tokens = JitsiTokens.builder("a", SECRET).features(configured).build();
          try {
            JoinToken.Issued t = (JoinToken.Issued) tokens.mint(decide(off, "RU", Meeting.plain()), USER, "r");
            TreeSet<String> expected = new TreeSet<>(configured);
            for (Feature f : off) {
              JitsiTokens.jitsiFeatures(f).forEach(expected::remove);
            }
            assertThat(features(verified(t.jwt(), SECRET))).isEqualTo(expected);
            for (Feature f : t.unenforced()) {
              assertThat(JitsiTokens.jitsiFeatures(f)).isEmpty();
            }
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void badConfigurationIsRefusedNamingTheField() {
    assertThatThrownBy(() -> JitsiTokens.builder("a", "short").build()).hasMessageContaining("secret");
    assertThatThrownBy(() -> JitsiTokens.builder("", SECRET).build()).hasMessageContaining("appId");
    assertThatThrownBy(() -> JitsiTokens.builder("a", SECRET).audience(" ").build()).hasMessageContaining("audience");
    assertThatThrownBy(() -> JitsiTokens.builder("a", SECRET).subject("").build()).hasMessageContaining("subject");
    assertThatThrownBy(() -> JitsiTokens.builder("a", SECRET).ttl(Duration.ofSeconds(-1)).build()).hasMessageContaining("ttl");
    assertThatThrownBy(() -> new JitsiUser("", "n", false)).hasMessageContaining("id");
    assertThatThrownBy(() -> new JitsiUser("i", " ", false)).hasMessageContaining("name");
    assertThatThrownBy(() -> TOKENS.mint(decide(Set.of(), "US", Meeting.plain()), USER, "")).hasMessageContaining("room");
  }
}
