package io.geoscope.testkit;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.Decision;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import java.time.Instant;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A property of your own that every decision must have, checked by {@link PolicyInvariants} with
 * the kit's generators, seeds and shrinking, beside the built-in {@link Invariant invariants}:
 *
 * <pre>{@code
 * Property neverDenyHongKong = Property.of("hk-never-denied",
 *     o -> !o.participant().jurisdiction().within(Jurisdiction.of("HK")) || o.decision().admitted());
 * PolicyInvariants.forPolicy(policy).property(neverDenyHongKong).check();
 * }</pre>
 *
 * <p>A violation names the rules the decision applied (they are what made it), shows the shrunk
 * counterexample with only those rules, and is thrown as a {@link PropertyViolation}.
 * Implementations must be deterministic and should be stateless.
 */
public interface Property {

  /** A short stable name used in messages, e.g. {@code hk-never-denied}. */
  String name();

  /**
   * What is wrong with this decision, or null if the property holds for it.
   *
   * @param observed one participant's decision in one generated situation
   */
  @Nullable String violation(Observation observed);

  /**
   * One participant's decision, as the property sees it.
   *
   * @param policy the policy checked
   * @param participant the participant decided for
   * @param meeting the meeting
   * @param at the instant of the decision
   * @param decision what the decision function decided
   */
  record Observation(
      Policy policy, Participant participant, Meeting meeting, Instant at, Decision decision) {
    /** Checks for nulls. */
    public Observation {
      requireNonNull(policy, "policy");
      requireNonNull(participant, "participant");
      requireNonNull(meeting, "meeting");
      requireNonNull(at, "at");
      requireNonNull(decision, "decision");
    }
  }

  /**
   * A property that holds where {@code holds} returns true; the violation message is the
   * decision's own description.
   */
  static Property of(String name, Predicate<Observation> holds) {
    requireNonNull(name, "name");
    requireNonNull(holds, "holds");
    return new Property() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public @Nullable String violation(Observation o) {
        return holds.test(o)
            ? null
            : o.participant().id() + " (" + o.participant().role().code() + " in "
                + o.participant().jurisdiction() + ") was decided " + o.decision().outcome().code()
                + " with " + o.decision().effects();
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
