package io.geoscope.areas;

import java.util.List;

/**
 * Areas that cannot be compiled, with every problem found. Checked: areas usually come from files
 * a caller can fix.
 */
public final class AreaException extends Exception {
  private static final long serialVersionUID = 1L;

  /** @serial the problems, an immutable list */
  @SuppressWarnings("serial") // List.copyOf is serializable
  private final List<AreaProblem> problems;

  /** An exception listing {@code problems} (not empty). */
  public AreaException(List<AreaProblem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  private static String summary(List<AreaProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an AreaException needs at least one problem");
    }
    StringBuilder b = new StringBuilder(problems.size() + " problem(s) in areas:");
    for (AreaProblem p : problems) {
      b.append("\n  ").append(p);
    }
    return b.toString();
  }

  /** Every problem found, in the order of the areas and their fields. */
  public List<AreaProblem> problems() {
    return problems;
  }
}
