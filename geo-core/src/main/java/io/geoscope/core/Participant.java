package io.geoscope.core;

import static java.util.Objects.requireNonNull;

/**
 * One person joining a meeting: an opaque id, a role and every signal of where they are. Holds no
 * IP address, no phone number, no account and no name.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param id the caller's opaque participant id, not blank
 * @param role the participant's role, reported but never decisive
 * @param signals where the participant is and how that was established, one signal or several
 */
public record Participant(String id, Role role, Signals signals) {

  /** Checks the components. */
  public Participant {
    requireNonNull(id, "id");
    requireNonNull(role, "role");
    requireNonNull(signals, "signals");
    if (id.isBlank()) {
      throw new IllegalArgumentException("participant id must not be blank");
    }
  }

  /** A participant with one signal. */
  public Participant(String id, Role role, Evidence evidence) {
    this(id, role, Signals.single(requireNonNull(evidence, "evidence")));
  }

  /** The signal that places the participant by precedence ({@link Signals#primary()}). */
  public Evidence evidence() {
    return signals.primary();
  }

  /** Where the participant is placed by precedence. */
  public Jurisdiction jurisdiction() {
    return signals.primary().jurisdiction();
  }

  /** This participant with one more signal, e.g. a verified location from an appeal. */
  public Participant with(Evidence signal) {
    return new Participant(id, role, signals.with(signal));
  }
}
