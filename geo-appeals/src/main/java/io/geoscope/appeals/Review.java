package io.geoscope.appeals;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A reviewer's ruling on an appeal, without its outcome (the store method says approve, deny or
 * expire): who, why, when, and the policy version in force.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param reviewer opaque reviewer id
 * @param reason why, at most 512 characters; no IP address, phone number or document number
 * @param at when
 * @param policyVersion the version of the policy in force, recorded in the audit trail
 */
public record Review(String reviewer, String reason, Instant at, String policyVersion) {

  /**
   * Checks every component.
   *
   * @throws IllegalArgumentException naming the first bad field (never echoing its value)
   */
  public Review {
    OpaqueText.id(reviewer, "reviewer");
    OpaqueText.text(reason, "reason", 512);
    requireNonNull(at, "at");
    OpaqueText.text(policyVersion, "policyVersion", 64);
  }
}
