package io.geoscope.tokens;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.Decision;
import io.geoscope.core.Feature;
import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanPublishSources;
import io.livekit.server.CanSubscribe;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import io.livekit.server.RoomRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Mints LiveKit join tokens (JWT video grants) from Geoscope decisions, with LiveKit's own server
 * SDK ({@code io.livekit:livekit-server}).
 *
 * <p>What an admitted participant gets is what the application configured here ({@link
 * Builder#roomRecord(boolean)}); a decision only withholds:
 *
 * <ul>
 *   <li>deny: no token ({@link JoinToken.Refused});
 *   <li>{@code disable [chat]} or {@code [file-transfer]}: {@code canPublishData=false} (LiveKit's
 *       chat and byte streams are data packets; this withholds every data message);
 *   <li>{@code disable [screen-share]}: {@code screen_share} and {@code screen_share_audio} leave
 *       {@code canPublishSources}; {@code disable [video]}: {@code camera} leaves it;
 *   <li>{@code disable [recording]}, {@code [cloud-recording]} or {@code [live-streaming]}: {@code
 *       roomRecord} is withheld (both use LiveKit Egress).
 * </ul>
 *
 * <p>Not expressible in a LiveKit grant, and reported in {@link JoinToken.Issued#unenforced()}:
 * {@code local-recording} (done in the client), {@code transcription} (an agent, not a grant) and
 * {@code dial-out} (SIP calls are placed by the server API). Notices travel as participant
 * attributes {@code geoscope.outcome}, {@code geoscope.notices} (comma-separated keys) and
 * {@code geoscope.reason}, which every LiveKit client can read.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class LiveKitTokens {
  /** Features a LiveKit grant cannot withhold. */
  public static final Set<Feature> UNENFORCEABLE =
      java.util.Collections.unmodifiableSet(
          EnumSet.of(Feature.LOCAL_RECORDING, Feature.TRANSCRIPTION, Feature.DIAL_OUT));

  private final String apiKey;
  private final String secret;
  private final Duration ttl;
  private final boolean roomRecord;
  private final Clock clock;

  private LiveKitTokens(Builder b) {
    this.apiKey = b.apiKey;
    this.secret = b.secret;
    this.ttl = b.ttl;
    this.roomRecord = b.roomRecord;
    this.clock = b.clock;
  }

  /**
   * Starts a builder for the given LiveKit API key and secret.
   *
   * @throws NullPointerException if either is null
   */
  public static Builder builder(String apiKey, String secret) {
    return new Builder(apiKey, secret);
  }

  /**
   * The token for one participant joining one room, or a refusal when the decision denies.
   *
   * @param decision the participant's decision
   * @param identity the participant's LiveKit identity (not blank)
   * @param room the room name (not blank)
   * @throws IllegalArgumentException if identity or room is blank
   */
  public JoinToken mint(Decision decision, String identity, String room) {
    requireNonNull(decision, "decision");
    requireText(identity, "identity");
    requireText(room, "room");
    if (!decision.admitted()) {
      return new JoinToken.Refused(decision.reasonKey(), Reasons.text(decision));
    }
    Set<Feature> off = decision.disabledFeatures();
    AccessToken token = new AccessToken(apiKey, secret);
    token.setIdentity(identity);
    token.setExpiration(Date.from(clock.instant().plus(ttl)));
    List<String> sources = new ArrayList<>(4);
    if (!off.contains(Feature.VIDEO)) {
      sources.add("camera");
    }
    sources.add("microphone");
    if (!off.contains(Feature.SCREEN_SHARE)) {
      sources.add("screen_share");
      sources.add("screen_share_audio");
    }
    boolean data = !off.contains(Feature.CHAT) && !off.contains(Feature.FILE_TRANSFER);
    boolean record =
        roomRecord
            && !off.contains(Feature.RECORDING)
            && !off.contains(Feature.CLOUD_RECORDING)
            && !off.contains(Feature.LIVE_STREAMING);
    token.addGrants(
        new RoomJoin(true),
        new RoomName(room),
        new CanSubscribe(true),
        new CanPublish(true),
        new CanPublishSources(sources),
        new CanPublishData(data),
        new RoomRecord(record));
    token.getAttributes().put("geoscope.outcome", decision.outcome().code());
    List<String> notices = Reasons.notices(decision);
    if (!notices.isEmpty()) {
      token.getAttributes().put("geoscope.notices", String.join(",", notices));
    }
    if (!off.isEmpty()) {
      token.getAttributes().put("geoscope.reason", Reasons.text(decision));
    }
    EnumSet<Feature> unenforced = EnumSet.noneOf(Feature.class);
    for (Feature f : off) {
      if (UNENFORCEABLE.contains(f)) {
        unenforced.add(f);
      }
    }
    return new JoinToken.Issued(token.toJwt(), unenforced);
  }

  static void requireText(String value, String name) {
    requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  static void requireTtl(Duration ttl) {
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("ttl must be positive and at most one day");
    }
  }

  /** Builds {@link LiveKitTokens}; not thread-safe. */
  public static final class Builder {
    private final String apiKey;
    private final String secret;
    private Duration ttl = Duration.ofHours(1);
    private boolean roomRecord;
    private Clock clock = Clock.systemUTC();

    private Builder(String apiKey, String secret) {
      this.apiKey = requireNonNull(apiKey, "apiKey");
      this.secret = requireNonNull(secret, "secret");
    }

    /** How long a token is valid (default one hour, at most a day). */
    public Builder ttl(Duration ttl) {
      this.ttl = requireNonNull(ttl, "ttl");
      return this;
    }

    /** Whether admitted participants may start recordings and streams (Egress); default false. */
    public Builder roomRecord(boolean roomRecord) {
      this.roomRecord = roomRecord;
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
     * @throws IllegalArgumentException naming the field: blank apiKey, a secret shorter than 32
     *     characters (HS256 needs 256 bits), or a ttl that is not positive or over a day
     */
    public LiveKitTokens build() {
      requireText(apiKey, "apiKey");
      if (secret.length() < 32) {
        throw new IllegalArgumentException("secret must be at least 32 characters (HS256 needs 256 bits)");
      }
      LiveKitTokens.requireTtl(ttl);
      return new LiveKitTokens(this);
    }
  }
}
