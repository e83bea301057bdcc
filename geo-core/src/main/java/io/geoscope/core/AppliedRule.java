package io.geoscope.core;

import static java.util.Objects.requireNonNull;

/**
 * A rule that matched a participant, and why: its legal basis and the evidence that placed the
 * participant in its scope.
 *
 * @param ruleId the rule's id
 * @param authority the basis's authority
 * @param citation the basis's citation
 * @param effect the rule's effect
 * @param evidence the evidence that placed the participant in scope
 * @param area when an area of the scope placed the participant: which, and by which test, e.g.
 *     {@code "area zone-a: inside (postal code listed)"}; empty otherwise
 */
public record AppliedRule(
    String ruleId, String authority, String citation, Effect effect, Evidence evidence,
    String area) {

  /** Checks for nulls. */
  public AppliedRule {
    requireNonNull(ruleId, "ruleId");
    requireNonNull(authority, "authority");
    requireNonNull(citation, "citation");
    requireNonNull(effect, "effect");
    requireNonNull(evidence, "evidence");
    requireNonNull(area, "area");
  }

  /** A rule that placed the participant by a jurisdiction, not an area. */
  public AppliedRule(
      String ruleId, String authority, String citation, Effect effect, Evidence evidence) {
    this(ruleId, authority, citation, effect, evidence, "");
  }

  /** The explanation of {@code rule} matching on {@code evidence}. */
  public static AppliedRule of(Rule rule, Evidence evidence) {
    return of(rule, evidence, "");
  }

  /** The explanation of {@code rule} matching on {@code evidence} by {@code area} (or ""). */
  public static AppliedRule of(Rule rule, Evidence evidence, String area) {
    return new AppliedRule(rule.id(), rule.basis().authority(), rule.basis().citation(),
        rule.effect(), evidence, area);
  }
}
