package io.geoscope.testkit;

import io.geoscope.core.Decision;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A decision function under test: what {@link PolicyInvariants} checks. The default, {@link
 * #engine()}, is Geoscope's own {@code DecisionEngine}; pass another to check a wrapper around the
 * engine, or a deliberately broken function to see the checker fail.
 *
 * <p>Implementations must be deterministic for the checker's results to be reproducible. The
 * checker calls a decider from the one thread that runs it; the default is also thread-safe.
 */
@FunctionalInterface
public interface Decider {

  /** Decides for one participant under {@code policy} at {@code at}. */
  Decision decide(Policy policy, Participant participant, Meeting meeting, Instant at);

  /**
   * Decides for every participant of a roster, one decision each, in roster order. The default
   * decides for each participant alone.
   */
  default List<Decision> decideRoster(
      Policy policy, List<Participant> roster, Meeting meeting, Instant at) {
    List<Decision> out = new ArrayList<>(roster.size());
    for (Participant p : roster) {
      out.add(decide(policy, p, meeting, at));
    }
    return out;
  }

  /**
   * Geoscope's {@code DecisionEngine}, one engine per policy (kept while the policy is reachable),
   * with rosters decided by {@code DecisionEngine.decideRoster}. Thread-safe.
   */
  static Decider engine() {
    return EngineDecider.INSTANCE;
  }
}
