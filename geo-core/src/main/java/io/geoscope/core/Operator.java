package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whose law binds the service itself: the operator's name and the jurisdictions whose law binds it
 * wherever its users are (the sanctions and export controls of those places follow the operator).
 *
 * <p>A rule may act outside its authority's home, or on participants whose location is unknown,
 * only under the law of a place in {@code subjectTo} (see {@link PolicyValidator#isOperatorLaw}).
 * Instances are immutable and thread-safe.
 *
 * @param name the operator, e.g. {@code Example Meetings Inc.}; not blank
 * @param subjectTo the known jurisdictions whose law binds the operator; may be empty
 */
public record Operator(String name, Set<Jurisdiction> subjectTo) {

  /** Checks for nulls, unknown jurisdictions and a blank name. */
  public Operator {
    requireNonNull(name, "name");
    subjectTo = Immutables.orderedSet(requireNonNull(subjectTo, "subjectTo"));
    if (PolicyValidator.visible(name).isEmpty()) {
      throw new IllegalArgumentException("operator name must not be blank");
    }
    for (Jurisdiction j : subjectTo) {
      if (!j.isKnown()) {
        throw new IllegalArgumentException("operator subject-to cannot contain " + j);
      }
    }
  }

  /** An operator subject to the law of the given codes, e.g. {@code of("Example Inc.", "US")}. */
  public static Operator of(String name, String... subjectTo) {
    List<Jurisdiction> members = new ArrayList<>();
    for (String code : subjectTo) {
      members.add(Jurisdiction.of(code));
    }
    return new Operator(name, Immutables.orderedSet(members));
  }

  /** True if the law of {@code j} binds the operator: {@code j} lies within a listed place. */
  public boolean isSubjectTo(Jurisdiction j) {
    for (Jurisdiction m : subjectTo) {
      if (j.within(m)) {
        return true;
      }
    }
    return false;
  }
}
