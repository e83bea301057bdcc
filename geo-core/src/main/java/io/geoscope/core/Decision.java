package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decision for one participant: outcome, effects on that participant alone, and the
 * explanation — every applied rule with its legal basis and evidence, shadow matches and lifted
 * rules listed separately, and a reason key with parameters for a user-facing message. Holds no IP
 * address and nothing about the meeting or any other participant.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param jurisdiction where the participant was placed
 * @param outcome admit, admit-limited or deny
 * @param effects the effects applied, normalized: deny-join first, then one disable with the union
 *     of features, then notices by key
 * @param applied enforced rules that matched and were not lifted, by rule id
 * @param shadowed shadow-mode rules that would have matched, by rule id; they changed nothing
 * @param lifted rules that matched but were lifted by an exemption, by rule id
 * @param reasonKey a message key: {@code geoscope.admit}, {@code geoscope.admit-limited} or
 *     {@code geoscope.deny}
 * @param reasonParams parameters for the message: {@code jurisdiction}, and where rules applied
 *     {@code citation}, {@code authority}, {@code rule}, and where signals disagreed {@code
 *     conflict} (every signal as {@code source jurisdiction})
 * @param policyVersion the version of the policy the decision was made under; empty for {@link
 *     #admit(Jurisdiction)}, which no engine made
 * @param evidence the evidence that placed the participant, for admits too, so a decision is a
 *     complete record without the call that produced it
 * @param conflict the disagreeing signals and the rules they narrowed; {@link Conflict#none()}
 *     when the signals agree
 */
public record Decision(
    Jurisdiction jurisdiction,
    Outcome outcome,
    List<Effect> effects,
    List<AppliedRule> applied,
    List<AppliedRule> shadowed,
    List<LiftedRule> lifted,
    String reasonKey,
    Map<String, String> reasonParams,
    String policyVersion,
    Evidence evidence,
    Conflict conflict) {

  /** Copies and checks the components. */
  public Decision {
    requireNonNull(jurisdiction, "jurisdiction");
    requireNonNull(outcome, "outcome");
    effects = List.copyOf(effects);
    applied = List.copyOf(applied);
    shadowed = List.copyOf(shadowed);
    lifted = List.copyOf(lifted);
    requireNonNull(reasonKey, "reasonKey");
    reasonParams = Immutables.orderedMap(reasonParams);
    requireNonNull(policyVersion, "policyVersion");
    requireNonNull(evidence, "evidence");
    if (evidence.jurisdiction() != jurisdiction) {
      throw new IllegalArgumentException(
          "evidence places the participant in " + evidence.jurisdiction()
              + ", not in the decision's " + jurisdiction);
    }
    requireNonNull(conflict, "conflict");
  }

  /** A decision made by an engine whose signals did not disagree. */
  public Decision(
      Jurisdiction jurisdiction,
      Outcome outcome,
      List<Effect> effects,
      List<AppliedRule> applied,
      List<AppliedRule> shadowed,
      List<LiftedRule> lifted,
      String reasonKey,
      Map<String, String> reasonParams,
      String policyVersion,
      Evidence evidence) {
    this(
        jurisdiction, outcome, effects, applied, shadowed, lifted, reasonKey, reasonParams,
        policyVersion, evidence, Conflict.none());
  }

  /**
   * A decision built by hand with a conflict, no policy version and evidence of source {@code
   * none}.
   */
  public Decision(
      Jurisdiction jurisdiction,
      Outcome outcome,
      List<Effect> effects,
      List<AppliedRule> applied,
      List<AppliedRule> shadowed,
      List<LiftedRule> lifted,
      String reasonKey,
      Map<String, String> reasonParams,
      Conflict conflict) {
    this(
        jurisdiction, outcome, effects, applied, shadowed, lifted, reasonKey, reasonParams, "",
        Evidence.unattributed(jurisdiction), conflict);
  }

  /**
   * A decision made outside any engine, with no policy version and evidence of source {@code
   * none}: for callers and tests that build decisions by hand.
   */
  public Decision(
      Jurisdiction jurisdiction,
      Outcome outcome,
      List<Effect> effects,
      List<AppliedRule> applied,
      List<AppliedRule> shadowed,
      List<LiftedRule> lifted,
      String reasonKey,
      Map<String, String> reasonParams) {
    this(jurisdiction, outcome, effects, applied, shadowed, lifted, reasonKey, reasonParams, "",
        Evidence.unattributed(jurisdiction));
  }

  /** The constant admit of {@link #admit(Jurisdiction)}; built once per jurisdiction. */
  static Decision admittedIn(Jurisdiction j) {
    return admitted("", Evidence.unattributed(j));
  }

  /** The plain admit under {@code policyVersion} for the participant placed by {@code evidence}. */
  static Decision admitted(String policyVersion, Evidence evidence) {
    Jurisdiction j = evidence.jurisdiction();
    return new Decision(
        j, Outcome.ADMIT, List.of(), List.of(), List.of(), List.of(), "geoscope.admit",
        Map.of("jurisdiction", j.code()), policyVersion, evidence);
  }

  /**
   * The plain admit for a participant in {@code j}, with nothing matched, no policy version and
   * unattributed evidence; one constant per jurisdiction, allocation-free. An engine's admits name
   * their policy version and evidence instead, so compare outcomes, not identity, with this.
   */
  public static Decision admit(Jurisdiction j) {
    return j.admitted;
  }

  /** True if the participant may join (possibly limited). */
  public boolean admitted() {
    return outcome != Outcome.DENY;
  }

  /** The features disabled for this participant; empty if none. */
  public Set<Feature> disabledFeatures() {
    for (Effect e : effects) {
      if (e instanceof Effect.Disable d) {
        return d.features();
      }
    }
    return Set.of();
  }

  /**
   * A plain-English rendering of the reason, e.g. "not available from CN under ...", then, when
   * the evidence placed the participant relative to areas, each area and the test that placed
   * them ("[area zone-a: uncertain (the location circle straddles the boundary)]"), and, when
   * signals disagreed, what they said and which rules the dispute kept from applying.
   */
  public String describe() {
    String where = reasonParams.getOrDefault("jurisdiction", jurisdiction.code());
    String what =
        switch (outcome) {
          case DENY -> "not available from " + where + " under " + reasonParams.get("citation");
          case ADMIT_LIMITED -> "limited in " + where + " under " + reasonParams.get("citation");
          case ADMIT -> "admitted";
        };
    if (!evidence.areas().isEmpty()) {
      what = what + " [" + evidence.areas().describe() + "]";
    }
    if (!conflict.present()) {
      return what;
    }
    String narrowed =
        conflict.narrowed().isEmpty()
            ? ""
            : "; not applied while they disagree: " + String.join(", ", conflict.narrowed());
    return what + " (location signals disagree: " + conflict.describe() + narrowed + ")";
  }

  /** Normalizes effects: deny first, one merged disable, then distinct notices by key. */
  static List<Effect> normalize(List<Effect> effects) {
    boolean deny = false;
    EnumSet<Feature> disabled = EnumSet.noneOf(Feature.class);
    java.util.TreeSet<String> notices = new java.util.TreeSet<>();
    for (Effect e : effects) {
      if (e instanceof Effect.DenyJoin) {
        deny = true;
      } else if (e instanceof Effect.Disable d) {
        disabled.addAll(d.features());
      } else if (e instanceof Effect.Notice n) {
        notices.add(n.key());
      }
    }
    List<Effect> out = new java.util.ArrayList<>();
    if (deny) {
      out.add(Effect.denyJoin());
    }
    if (!disabled.isEmpty()) {
      out.add(Effect.disable(disabled));
    }
    for (String n : notices) {
      out.add(Effect.notice(n));
    }
    return out;
  }
}
