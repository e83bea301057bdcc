package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One decision as a value to keep: enough to audit and aggregate, never a raw IP address. A
 * {@link DecisionListener} receives the decision itself; build an event with {@link #of(Instant,
 * Participant, Decision)} when you want to store or queue it.
 *
 * @param at the decision instant
 * @param policyVersion the version of the policy that decided
 * @param participantId the participant's opaque id
 * @param role the participant's role
 * @param jurisdiction where the participant was placed
 * @param outcome the outcome
 * @param ruleIds ids of the applied rules
 * @param citations citations of the applied rules, aligned with {@code ruleIds}
 * @param shadowRuleIds ids of shadow matches
 * @param source how the location was established
 * @param producer what produced the evidence (e.g. the database and its build)
 */
public record DecisionEvent(
    Instant at,
    String policyVersion,
    String participantId,
    Role role,
    Jurisdiction jurisdiction,
    Outcome outcome,
    List<String> ruleIds,
    List<String> citations,
    List<String> shadowRuleIds,
    LocationSource source,
    String producer) {

  /** Copies and checks the components. */
  public DecisionEvent {
    requireNonNull(at, "at");
    requireNonNull(policyVersion, "policyVersion");
    requireNonNull(participantId, "participantId");
    requireNonNull(role, "role");
    requireNonNull(jurisdiction, "jurisdiction");
    requireNonNull(outcome, "outcome");
    ruleIds = List.copyOf(ruleIds);
    citations = List.copyOf(citations);
    shadowRuleIds = List.copyOf(shadowRuleIds);
    requireNonNull(source, "source");
    requireNonNull(producer, "producer");
  }

  /** The event for {@code decision} about {@code participant}, under its own policy version. */
  public static DecisionEvent of(Instant at, Participant participant, Decision decision) {
    return of(at, participant.id(), participant.role(), decision);
  }

  /**
   * The event for {@code decision} about the participant {@code participantId}, under the
   * decision's own policy version: what a {@link DecisionListener} is given, made into a value.
   */
  public static DecisionEvent of(Instant at, String participantId, Role role, Decision decision) {
    return of(at, decision.policyVersion(), participantId, role, decision);
  }

  /** The event for {@code decision} about {@code participant}, naming {@code policyVersion}. */
  public static DecisionEvent of(
      Instant at, String policyVersion, Participant participant, Decision decision) {
    return of(at, policyVersion, participant.id(), participant.role(), decision);
  }

  private static DecisionEvent of(
      Instant at, String policyVersion, String participantId, Role role, Decision decision) {
    return new DecisionEvent(
        at,
        policyVersion,
        participantId,
        role,
        decision.jurisdiction(),
        decision.outcome(),
        decision.applied().stream().map(AppliedRule::ruleId).toList(),
        decision.applied().stream().map(AppliedRule::citation).toList(),
        decision.shadowed().stream().map(AppliedRule::ruleId).toList(),
        decision.evidence().source(),
        decision.evidence().producer());
  }
}
