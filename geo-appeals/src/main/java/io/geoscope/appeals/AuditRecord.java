package io.geoscope.appeals;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.Jurisdiction;
import java.time.Instant;

/**
 * One append-only entry of the audit trail: who did what to which appeal, when, why, and under
 * which policy version. Records are never changed or removed (the schema refuses it).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param appealId the appeal
 * @param seq its position in that appeal's trail, from 1
 * @param at when
 * @param actor who (opaque id)
 * @param action what
 * @param accountId whose appeal
 * @param jurisdiction the jurisdiction the action concerns: the claimed one when filed, the
 *     verified one when approved, the claimed one when denied or expired
 * @param reason why (for a filing: the verification kinds offered)
 * @param policyVersion the policy version in force
 */
public record AuditRecord(
    String appealId,
    int seq,
    Instant at,
    String actor,
    AuditAction action,
    String accountId,
    Jurisdiction jurisdiction,
    String reason,
    String policyVersion) {

  /** Checks that no component is null. */
  public AuditRecord {
    requireNonNull(appealId, "appealId");
    requireNonNull(at, "at");
    requireNonNull(actor, "actor");
    requireNonNull(action, "action");
    requireNonNull(accountId, "accountId");
    requireNonNull(jurisdiction, "jurisdiction");
    requireNonNull(reason, "reason");
    requireNonNull(policyVersion, "policyVersion");
  }

  /** One line: {@code <at> <appeal>#<seq> <action> by <actor> [<jurisdiction>] policy <v>: <reason>}. */
  public String describe() {
    return at + " " + appealId + "#" + seq + " " + action.code() + " by " + actor + " ["
        + jurisdiction + "] policy " + policyVersion + ": " + reason;
  }
}
