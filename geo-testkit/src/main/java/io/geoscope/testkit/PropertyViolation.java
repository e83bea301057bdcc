package io.geoscope.testkit;

import java.util.List;

/**
 * A {@link Property} of the user's failed: which property, which rules the failing decision
 * applied, and a shrunk counterexample listing only those rules. An {@link AssertionError}, so
 * every test framework reports it as a failed test. Immutable.
 */
public final class PropertyViolation extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final String property;
  private final List<String> ruleIds;
  private final String detail;
  private final transient Counterexample counterexample;
  private final long seed;
  private final int example;

  PropertyViolation(
      String property,
      List<String> ruleIds,
      String detail,
      Counterexample counterexample,
      long seed,
      int example,
      int shrinkSteps) {
    super("property " + property + " violated ("
        + (ruleIds.isEmpty() ? "no rule applied" : "rule " + String.join(", ", ruleIds)) + "): "
        + detail + "\nshrunk counterexample (" + shrinkSteps + " shrink steps):\n"
        + counterexample.describeInvolving(ruleIds)
        + "reproduce with seed " + seed + ", example " + example);
    this.property = property;
    this.ruleIds = List.copyOf(ruleIds);
    this.detail = detail;
    this.counterexample = counterexample;
    this.seed = seed;
    this.example = example;
  }

  /** The name of the property that failed. */
  public String property() {
    return property;
  }

  /** The rules the failing decision applied; empty if it applied none. */
  public List<String> ruleIds() {
    return ruleIds;
  }

  /** What was observed, without the counterexample. */
  public String detail() {
    return detail;
  }

  /** The shrunk counterexample. */
  public Counterexample counterexample() {
    return counterexample;
  }

  /** The seed of the run that found it. */
  public long seed() {
    return seed;
  }

  /** The 0-based number of the example that found it. */
  public int example() {
    return example;
  }
}
