package io.geoscope.core;

/**
 * Receives one event per decision. Called on the deciding thread, after the decision is made; an
 * exception thrown here is caught and never changes a decision. Implementations must be
 * thread-safe and fast.
 */
@FunctionalInterface
public interface DecisionListener {
  /** Called once per decision. */
  void onDecision(DecisionEvent event);
}
