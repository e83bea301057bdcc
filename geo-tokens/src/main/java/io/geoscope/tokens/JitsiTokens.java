package io.geoscope.tokens;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.geoscope.core.Decision;
import io.geoscope.core.Feature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Mints Jitsi Meet JWTs (the tokens Prosody's {@code mod_token_verification} checks) from Geoscope
 * decisions, signed HS256 with nimbus-jose-jwt.
 *
 * <p>Claims: {@code iss} (app id), {@code aud}, {@code sub} (the XMPP domain, or {@code *}),
 * {@code room}, {@code iat}, {@code nbf}, {@code exp}, and {@code context.user} ({@code id},
 * {@code name}, {@code moderator}) and {@code context.features}. A deny mints no token; a disabled
 * feature is absent from {@code context.features}, which Jitsi's {@code mod_filter_iq_jibri} and
 * the client read as not allowed:
 *
 * <table>
 *   <caption>Geoscope features and the Jitsi features they remove</caption>
 *   <tr><th>Geoscope</th><th>Jitsi {@code context.features}</th></tr>
 *   <tr><td>recording, cloud-recording</td><td>recording</td></tr>
 *   <tr><td>live-streaming</td><td>livestreaming</td></tr>
 *   <tr><td>transcription</td><td>transcription</td></tr>
 *   <tr><td>dial-out</td><td>outbound-call, sip-outbound-call</td></tr>
 *   <tr><td>screen-share</td><td>screen-sharing</td></tr>
 *   <tr><td>file-transfer</td><td>file-upload</td></tr>
 * </table>
 *
 * <p>{@code chat}, {@code video} and {@code local-recording} have no Jitsi token feature and are
 * reported in {@link JoinToken.Issued#unenforced()} ({@code mod_geoscope} enforces chat in
 * Prosody). Notices travel in {@code context.geoscope}: {@code outcome}, {@code notices} (list of
 * keys) and {@code reason}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class JitsiTokens {
  /** The Jitsi features a token grants when the application does not say otherwise. */
  public static final Set<String> DEFAULT_FEATURES =
      java.util.Collections.unmodifiableSet(
          new TreeSet<>(
              List.of(
                  "recording",
                  "livestreaming",
                  "transcription",
                  "outbound-call",
                  "sip-outbound-call",
                  "screen-sharing",
                  "file-upload")));

  private static final Map<Feature, List<String>> JITSI = jitsiNames();

  private final String appId;
  private final MACSigner signer;
  private final String audience;
  private final String subject;
  private final Duration ttl;
  private final Set<String> features;
  private final Clock clock;

  private JitsiTokens(Builder b, MACSigner signer) {
    this.appId = b.appId;
    this.signer = signer;
    this.audience = b.audience;
    this.subject = b.subject;
    this.ttl = b.ttl;
    this.features = Set.copyOf(b.features);
    this.clock = b.clock;
  }

  private static Map<Feature, List<String>> jitsiNames() {
    EnumMap<Feature, List<String>> m = new EnumMap<>(Feature.class);
    m.put(Feature.RECORDING, List.of("recording"));
    m.put(Feature.CLOUD_RECORDING, List.of("recording"));
    m.put(Feature.LIVE_STREAMING, List.of("livestreaming"));
    m.put(Feature.TRANSCRIPTION, List.of("transcription"));
    m.put(Feature.DIAL_OUT, List.of("outbound-call", "sip-outbound-call"));
    m.put(Feature.SCREEN_SHARE, List.of("screen-sharing"));
    m.put(Feature.FILE_TRANSFER, List.of("file-upload"));
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The Jitsi feature names a Geoscope feature removes; empty when a Jitsi token cannot express it.
   */
  public static List<String> jitsiFeatures(Feature feature) {
    return JITSI.getOrDefault(requireNonNull(feature, "feature"), List.of());
  }

  /**
   * Starts a builder for the given app id ({@code iss}) and shared secret (Prosody's {@code
   * app_secret}).
   */
  public static Builder builder(String appId, String secret) {
    return new Builder(appId, secret);
  }

  /**
   * The token for one user joining one room, or a refusal when the decision denies.
   *
   * @param decision the user's decision
   * @param user who joins
   * @param room the room name (not blank; {@code *} for any room)
   * @throws IllegalArgumentException if room is blank
   */
  public JoinToken mint(Decision decision, JitsiUser user, String room) {
    requireNonNull(decision, "decision");
    requireNonNull(user, "user");
    LiveKitTokens.requireText(room, "room");
    if (!decision.admitted()) {
      return new JoinToken.Refused(decision.reasonKey(), Reasons.text(decision));
    }
    Set<Feature> off = decision.disabledFeatures();
    TreeSet<String> granted = new TreeSet<>(features);
    EnumSet<Feature> unenforced = EnumSet.noneOf(Feature.class);
    for (Feature f : off) {
      List<String> names = jitsiFeatures(f);
      if (names.isEmpty()) {
        unenforced.add(f);
      }
      names.forEach(granted::remove);
    }
    Map<String, Object> featureClaim = new LinkedHashMap<>();
    for (String g : granted) {
      featureClaim.put(g, true);
    }
    Map<String, Object> userClaim = new LinkedHashMap<>();
    userClaim.put("id", user.id());
    userClaim.put("name", user.name());
    userClaim.put("moderator", user.moderator());
    Map<String, Object> geoscope = new LinkedHashMap<>();
    geoscope.put("outcome", decision.outcome().code());
    geoscope.put("notices", Reasons.notices(decision));
    geoscope.put("reason", Reasons.text(decision));
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("user", userClaim);
    context.put("features", featureClaim);
    context.put("geoscope", geoscope);
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(appId)
            .audience(audience)
            .subject(subject)
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .claim("room", room)
            .claim("context", context)
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      // The key length was checked in build(); HMAC signing cannot fail otherwise.
      throw new IllegalStateException("HS256 signing failed", e);
    }
    return new JoinToken.Issued(jwt.serialize(), unenforced);
  }

  /** Builds {@link JitsiTokens}; not thread-safe. */
  public static final class Builder {
    private final String appId;
    private final String secret;
    private String audience = "jitsi";
    private String subject = "*";
    private Duration ttl = Duration.ofHours(1);
    private Set<String> features = DEFAULT_FEATURES;
    private Clock clock = Clock.systemUTC();

    private Builder(String appId, String secret) {
      this.appId = requireNonNull(appId, "appId");
      this.secret = requireNonNull(secret, "secret");
    }

    /** The {@code aud} claim (default {@code jitsi}; Prosody's {@code asap_accepted_audiences}). */
    public Builder audience(String audience) {
      this.audience = requireNonNull(audience, "audience");
      return this;
    }

    /** The {@code sub} claim: the XMPP domain the token is for (default {@code *}). */
    public Builder subject(String subject) {
      this.subject = requireNonNull(subject, "subject");
      return this;
    }

    /** How long a token is valid (default one hour, at most a day). */
    public Builder ttl(Duration ttl) {
      this.ttl = requireNonNull(ttl, "ttl");
      return this;
    }

    /** The Jitsi features an admitted user gets before Geoscope withholds any (default {@link #DEFAULT_FEATURES}). */
    public Builder features(Set<String> features) {
      this.features = Set.copyOf(requireNonNull(features, "features"));
      return this;
    }

    /** The clock for issue and expiry times (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException naming the field: blank appId, audience or subject, a
     *     secret shorter than 32 bytes, or a ttl that is not positive or over a day
     */
    public JitsiTokens build() {
      LiveKitTokens.requireText(appId, "appId");
      LiveKitTokens.requireText(audience, "audience");
      LiveKitTokens.requireText(subject, "subject");
      LiveKitTokens.requireTtl(ttl);
      byte[] key = secret.getBytes(StandardCharsets.UTF_8);
      if (key.length < 32) {
        throw new IllegalArgumentException("secret must be at least 32 bytes (HS256 needs 256 bits)");
      }
      try {
        return new JitsiTokens(this, new MACSigner(key));
      } catch (com.nimbusds.jose.KeyLengthException e) {
        throw new IllegalArgumentException("secret is too short for HS256", e);
      }
    }
  }
}
