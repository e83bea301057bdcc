package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

/**
 * A non-empty set of known jurisdictions (countries and/or subdivisions). There is no wildcard: a
 * scope names every place it covers.
 *
 * <p>A country member covers the country and all its subdivisions; a subdivision member covers only
 * that subdivision. Instances are immutable and thread-safe; equality is by members, ignoring order.
 *
 * @param members the jurisdictions, never empty, never unknown
 */
public record Scope(Set<Jurisdiction> members) {

  /** Copies and checks the members. */
  public Scope {
    requireNonNull(members, "members");
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a scope must name at least one jurisdiction");
    }
    for (Jurisdiction j : members) {
      requireNonNull(j, "scope member");
      if (!j.isKnown()) {
        throw new IllegalArgumentException("a scope cannot contain " + j);
      }
    }
    members = Immutables.orderedSet(members);
  }

  /**
   * A scope of the given codes, e.g. {@code Scope.of("CN")}, {@code Scope.of("US-CA", "US-WA")}.
   *
   * @throws IllegalArgumentException if a code is invalid or none is given
   */
  public static Scope of(String... codes) {
    return new Scope(Immutables.orderedSet(Arrays.stream(codes).map(Jurisdiction::of).toList()));
  }

  /** A scope of the given jurisdictions. */
  public static Scope of(Collection<Jurisdiction> jurisdictions) {
    return new Scope(Immutables.orderedSet(jurisdictions));
  }

  /** True if {@code j} lies within some member. Unknown is never covered. */
  public boolean covers(Jurisdiction j) {
    for (Jurisdiction m : members) {
      if (j.within(m)) {
        return true;
      }
    }
    return false;
  }

  /** True if every member of this scope lies within {@code outer}. */
  public boolean within(Scope outer) {
    for (Jurisdiction m : members) {
      if (!outer.covers(m)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return members.toString();
  }
}
