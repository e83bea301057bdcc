package io.geoscope.core;

import static java.util.Objects.requireNonNull;

/**
 * A rule that matched a participant but was lifted by an exemption.
 *
 * @param ruleId the lifted rule's id
 * @param exemptionId the exemption that lifted it
 * @param citation the exemption's citation, e.g. a general licence
 */
public record LiftedRule(String ruleId, String exemptionId, String citation) {
  /** Checks for nulls. */
  public LiftedRule {
    requireNonNull(ruleId, "ruleId");
    requireNonNull(exemptionId, "exemptionId");
    requireNonNull(citation, "citation");
  }
}
