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
 */
public record AppliedRule(
    String ruleId, String authority, String citation, Effect effect, Evidence evidence) {

  /** Checks for nulls. */
  public AppliedRule {
    requireNonNull(ruleId, "ruleId");
    requireNonNull(authority, "authority");
    requireNonNull(citation, "citation");
    requireNonNull(effect, "effect");
    requireNonNull(evidence, "evidence");
  }

  /** The explanation of {@code rule} matching on {@code evidence}. */
  public static AppliedRule of(Rule rule, Evidence evidence) {
    return new AppliedRule(
        rule.id(), rule.basis().authority(), rule.basis().citation(), rule.effect(), evidence);
  }
}
