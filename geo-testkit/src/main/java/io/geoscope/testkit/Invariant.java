package io.geoscope.testkit;

/**
 * The invariants {@link PolicyInvariants} checks. Each has a stable {@link #code()} used in
 * violation messages. Policy-level invariants compare a policy with edited variants of it, so
 * their counterexamples may shrink the policy too.
 */
public enum Invariant {
  /**
   * Every effect in a decision is on that one participant (the decision is about their
   * jurisdiction, and every applied rule is explained with their evidence), and comes from an
   * enforced rule of the policy that matches them: its scope covers their jurisdiction (or it is
   * unknown and the rule says {@code on-unknown: apply}, or it is the country of a subdivision the
   * scope names and the rule says {@code on-imprecise: apply}), its legal basis is in force at the
   * instant, and its condition holds for the meeting. A deny outcome needs such a deny-join rule.
   * Checked for every participant alone and inside the roster.
   */
  NEVER_WIDEN("never-widen", false),
  /**
   * Removing a rule, or adding one, changes only the decisions of participants that rule covers:
   * located in its scope, unknown when it says {@code on-unknown: apply}, or placed only at
   * country level in the country of a subdivision it names when it says {@code on-imprecise:
   * apply}. Checked by removing
   * each rule in turn (with any lift of it) and by adding a few generated rules.
   */
  LOCALITY("locality", true),
  /**
   * A participant's decision is the same alone as inside the roster, in either roster order: other
   * participants never change it.
   */
  INDEPENDENCE("independence", false),
  /**
   * The same evidence gives the same decision in every role: a host is decided exactly like an
   * attendee at the same place.
   */
  HOST_EQUALITY("host-equality", false),
  /**
   * Shadow rules never change an outcome: removing each shadow rule, or all of them, leaves every
   * outcome and effect unchanged; and turning every enforced rule into a shadow rule admits
   * everyone with no effect.
   */
  SHADOW_NEUTRALITY("shadow-neutrality", true),
  /**
   * Exemptions only lift: removing any one exemption, or all of them, never removes an effect or
   * makes an outcome less severe — so no exemption ever adds an effect.
   */
  EXEMPTION_ONLY_LIFTS("exemption-only-lifts", true),
  /**
   * No participant outside an authority's home is affected by that authority's rules except
   * through a permitted reach: a {@code sanctions} or {@code export-control} rule of an authority
   * whose home is in {@code operator.subject-to}. An unknown participant is affected only by the
   * operator's own law. Checked for every participant, including those placed by {@code
   * CN-HK}-style aliases and in nested subdivisions.
   */
  LAWFUL_REACH("lawful-reach", false),
  /**
   * A participant in scope of an enforced rule that is in force and whose condition holds, and
   * that no in-force exemption covering the participant lifts, gets that rule's effect (and a
   * deny-join rule denies). Catches a decision function that admits everyone or misreads dates.
   * Rules with non-default evidence settings are not asked of, since their reach depends on
   * signals the condition alone does not show.
   */
  ENFORCEMENT("enforcement", false),
  /**
   * A rule lifted by an in-force exemption never reaches a participant that exemption covers: it
   * is not applied to them, and its effect reaches them only through another rule.
   */
  EXEMPTION_HONOURED("exemption-honoured", false);

  private final String code;
  private final boolean policyLevel;

  Invariant(String code, boolean policyLevel) {
    this.code = code;
    this.policyLevel = policyLevel;
  }

  /** The stable, lower-case, hyphenated name used in messages, e.g. {@code never-widen}. */
  public String code() {
    return code;
  }

  /**
   * True if checking this invariant compares the policy with edited variants of it; the checker
   * then also shrinks the policy (by dropping rules and exemptions) in counterexamples.
   */
  public boolean isPolicyLevel() {
    return policyLevel;
  }

  @Override
  public String toString() {
    return code;
  }
}
