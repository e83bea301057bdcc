package io.geoscope.appeals;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.Jurisdiction;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an appellant files: their opaque account id, where the evidence placed them, where they
 * say they are, and the kinds of verification they offer. There is deliberately no field for a
 * document, an IP address or a phone number.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param accountId opaque account id (letters, digits, {@code . _ : -}; not an IP or a phone number)
 * @param placedIn where the evidence placed them; must be a known jurisdiction
 * @param claimed where they say they are; must be a known jurisdiction other than {@code placedIn}
 * @param verification at least one kind of verification offered
 * @param filedBy who filed it (the appellant's account id or a support agent's id)
 * @param at when it was filed
 * @param policyVersion the version of the policy in force, recorded in the audit trail
 */
public record AppealRequest(
    String accountId,
    Jurisdiction placedIn,
    Jurisdiction claimed,
    Set<VerificationKind> verification,
    String filedBy,
    Instant at,
    String policyVersion) {

  /**
   * Checks every component.
   *
   * @throws IllegalArgumentException naming the first bad field (never echoing its value)
   */
  public AppealRequest {
    OpaqueText.id(accountId, "accountId");
    requireNonNull(placedIn, "placedIn");
    requireNonNull(claimed, "claimed");
    requireNonNull(verification, "verification");
    OpaqueText.id(filedBy, "filedBy");
    requireNonNull(at, "at");
    OpaqueText.text(policyVersion, "policyVersion", 64);
    if (!placedIn.isKnown() || !claimed.isKnown()) {
      throw new IllegalArgumentException("placedIn and claimed must be known jurisdictions");
    }
    if (placedIn == claimed) {
      throw new IllegalArgumentException("claimed must differ from placedIn");
    }
    if (verification.isEmpty()) {
      throw new IllegalArgumentException("verification must name at least one kind");
    }
    verification = Set.copyOf(EnumSet.copyOf(verification));
  }
}
