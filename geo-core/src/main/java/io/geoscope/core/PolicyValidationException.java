package io.geoscope.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy, rule, exemption or legal basis built in code was refused, whole: nothing of it was
 * applied. Lists every problem found, not only the first, as data ({@link #problems()}).
 *
 * <p>This is the one exception policy for building policies in code: every builder ({@link
 * LegalBasis.Builder#build()}, {@link Rule.Builder#build()}), the {@link Exemption} constructor,
 * {@link Policy#of} and {@link Policy.Builder#build()} throw it. It is unchecked (an {@link
 * IllegalArgumentException}) because a policy written in code is the programmer's to fix; policy
 * files, whose problems a caller handles, are refused with geo-policy's checked {@code
 * PolicyFileException} instead. Messages name rules and fields, never participant data.
 */
public final class PolicyValidationException extends IllegalArgumentException {
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
