package io.geoscope.core;

import static java.util.Objects.requireNonNull;

/**
 * An area a scope names: a place below (or across) subdivisions that a policy defines by postal
 * codes and/or a boundary, compiled elsewhere (geo-areas). The engine knows only this reference:
 * the id, the jurisdiction the area lies in, and the hash of its definition; whether a participant
 * is inside is read from their {@link Evidence#areas()}.
 *
 * <p>An area rule binds only participants placed in the area's country: the lawful reach of a rule
 * naming an area is checked against {@link #within()} exactly as for a jurisdiction it named.
 * Instances are immutable; equality is by value, so a rule built against an area whose definition
 * later changed no longer matches the policy's area and is refused.
 *
 * @param id the area's id in the policy, 1-64 lower-case letters, digits and {@code -}
 * @param name the area's name for people
 * @param within the country, or the subdivision, the area lies in; known
 * @param source the citation of what defines the area (an order, a published list, a map)
 * @param definitionHash a hash of the definition ({@code sha256:...}), for reports and diffs
 */
public record AreaRef(
    String id, String name, Jurisdiction within, String source, String definitionHash) {

  /** Checks for nulls and that {@code within} is known. */
  public AreaRef {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(within, "within");
    requireNonNull(source, "source");
    requireNonNull(definitionHash, "definitionHash");
    if (!within.isKnown()) {
      throw new IllegalArgumentException("an area lies within a known jurisdiction, not " + within);
    }
  }

  /** The country the area lies in. */
  public Jurisdiction country() {
    return within.country();
  }

  @Override
  public String toString() {
    return id + " (in " + within.code() + ")";
  }
}
