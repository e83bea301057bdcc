package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Lifts named rules for participants located in {@code appliesIn}, under {@code basis} — e.g. a
 * general licence authorising conferencing services inside a sanctions programme. An exemption
 * only ever removes effects; it cannot add one.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param id unique within a policy (shared namespace with rules)
 * @param basis the law that grants the exemption
 * @param appliesIn where the participant must be; must lie inside {@code basis.territory()}
 * @param lifts the ids of the rules it lifts, never empty
 */
public record Exemption(String id, LegalBasis basis, Scope appliesIn, Set<String> lifts) {

  /** Checks for nulls and shape. */
  public Exemption {
    requireNonNull(id, "id");
    requireNonNull(basis, "basis");
    requireNonNull(appliesIn, "appliesIn");
    lifts = Immutables.orderedSet(requireNonNull(lifts, "lifts"));
    PolicyValidator.checkId("exemption", id);
    if (lifts.isEmpty()) {
      throw new IllegalArgumentException("exemption '" + id + "' must lift at least one rule");
    }
  }
}
