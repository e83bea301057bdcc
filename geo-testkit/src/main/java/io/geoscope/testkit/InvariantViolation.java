package io.geoscope.testkit;

import java.util.List;

/**
 * An invariant failed for a policy: which invariant, which rules, and a shrunk counterexample.
 * An {@link AssertionError}, so every test framework reports it as a failed test.
 *
 * <p>The message names the invariant, the rule (or exemption) ids involved, what was observed,
 * the shrunk counterexample (roster, meeting, instant, and for policy-level invariants the
 * shrunk policy), and the seed and example number that reproduce it. Immutable.
 */
public final class InvariantViolation extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final Invariant invariant;
  private final List<String> ruleIds;
  private final String detail;
  private final transient Counterexample counterexample;
  private final transient Counterexample original;
  private final long seed;
  private final int example;
  private final int shrinkSteps;

  InvariantViolation(
      Invariant invariant,
      List<String> ruleIds,
      String detail,
      Counterexample counterexample,
      Counterexample original,
      long seed,
      int example,
      int shrinkSteps) {
    super(message(invariant, ruleIds, detail, counterexample, original, seed, example, shrinkSteps));
    this.invariant = invariant;
    this.ruleIds = List.copyOf(ruleIds);
    this.detail = detail;
    this.counterexample = counterexample;
    this.original = original;
    this.seed = seed;
    this.example = example;
    this.shrinkSteps = shrinkSteps;
  }

  private static String message(
      Invariant invariant,
      List<String> ruleIds,
      String detail,
      Counterexample c,
      Counterexample original,
      long seed,
      int example,
      int shrinkSteps) {
    String rules =
        ruleIds.isEmpty() ? "no rule involved" : "rule " + String.join(", ", ruleIds);
    return "invariant " + invariant.code() + " violated (" + rules + "): " + detail + "\n"
        + "shrunk counterexample (" + shrinkSteps + " shrink steps from a roster of "
        + original.roster().size() + " and " + original.policy().rules().size() + " rule(s)):\n"
        + (invariant.isPolicyLevel() ? c.describe() : c.describeInvolving(ruleIds))
        + "reproduce with seed " + seed + ", example " + example + " (examples(" + (example + 1)
        + ") or more)";
  }

  /** The invariant that failed. */
  public Invariant invariant() {
    return invariant;
  }

  /** The rule and exemption ids involved, most specific first; empty if none is involved. */
  public List<String> ruleIds() {
    return ruleIds;
  }

  /** What was observed, without the counterexample. */
  public String detail() {
    return detail;
  }

  /** The shrunk counterexample: as small as the checker could make it while still failing. */
  public Counterexample counterexample() {
    return counterexample;
  }

  /** The counterexample as first generated, before shrinking. */
  public Counterexample original() {
    return original;
  }

  /** The seed of the run that found it. */
  public long seed() {
    return seed;
  }

  /** The 0-based number of the example that found it. */
  public int example() {
    return example;
  }

  /** How many shrink steps were taken. */
  public int shrinkSteps() {
    return shrinkSteps;
  }
}
