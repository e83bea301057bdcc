package io.geoscope.testkit;

import io.geoscope.core.AppliedRule;
import io.geoscope.core.Authority;
import io.geoscope.core.EvidenceStandard;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.OnAnonymizer;
import io.geoscope.core.OnImprecise;
import io.geoscope.core.PolicyValidator;
import io.geoscope.core.Decision;
import io.geoscope.core.Effect;
import io.geoscope.core.Exemption;
import io.geoscope.core.Feature;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.Meeting;
import io.geoscope.core.Mode;
import io.geoscope.core.OnUnknown;
import io.geoscope.core.Outcome;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.Role;
import io.geoscope.core.Rule;
import io.geoscope.testkit.Counterexample;
import io.geoscope.testkit.Decider;
import io.geoscope.testkit.Invariant;
import io.geoscope.testkit.Property;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The invariant checks over one {@link Counterexample}. Not part of the public API. Not
 * thread-safe (it memoizes policy variants); one instance per checker run.
 */
final class Checks {
  private final Decider decider;
  private final List<Rule> addedRules;
  private final Map<Policy, Variants> variants = new IdentityHashMap<>();

  /**
   * @param decider the decision function under test
   * @param addedRules rules the locality check adds to the policy one at a time
   */
  public Checks(Decider decider, List<Rule> addedRules) {
    this.decider = decider;
    this.addedRules = List.copyOf(addedRules);
  }

  /**
   * The failure of {@code invariant} on {@code c}, or null if it holds. A decision function that
   * throws fails the invariant being checked (Geoscope's engine never throws for a valid policy),
   * so the situation is shrunk and reported like any other.
   */
  public @Nullable Failure check(Invariant invariant, Counterexample c) {
    try {
      return checkOrThrow(invariant, c);
    } catch (RuntimeException e) {
      return new Failure("the decision function threw " + e, List.of(), e);
    }
  }

  /** The failure of a user {@code property} on {@code c}, or null if it holds for everyone. */
  public @Nullable Failure check(Property property, Counterexample c) {
    try {
      for (Participant p : c.roster()) {
        Decision d = decide(c.policy(), p, c);
        String why =
            property.violation(new Property.Observation(c.policy(), p, c.meeting(), c.at(), d));
        if (why != null) {
          return new Failure(why, List.copyOf(appliedIds(d)));
        }
      }
      return null;
    } catch (RuntimeException e) {
      return new Failure("the decision function or the property threw " + e, List.of(), e);
    }
  }

  private @Nullable Failure checkOrThrow(Invariant invariant, Counterexample c) {
    switch (invariant) {
      case NEVER_WIDEN:
        return neverWiden(c);
      case LOCALITY:
        return locality(c);
      case INDEPENDENCE:
        return independence(c);
      case HOST_EQUALITY:
        return hostEquality(c);
      case SHADOW_NEUTRALITY:
        return shadowNeutrality(c);
      case EXEMPTION_ONLY_LIFTS:
        return exemptionOnlyLifts(c);
      case LAWFUL_REACH:
        return lawfulReach(c);
      case ENFORCEMENT:
        return enforcement(c);
      case EXEMPTION_HONOURED:
        return exemptionHonoured(c);
      default:
        throw new AssertionError(invariant);
    }
  }

  // ------------------------------------------------------------------ never-widen

