package io.geoscope.appeals;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import java.time.Instant;

/**
 * Where a reviewer verified an account to be, until when, and on which appeal. It replaces that
 * one account's location evidence while it lasts; it is evidence like any other, so a verified
 * location in a sanctioned place restricts exactly as an IP address there would. It exempts no one
 * from any rule.
 *
 * <p>Instances are immutable and thread-safe; {@link #evidence()} is built once.
 */
public final class VerifiedLocation {
  private final String accountId;
  private final Jurisdiction jurisdiction;
  private final String appealId;
  private final Instant verifiedAt;
  private final Instant expiresAt;
  private final Evidence evidence;

  /**
   * A verified location.
   *
   * @throws IllegalArgumentException if the jurisdiction is unknown or it expires before it starts
   */
  public VerifiedLocation(
      String accountId,
      Jurisdiction jurisdiction,
      String appealId,
      Instant verifiedAt,
      Instant expiresAt) {
    this.accountId = requireNonNull(accountId, "accountId");
    this.jurisdiction = requireNonNull(jurisdiction, "jurisdiction");
    this.appealId = requireNonNull(appealId, "appealId");
    this.verifiedAt = requireNonNull(verifiedAt, "verifiedAt");
    this.expiresAt = requireNonNull(expiresAt, "expiresAt");
    if (!jurisdiction.isKnown()) {
      throw new IllegalArgumentException("a verified location must be a known jurisdiction");
    }
    if (!expiresAt.isAfter(verifiedAt)) {
      throw new IllegalArgumentException("expiresAt must be after verifiedAt");
    }
    this.evidence =
        new Evidence(
            jurisdiction,
            LocationSource.VERIFIED,
            "appeal " + appealId,
            "verified until " + expiresAt);
  }

  /** The account it belongs to. */
  public String accountId() {
    return accountId;
  }

  /** Where the account was verified to be. */
  public Jurisdiction jurisdiction() {
    return jurisdiction;
  }

  /** The approved appeal that granted it. */
  public String appealId() {
    return appealId;
  }

  /** When it was granted. */
  public Instant verifiedAt() {
    return verifiedAt;
  }

  /** When it stops counting (exclusive). */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** True at instants from {@link #verifiedAt()} (inclusive) to {@link #expiresAt()} (exclusive). */
  public boolean isValidAt(Instant at) {
    return !at.isBefore(verifiedAt) && at.isBefore(expiresAt);
  }

  /**
   * The evidence it gives: source {@code verified}, producer {@code appeal <id>}, detail {@code
   * verified until <instant>}. The same instance every time.
   */
  public Evidence evidence() {
    return evidence;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerifiedLocation v
        && accountId.equals(v.accountId)
        && jurisdiction == v.jurisdiction
        && appealId.equals(v.appealId)
        && verifiedAt.equals(v.verifiedAt)
        && expiresAt.equals(v.expiresAt);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(accountId, jurisdiction, appealId, verifiedAt, expiresAt);
  }

  @Override
  public String toString() {
    return accountId + " verified in " + jurisdiction + " until " + expiresAt + " (appeal " + appealId + ")";
  }
}
