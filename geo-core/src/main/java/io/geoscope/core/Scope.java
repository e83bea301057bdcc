package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A non-empty set of known jurisdictions (countries and/or subdivisions) and areas. There is no
 * wildcard: a scope names every place it covers.
 *
 * <p>A country member covers the country and all its subdivisions; a subdivision member covers only
 * that subdivision. An {@link AreaRef area} covers whom their evidence places inside it (and, for a
 * rule with {@code on-uncertain: apply}, whom it cannot place), never anyone outside the area's
 * country. Instances are immutable and thread-safe; equality is by members and areas, ignoring
 * order.
 *
 * @param members the jurisdictions, never unknown; empty only when there are areas
 * @param areas the areas, by reference; often empty
 */
public record Scope(Set<Jurisdiction> members, Set<AreaRef> areas) {

  /** Copies and checks the members. */
  public Scope {
    requireNonNull(members, "members");
    requireNonNull(areas, "areas");
    if (members.isEmpty() && areas.isEmpty()) {
      throw new IllegalArgumentException("a scope must name at least one jurisdiction or area");
    }
    for (AreaRef a : areas) {
      requireNonNull(a, "scope area");
    }
    areas = Immutables.orderedSet(areas);
    for (Jurisdiction j : members) {
      requireNonNull(j, "scope member");
      if (!j.isKnown()) {
        throw new IllegalArgumentException("a scope cannot contain " + j);
      }
    }
    members = Immutables.orderedSet(members);
  }

  /** A scope of jurisdictions only. */
  public Scope(Set<Jurisdiction> members) {
    this(members, Set.of());
  }

  /** A scope of areas only. */
  public static Scope ofAreas(AreaRef... areas) {
    return new Scope(Set.of(), Immutables.orderedSet(Arrays.asList(areas)));
  }

  /** This scope with {@code more} areas too. */
  public Scope withAreas(AreaRef... more) {
    List<AreaRef> all = new ArrayList<>(areas);
    all.addAll(Arrays.asList(more));
    return new Scope(members, Immutables.orderedSet(all));
  }

  /** True if the scope names some area. */
  public boolean hasAreas() {
    return !areas.isEmpty();
  }

  /**
   * Every place the scope can reach: the members, and the jurisdiction each area lies in. Lawful
   * reach is checked against these, so an area reaches exactly as far as its country would.
   */
  public Set<Jurisdiction> places() {
    if (areas.isEmpty()) {
      return members;
    }
    List<Jurisdiction> all = new ArrayList<>(members);
    for (AreaRef a : areas) {
      all.add(a.within());
    }
    return Immutables.orderedSet(all);
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

  /**
   * True if {@code j} lies within some member. Unknown is never covered. Areas are not consulted:
   * whether a participant is inside one depends on their evidence, not on a jurisdiction.
   */
  public boolean covers(Jurisdiction j) {
    for (Jurisdiction m : members) {
      if (j.within(m)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if every member of this scope, and the jurisdiction of each of its areas, lies within
   * {@code outer}'s members.
   */
  public boolean within(Scope outer) {
    for (Jurisdiction m : places()) {
      if (!outer.covers(m)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    if (areas.isEmpty()) {
      return members.toString();
    }
    List<String> all = new ArrayList<>();
    for (Jurisdiction m : members) {
      all.add(m.toString());
    }
    for (AreaRef a : areas) {
      all.add("area " + a.id());
    }
    return all.toString();
  }
}
