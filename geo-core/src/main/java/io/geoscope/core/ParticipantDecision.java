package io.geoscope.core;

import static java.util.Objects.requireNonNull;

/**
 * A participant's decision in a roster call.
 *
 * @param participantId the participant's opaque id
 * @param role the participant's role (reported, never decisive)
 * @param decision the decision for that participant alone
 */
public record ParticipantDecision(String participantId, Role role, Decision decision) {
  /** Checks for nulls. */
  public ParticipantDecision {
    requireNonNull(participantId, "participantId");
    requireNonNull(role, "role");
    requireNonNull(decision, "decision");
  }
}
