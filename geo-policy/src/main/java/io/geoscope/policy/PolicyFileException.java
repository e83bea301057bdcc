package io.geoscope.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy file was refused, whole: nothing of it was applied. Lists every problem found with its
 * file, line and column. Checked, because a bad file is something a caller handles (keep the old
 * policy, tell the operator). Messages name rules and fields, never participant data.
 */
public final class PolicyFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<PolicyFileProblem> problems;

  /** A refusal for these problems (at least one). */
  public PolicyFileException(List<PolicyFileProblem> problems) {
    super(describe(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a refusal needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in file order. */
  public List<PolicyFileProblem> problems() {
    return problems;
  }

  private static String describe(List<PolicyFileProblem> problems) {
    return problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n  "
        + problems.stream().map(PolicyFileProblem::toString).collect(Collectors.joining("\n  "));
  }
}
