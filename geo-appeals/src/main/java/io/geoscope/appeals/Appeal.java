package io.geoscope.appeals;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.Jurisdiction;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An appeal as stored: who (an opaque account id), where the evidence placed them, where they say
 * they are, which kinds of verification they offer, and where the appeal stands.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param id the store's id for the appeal
 * @param accountId the appellant's opaque account id
 * @param placedIn where the evidence placed them (the restriction they appeal), e.g. {@code UA-43}
 * @param claimed where they say they are, e.g. {@code UA-30}
 * @param verification the kinds of verification offered, never their content
 * @param status where the appeal stands
 * @param filedAt when it was filed
 * @param decidedAt when it stopped being pending, or null while pending
 * @param version how many changes it has seen (1 when filed); the sequence of its last audit record
 */
public record Appeal(
    String id,
    String accountId,
    Jurisdiction placedIn,
    Jurisdiction claimed,
    Set<VerificationKind> verification,
    AppealStatus status,
    Instant filedAt,
    @Nullable Instant decidedAt,
    int version) {

  /** Checks the components and copies the set. */
  public Appeal {
    requireNonNull(id, "id");
    requireNonNull(accountId, "accountId");
    requireNonNull(placedIn, "placedIn");
    requireNonNull(claimed, "claimed");
    verification = Set.copyOf(verification);
    requireNonNull(status, "status");
    requireNonNull(filedAt, "filedAt");
    if ((status == AppealStatus.PENDING) != (decidedAt == null)) {
      throw new IllegalArgumentException("decidedAt must be set exactly when status is not pending");
    }
  }

  /** When it stopped being pending; empty while pending. */
  public Optional<Instant> decided() {
    return Optional.ofNullable(decidedAt);
  }
}
