package io.geoscope.core;

import static java.util.Objects.requireNonNull;

/**
 * One person joining a meeting: an opaque id, a role and the evidence of where they are. Holds no
 * IP address, no account and no name.
 *
 * @param id the caller's opaque participant id, not blank
 * @param role the participant's role, reported but never decisive
 * @param evidence where the participant is and how that was established
 */
public record Participant(String id, Role role, Evidence evidence) {

  /** Checks the components. */
  public Participant {
    requireNonNull(id, "id");
    requireNonNull(role, "role");
    requireNonNull(evidence, "evidence");
    if (id.isBlank()) {
      throw new IllegalArgumentException("participant id must not be blank");
    }
  }

  /** Where the participant is. */
  public Jurisdiction jurisdiction() {
    return evidence.jurisdiction();
  }
}
