package io.geoscope.core;

/**
 * Receives each participant decision an engine makes. Called on the deciding thread, after the
 * decision is made, with the values the engine already holds: the instant passed to {@code
 * decide}, the participant's id and role, and the decision (which names its policy version and
 * evidence). The engine builds no event object and needs no {@link Participant} for a listener, so
 * a listener that only reads these arguments costs nothing on the join path; build a {@link
 * DecisionEvent} with {@link DecisionEvent#of(java.time.Instant, String, Role, Decision)} when a
 * value to keep is wanted.
 *
 * <p>Decisions are prebuilt and shared: the same {@link Decision} instance is passed for every
 * participant with the same evidence and rule standing under one engine, so a listener may key
 * counters by the decision's identity.
 *
 * <p>An exception thrown here is caught, counted in {@link DecisionEngine#listenerFailures()},
 * and never changes a decision or stops the other listeners. Implementations must be thread-safe
 * and fast.
 */
@FunctionalInterface
public interface DecisionListener {
  /**
   * Called once per participant decision.
   *
   * @param at the decision instant
   * @param participantId the id of who was decided for
   * @param role their role (reported, never decisive)
   * @param decision the decision
   */
  void onDecision(java.time.Instant at, String participantId, Role role, Decision decision);
}