  private @Nullable Failure neverWiden(Counterexample c) {
    for (Participant p : c.roster()) {
      Failure f = justify(c, p, decide(c.policy(), p, c), "alone");
      if (f != null) {
        return f;
      }
    }
    List<Decision> decided = decider.decideRoster(c.policy(), c.roster(), c.meeting(), c.at());
    if (decided.size() != c.roster().size()) {
      return new Failure(
          "decideRoster returned " + decided.size() + " decisions for " + c.roster().size()
              + " participants",
          List.of());
    }
    for (int i = 0; i < decided.size(); i++) {
      Failure f = justify(c, c.roster().get(i), decided.get(i), "in the roster");
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  private static @Nullable Failure justify(
      Counterexample c, Participant p, Decision d, String how) {
    Jurisdiction j = p.jurisdiction();
    String who = p.id() + " (" + p.role().code() + " in " + j + ", " + how + ")";
    if (d.jurisdiction() != j) {
      return new Failure(
          "the decision for " + who + " is about " + d.jurisdiction() + ", not the participant",
          List.of());
    }
    for (AppliedRule a : d.applied()) {
      Optional<Rule> rule = c.policy().rule(a.ruleId());
      if (rule.isEmpty()) {
        return new Failure(
            who + " was restricted by '" + a.ruleId() + "', which is not a rule of the policy",
            List.of(a.ruleId()));
      }
      String why = whyNotMatching(rule.get(), p, c.meeting(), c.at());
      if (why != null) {
        return new Failure(
            "rule " + a.ruleId() + " was applied to " + who + " although " + why,
            List.of(a.ruleId()));
      }
      if (!a.evidence().equals(p.evidence())) {
        return new Failure(
            "rule " + a.ruleId() + " was applied to " + who + " on someone else's evidence ("
                + a.evidence().jurisdiction() + ")",
            List.of(a.ruleId()));
      }
    }
    Set<String> justified = new TreeSet<>();
    for (Rule r : c.policy().rules()) {
      if (r.mode() == Mode.ENFORCE && whyNotMatching(r, p, c.meeting(), c.at()) == null) {
        justified.addAll(atoms(r.effect()));
      }
    }
    Set<String> present = atoms(d);
    if (d.outcome() == Outcome.DENY) {
      present.add(DENY);
    }
    for (String atom : present) {
      if (!justified.contains(atom)) {
        return new Failure(
            atom + " on " + who + " comes from no enforced rule that covers " + j
                + ", is in force and whose condition holds (decision: " + summary(d) + ")",
            rulesWith(c.policy(), atom));
      }
    }
    return null;
  }

  /** Why {@code r} does not match {@code p}, or null if it does. */
  static @Nullable String whyNotMatching(Rule r, Participant p, Meeting m, Instant at) {
    Jurisdiction j = p.jurisdiction();
    if (r.mode() != Mode.ENFORCE) {
      return "it is a shadow rule";
    }
    if (!covers(r, j)) {
      return j.isKnown()
          ? "its scope " + r.appliesIn() + " does not cover " + j
          : j + " is unknown and the rule says on-unknown " + r.onUnknown().code();
    }
    if (!r.basis().inForceAt(at)) {
      return "its legal basis " + r.basis().citation() + " is not in force at " + at;
    }
    if (!r.when().matches(m)) {
      return "its condition (" + Describe.condition(r.when()) + ") does not hold for the meeting";
    }
    return null;
  }

  /**
   * True if {@code r} reaches a participant in {@code j}, before mode, dates and condition: its
   * scope covers {@code j}; or {@code j} is unknown and the rule says {@code on-unknown: apply};
   * or {@code j} is a country-level placement in the country of a subdivision the scope names and
   * the rule says {@code on-imprecise: apply}. (Generated participants carry no anonymizer facts,
   * so {@code on-anonymizer} never decides here.)
   */
  static boolean covers(Rule r, Jurisdiction j) {
    if (!j.isKnown()) {
      return r.onUnknown() == OnUnknown.APPLY;
    }
    return r.appliesIn().covers(j) || (r.onImprecise() == OnImprecise.APPLY
        && j.kind() == Jurisdiction.Kind.COUNTRY && namesASubdivisionOf(r, j));
  }

  private static boolean namesASubdivisionOf(Rule r, Jurisdiction country) {
    for (Jurisdiction named : r.appliesIn().members()) {
      if (named.isSubdivision() && named.country().equals(country)) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ locality

  private @Nullable Failure locality(Counterexample c) {
    Variants v = variants(c.policy());
    for (Rule r : c.policy().rules()) {
      Failure f = localityOf(c, r, v.without(r.id()), "removing");
      if (f != null) {
        return f;
      }
    }
    for (Rule added : addedRules) {
      if (c.policy().rule(added.id()).isPresent()) {
        continue;
      }
      Failure f = localityOf(c, added, v.with(added), "adding");
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  private @Nullable Failure localityOf(Counterexample c, Rule r, Policy edited, String how) {
    for (Participant p : c.roster()) {
      if (covers(r, p.jurisdiction())) {
        continue;
      }
      Decision before = decide(c.policy(), p, c);
      Decision after = decide(edited, p, c);
      if (!before.equals(after)) {
        return new Failure(
            how + " rule " + r.id() + " (scope " + r.appliesIn() + ", on-unknown "
                + r.onUnknown().code() + ") changed the decision of " + p.id() + " in "
                + p.jurisdiction() + ", whom it does not cover: " + summary(before) + " -> "
                + summary(after),
            List.of(r.id()));
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ independence

  private @Nullable Failure independence(Counterexample c) {
    List<Participant> roster = c.roster();
    List<Participant> reversed = new ArrayList<>(roster);
    java.util.Collections.reverse(reversed);
    List<Decision> forward = decider.decideRoster(c.policy(), roster, c.meeting(), c.at());
    List<Decision> backward = decider.decideRoster(c.policy(), reversed, c.meeting(), c.at());
    if (forward.size() != roster.size() || backward.size() != roster.size()) {
      return new Failure("decideRoster did not return one decision per participant", List.of());
    }
    int n = roster.size();
    for (int i = 0; i < n; i++) {
      Participant p = roster.get(i);
      Decision alone = decide(c.policy(), p, c);
      Decision inside = forward.get(i);
      Decision insideReversed = backward.get(n - 1 - i);
      if (!alone.equals(inside) || !alone.equals(insideReversed)) {
        Decision other = alone.equals(inside) ? insideReversed : inside;
        return new Failure(
            "the decision of " + p.id() + " (" + p.role().code() + " in " + p.jurisdiction()
                + ") depends on the others: alone " + summary(alone) + ", in a roster of " + n
                + " " + summary(other),
            differingRules(c.policy(), alone, other));
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ host-equality

  private @Nullable Failure hostEquality(Counterexample c) {
    for (Participant p : c.roster()) {
      Participant attendee = new Participant(p.id(), Role.ATTENDEE, p.evidence());
      Decision base = decide(c.policy(), attendee, c);
      for (Role role : Role.values()) {
        if (role == Role.ATTENDEE) {
          continue;
        }
        Decision asRole = decide(c.policy(), new Participant(p.id(), role, p.evidence()), c);
        if (!asRole.equals(base)) {
          return new Failure(
              p.id() + " in " + p.jurisdiction() + " is decided differently as " + role.code()
                  + " (" + summary(asRole) + ") than as attendee (" + summary(base) + ")",
              differingRules(c.policy(), asRole, base));
        }
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ shadow-neutrality

  private @Nullable Failure shadowNeutrality(Counterexample c) {
    Policy policy = c.policy();
    Variants v = variants(policy);
    for (Rule r : policy.rules()) {
      if (r.mode() != Mode.SHADOW) {
        continue;
      }
      Failure f =
          sameOutcomes(c, v.without(r.id()), "removing shadow rule " + r.id(), p -> List.of(r.id()));
      if (f != null) {
        return f;
      }
    }
    if (v.hasShadow()) {
      Failure f =
          sameOutcomes(c, v.withoutShadow(), "removing every shadow rule", p -> suspects(c, p));
      if (f != null) {
        return f;
      }
    }
    if (v.hasEnforced()) {
      for (Participant p : c.roster()) {
        Decision d = decide(v.allShadow(), p, c);
        if (d.outcome() != Outcome.ADMIT || !d.effects().isEmpty()) {
          List<String> named = new ArrayList<>();
          d.applied().forEach(a -> named.add(a.ruleId()));
          if (named.isEmpty()) {
            for (String atom : atoms(d)) {
              named.addAll(rulesWith(policy, atom));
            }
          }
          return new Failure(
              "with every rule in shadow mode, " + p.id() + " in " + p.jurisdiction()
                  + " is still restricted: " + summary(d),
              distinct(named));
        }
      }
    }
    return null;
  }

  /** Shadow rules that would match {@code p} but for their mode. */
  private static List<String> suspects(Counterexample c, Participant p) {
    List<String> out = new ArrayList<>();
    for (Rule r : c.policy().rules()) {
      if (r.mode() == Mode.SHADOW
          && whyNotMatching(PolicyEdits.withMode(r, Mode.ENFORCE), p, c.meeting(), c.at())
              == null) {
        out.add(r.id());
      }
    }
    return out;
  }

  private @Nullable Failure sameOutcomes(
      Counterexample c,
      Policy edited,
      String what,
      java.util.function.Function<Participant, List<String>> named) {
    for (Participant p : c.roster()) {
      Decision before = decide(c.policy(), p, c);
      Decision after = decide(edited, p, c);
      if (before.outcome() != after.outcome() || !atoms(before).equals(atoms(after))) {
        return new Failure(
            what + " changed the outcome of " + p.id() + " in " + p.jurisdiction() + ": "
                + summary(before) + " -> " + summary(after),
            named.apply(p));
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ exemption-only-lifts

  private @Nullable Failure exemptionOnlyLifts(Counterexample c) {
    Policy policy = c.policy();
    if (policy.exemptions().isEmpty()) {
      return null;
    }
    Variants v = variants(policy);
    for (Exemption e : policy.exemptions()) {
      List<String> named = new ArrayList<>();
      named.add(e.id());
      named.addAll(e.lifts());
      Failure f = onlyLifts(c, v.withoutExemption(e.id()), "exemption " + e.id(), named);
      if (f != null) {
        return f;
      }
    }
    List<String> all = new ArrayList<>();
    policy.exemptions().forEach(e -> all.add(e.id()));
    return onlyLifts(c, v.withoutExemptions(), "the exemptions together", all);
  }

  private @Nullable Failure onlyLifts(
      Counterexample c, Policy without, String what, List<String> named) {
    for (Participant p : c.roster()) {
      Decision with = decide(c.policy(), p, c);
      Decision bare = decide(without, p, c);
      Set<String> added = atoms(with);
      added.removeAll(atoms(bare));
      if (!added.isEmpty() || severity(with.outcome()) > severity(bare.outcome())) {
        return new Failure(
            what + " added " + (added.isEmpty() ? "severity" : String.join(", ", added))
                + " for " + p.id() + " in " + p.jurisdiction() + ": without it "
                + summary(bare) + ", with it " + summary(with),
            named);
      }
    }
    return null;
  }

  private static int severity(Outcome o) {
    switch (o) {
      case DENY:
        return 2;
      case ADMIT_LIMITED:
        return 1;
      default:
        return 0;
    }
  }

  // ------------------------------------------------------------------ lawful-reach

  private @Nullable Failure lawfulReach(Counterexample c) {
    Policy policy = c.policy();
    for (Participant p : c.roster()) {
      Jurisdiction j = p.jurisdiction();
      for (AppliedRule a : decide(policy, p, c).applied()) {
        Optional<Rule> rule = policy.rule(a.ruleId());
        if (rule.isEmpty()) {
          continue; // never-widen reports rules the policy does not have
        }
        LegalBasis basis = rule.get().basis();
        Authority authority = policy.authorityOf(basis);
        if (j.isKnown() && authority.isHome(j)) {
          continue;
        }
        boolean operatorLaw = PolicyValidator.isOperatorLaw(authority, policy.operator());
        boolean permitted =
            operatorLaw && (!j.isKnown() || basis.kind().mayReachAbroad());
        if (!permitted) {
          return new Failure(
              "rule " + a.ruleId() + " of " + authority.name() + " (home "
                  + authority.homeText() + ", " + basis.kind().code() + ") affected " + p.id()
                  + " in " + j + ", outside that home, "
                  + (operatorLaw
                      ? "although a " + basis.kind().code() + " never reaches abroad"
                      : "although it is not the operator's own law"),
              List.of(a.ruleId()));
        }
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ enforcement

  private @Nullable Failure enforcement(Counterexample c) {
    Policy policy = c.policy();
    for (Participant p : c.roster()) {
      if (p.evidence().anonymized()) {
        continue;
      }
      Decision d = null;
      for (Rule r : policy.rules()) {
        if (!plainEvidence(r) || whyNotMatching(r, p, c.meeting(), c.at()) != null) {
          continue;
        }
        if (!liftingExemptions(policy, r, p, c.at()).isEmpty() || maybeLifted(policy, r, p, c)) {
          continue;
        }
        if (d == null) {
          d = decide(policy, p, c);
        }
        Set<String> missing = atoms(r.effect());
        missing.removeAll(atoms(d));
        boolean notDenied = r.effect() instanceof Effect.DenyJoin && d.outcome() != Outcome.DENY;
        if (!missing.isEmpty() || notDenied) {
          return new Failure(
              p.id() + " (" + p.role().code() + " in " + p.jurisdiction() + ") is in scope of"
                  + " enforced rule " + r.id() + ", in force at " + c.at() + " under "
                  + r.basis().citation() + ", whose condition holds and which no exemption"
                  + " lifts, yet did not get " + (missing.isEmpty() ? "denied" : missing)
                  + " (decision: " + summary(d) + ")",
              List.of(r.id()));
        }
      }
    }
    return null;
  }

  /** True if the rule's reach depends only on the primary placement. */
  private static boolean plainEvidence(Rule r) {
    return r.evidence() == EvidenceStandard.PRIMARY
        && r.onImprecise() == OnImprecise.SKIP
        && r.onAnonymizer() == OnAnonymizer.IGNORE;
  }

  /** An unknown participant's lift is not decidable from scopes alone: do not ask. */
  private static boolean maybeLifted(Policy policy, Rule r, Participant p, Counterexample c) {
    if (p.jurisdiction().isKnown()) {
      return false;
    }
    for (Exemption e : policy.exemptions()) {
      if (e.lifts().contains(r.id()) && e.basis().inForceAt(c.at())) {
        return true;
      }
    }
    return false;
  }

  /** The in-force exemptions covering {@code p} that lift {@code r}. */
  private static List<Exemption> liftingExemptions(
      Policy policy, Rule r, Participant p, Instant at) {
    List<Exemption> out = new ArrayList<>();
    Jurisdiction j = p.jurisdiction();
    for (Exemption e : policy.exemptions()) {
      if (e.lifts().contains(r.id()) && j.isKnown() && e.appliesIn().covers(j)
          && e.basis().inForceAt(at)) {
        out.add(e);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ exemption-honoured

  private @Nullable Failure exemptionHonoured(Counterexample c) {
    Policy policy = c.policy();
    for (Participant p : c.roster()) {
      Decision d = null;
      for (Rule r : policy.rules()) {
        List<Exemption> lifting = liftingExemptions(policy, r, p, c.at());
        if (lifting.isEmpty()) {
          continue;
        }
        if (d == null) {
          d = decide(policy, p, c);
        }
        Exemption e = lifting.get(0);
        boolean applied = appliedIds(d).contains(r.id());
        Set<String> leaked = atoms(r.effect());
        leaked.retainAll(atoms(d));
        leaked.removeAll(atomsOfOthers(policy, d, r.id()));
        if (applied || !leaked.isEmpty()) {
          return new Failure(
              "exemption " + e.id() + " (" + e.basis().citation() + ", in " + e.appliesIn()
                  + ") lifts rule " + r.id() + " for " + p.id() + " in " + p.jurisdiction()
                  + ", yet " + (applied ? "the rule was applied" : "its effect " + leaked
                  + " reached them") + " (decision: " + summary(d) + ")",
              List.of(r.id(), e.id()));
        }
      }
    }
    return null;
  }

  /** The atoms of every rule applied in {@code d} other than {@code ruleId}. */
  private static Set<String> atomsOfOthers(Policy policy, Decision d, String ruleId) {
    Set<String> out = new TreeSet<>();
    for (AppliedRule a : d.applied()) {
      if (!a.ruleId().equals(ruleId)) {
        policy.rule(a.ruleId()).ifPresent(o -> out.addAll(atoms(o.effect())));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ helpers

  private Decision decide(Policy policy, Participant p, Counterexample c) {
    return decider.decide(policy, p, c.meeting(), c.at());
  }

  private Variants variants(Policy policy) {
    if (variants.size() > 256) {
      variants.clear();
    }
    return variants.computeIfAbsent(policy, Variants::new);
  }

  static final String DENY = "deny-join";

  /** The effects as comparable atoms: deny-join, disable:feature, notice:key. */
  static Set<String> atoms(Decision d) {
    Set<String> out = new TreeSet<>();
    for (Effect e : d.effects()) {
      out.addAll(atoms(e));
    }
    return out;
  }

  static Set<String> atoms(Effect e) {
    Set<String> out = new TreeSet<>();
    if (e instanceof Effect.DenyJoin) {
      out.add(DENY);
    } else if (e instanceof Effect.Disable d) {
      for (Feature f : d.features()) {
        out.add("disable:" + f.code());
      }
    } else if (e instanceof Effect.Notice n) {
      out.add("notice:" + n.key());
    }
    return out;
  }

  private static List<String> rulesWith(Policy policy, String atom) {
    List<String> out = new ArrayList<>();
    for (Rule r : policy.rules()) {
      if (atoms(r.effect()).contains(atom)) {
        out.add(r.id());
      }
    }
    return out;
  }

  /**
   * Rules applied, shadowed or lifted in one decision but not the other; else rules whose effects
   * differ.
   */
  private static List<String> differingRules(Policy policy, Decision a, Decision b) {
    Set<String> diff = symmetricDifference(matchedIds(a), matchedIds(b));
    if (!diff.isEmpty()) {
      return List.copyOf(diff);
    }
    List<String> out = new ArrayList<>();
    for (String atom : symmetricDifference(atoms(a), atoms(b))) {
      out.addAll(rulesWith(policy, atom));
    }
    return distinct(out);
  }

  private static Set<String> symmetricDifference(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.addAll(b);
    Set<String> both = new TreeSet<>(a);
    both.retainAll(b);
    out.removeAll(both);
    return out;
  }

  private static Set<String> appliedIds(Decision d) {
    Set<String> out = new TreeSet<>();
    d.applied().forEach(a -> out.add(a.ruleId()));
    return out;
  }

  /** Every rule the decision mentions, tagged by how: applied, shadow or lifted. */
  private static Set<String> matchedIds(Decision d) {
    Set<String> out = new TreeSet<>(appliedIds(d));
    d.shadowed().forEach(a -> out.add(a.ruleId()));
    d.lifted().forEach(l -> out.add(l.ruleId()));
    return out;
  }

  private static List<String> distinct(List<String> ids) {
    return List.copyOf(new LinkedHashSet<>(ids));
  }

  /** A one-line summary of a decision for messages. */
  static String summary(Decision d) {
    StringBuilder sb = new StringBuilder(d.outcome().code());
    if (!d.effects().isEmpty()) {
      sb.append(' ').append(atoms(d));
    }
    if (!d.applied().isEmpty()) {
      sb.append(" by ").append(appliedIds(d));
    }
    if (!d.shadowed().isEmpty()) {
      Set<String> ids = new TreeSet<>();
      d.shadowed().forEach(a -> ids.add(a.ruleId()));
      sb.append(", shadow ").append(ids);
    }
    if (!d.lifted().isEmpty()) {
      Set<String> ids = new TreeSet<>();
      d.lifted().forEach(l -> ids.add(l.ruleId() + " by " + l.exemptionId()));
      sb.append(", lifted ").append(ids);
    }
    return sb.toString();
  }

  /** Edited copies of one policy, built on first use. */
  private static final class Variants {
    private final Policy policy;
    private final Map<String, Policy> withoutRule = new java.util.HashMap<>();
    private final Map<String, Policy> withRule = new java.util.HashMap<>();
    private final Map<String, Policy> withoutExemption = new java.util.HashMap<>();
    private @Nullable Policy withoutShadow;
    private @Nullable Policy allShadow;
    private @Nullable Policy withoutExemptions;

    Variants(Policy policy) {
      this.policy = policy;
    }

    Policy without(String ruleId) {
      return withoutRule.computeIfAbsent(ruleId, id -> PolicyEdits.withoutRule(policy, id));
    }

    Policy with(Rule rule) {
      return withRule.computeIfAbsent(rule.id(), id -> PolicyEdits.withRule(policy, rule));
    }

    Policy withoutExemption(String id) {
      return withoutExemption.computeIfAbsent(
          id, x -> PolicyEdits.withoutExemptions(policy, e -> e.id().equals(x)));
    }

    boolean hasShadow() {
      return policy.rules().stream().anyMatch(r -> r.mode() == Mode.SHADOW);
    }

    boolean hasEnforced() {
      return policy.rules().stream().anyMatch(r -> r.mode() == Mode.ENFORCE);
    }

    Policy withoutShadow() {
      Policy p = withoutShadow;
      if (p == null) {
        p = PolicyEdits.withoutRules(policy, r -> r.mode() == Mode.SHADOW);
        withoutShadow = p;
      }
      return p;
    }

    Policy allShadow() {
      Policy p = allShadow;
      if (p == null) {
        p = PolicyEdits.mapRules(policy, r -> PolicyEdits.withMode(r, Mode.SHADOW));
        allShadow = p;
      }
      return p;
    }

    Policy withoutExemptions() {
      Policy p = withoutExemptions;
      if (p == null) {
        p = PolicyEdits.withoutExemptions(policy, e -> true);
        withoutExemptions = p;
      }
      return p;
    }
  }
}
