package io.geoscope.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy was rejected, whole: nothing of it was applied. Lists every problem found, not only the
 * first. Messages name rules, fields and file positions, never participant data.
 */
public final class PolicyValidationException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<PolicyProblem> problems;

  /** A rejection for these problems (at least one). */
  public PolicyValidationException(List<PolicyProblem> problems) {
    super(describe(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in file or policy order. */
  public List<PolicyProblem> problems() {
    return problems;
  }

  static String describe(List<PolicyProblem> problems) {
    return problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n  "
        + problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n  "));
  }
}
