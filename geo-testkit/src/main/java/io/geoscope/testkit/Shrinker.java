package io.geoscope.testkit;

import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.testkit.Counterexample;
import io.geoscope.testkit.Shrinks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Greedy shrinking of a failing {@link Counterexample}: take the first simpler candidate that
 * still fails, repeat until none does or the budget is spent. Not part of the public API.
 * Stateless and thread-safe.
 */
final class Shrinker {
  private Shrinker() {}

  /**
   * The outcome of shrinking.
   *
   * @param counterexample the smallest failing counterexample found
   * @param failure its failure
   * @param steps how many successful shrink steps were taken
   */
  public record Result(Counterexample counterexample, Failure failure, int steps) {}

  /**
   * Shrinks {@code start}, which fails with {@code failure} under {@code check}.
   *
   * @param shrinkPolicy whether candidates may drop rules and exemptions from the policy
   * @param maxTries how many candidates to try at most
   */
  public static Result shrink(
      Counterexample start,
      Failure failure,
      Function<Counterexample, @Nullable Failure> check,
      boolean shrinkPolicy,
      int maxTries) {
    Counterexample current = start;
    Failure currentFailure = failure;
    int steps = 0;
    int tries = 0;
    boolean progress = true;
    while (progress && tries < maxTries) {
      progress = false;
      for (Counterexample candidate : candidates(current, shrinkPolicy)) {
        if (++tries > maxTries) {
          break;
        }
        Failure f = check.apply(candidate);
        if (f != null && sameCulprit(failure, f)) {
          current = candidate;
          currentFailure = f;
          steps++;
          progress = true;
          break;
        }
      }
    }
    return new Result(current, currentFailure, steps);
  }

  /**
   * Shrinking must not slip to a different bug: once a failure names a rule, smaller candidates
   * must still name it first (a policy shrunk to nothing would otherwise blame a rule the
   * checker added itself), and a decision function that threw must still throw.
   */
  private static boolean sameCulprit(Failure original, Failure candidate) {
    if ((original.cause() == null) != (candidate.cause() == null)) {
      return false;
    }
    return original.ruleIds().isEmpty()
        || (!candidate.ruleIds().isEmpty()
            && candidate.ruleIds().get(0).equals(original.ruleIds().get(0)));
  }

  /**
   * Simpler counterexamples: policy first (biggest wins; whole rules and exemptions only, so the
   * rules left are the caller's own as written), then roster, then meeting.
   */
  static List<Counterexample> candidates(Counterexample c, boolean shrinkPolicy) {
    List<Counterexample> out = new ArrayList<>();
    if (shrinkPolicy) {
      for (Policy p : Shrinks.droppingParts(c.policy())) {
        out.add(new Counterexample(p, c.roster(), c.meeting(), c.at()));
      }
    }
    for (List<Participant> r : Shrinks.roster(c.roster())) {
      out.add(new Counterexample(c.policy(), r, c.meeting(), c.at()));
    }
    for (Meeting m : Shrinks.meeting(c.meeting())) {
      out.add(new Counterexample(c.policy(), c.roster(), m, c.at()));
    }
    return out;
  }
}
