package io.geoscope.engine;

import io.geoscope.core.AppliedRule;
import io.geoscope.core.AreaRef;
import io.geoscope.core.Conflict;
import io.geoscope.core.Decision;
import io.geoscope.core.Effect;
import io.geoscope.core.Evidence;
import io.geoscope.core.EvidenceStandard;
import io.geoscope.core.Exemption;
import io.geoscope.core.Feature;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LiftedRule;
import io.geoscope.core.Meeting;
import io.geoscope.core.Mode;
import io.geoscope.core.OnAnonymizer;
import io.geoscope.core.OnImprecise;
import io.geoscope.core.OnUncertain;
import io.geoscope.core.OnUnknown;
import io.geoscope.core.Outcome;
import io.geoscope.core.Placement;
import io.geoscope.core.Policy;
import io.geoscope.core.Rule;
import io.geoscope.core.Signals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the decision for a participant should be, worked out from the public model alone: one loop
 * over the policy's rules in id order, one over its exemptions, no index, no compiled condition,
 * no cache. It is written from the documented contract (README "Deciding", the Javadoc of {@code
 * Rule}, {@code Exemption}, {@code Signals} and {@code Decision}) and shares no code with the
 * engine, so a reviewer can check each step by eye and the differential test can catch a bug in
 * the engine's indexing, lifting, shadowing or outcome assembly.
 */
final class ReferenceEvaluator {
  private ReferenceEvaluator() {}

  /** The decision for one signal. */
  static Decision decide(Policy policy, Evidence evidence, Meeting meeting, Instant at) {
    return decide(policy, Signals.single(evidence), meeting, at);
  }

  /** The decision for a participant with these signals. */
  static Decision decide(Policy policy, Signals signals, Meeting meeting, Instant at) {
    Evidence primary = signals.primary();
    // Signals that disagree about the country hold back every rule that trusts the primary
    // signal alone, except sanctions.
    boolean disputed = signals.size() > 1 && signals.conflicting();

    List<Rule> rules = new ArrayList<>(policy.rules());
    rules.sort(Comparator.comparing(Rule::id));

    List<AppliedRule> applied = new ArrayList<>();
    List<AppliedRule> shadowed = new ArrayList<>();
    List<LiftedRule> lifted = new ArrayList<>();
    List<String> heldBack = new ArrayList<>();
    for (Rule rule : rules) {
      boolean live = rule.basis().inForceAt(at) && rule.when().matches(meeting);
      Evidence placing = live ? placing(rule, signals) : null;
      if (placing == null) {
        continue;
      }
      if (disputed && rule.evidence() == EvidenceStandard.PRIMARY && !rule.isSanctions()) {
        heldBack.add(rule.id());
        continue;
      }
      AppliedRule why = new AppliedRule(rule.id(), rule.basis().authority(),
          rule.basis().citation(), rule.effect(), placing, areaNote(rule, placing));
      Exemption exemption = liftedBy(policy, rule, placing, at);
      if (exemption != null) {
        lifted.add(new LiftedRule(rule.id(), exemption.id(), exemption.basis().citation()));
      } else if (rule.mode() == Mode.SHADOW) {
        shadowed.add(why);
      } else {
        applied.add(why);
      }
    }

    Outcome outcome = Outcome.ADMIT;
    for (AppliedRule a : applied) {
      if (a.effect() instanceof Effect.DenyJoin) {
        outcome = Outcome.DENY;
      } else if (outcome == Outcome.ADMIT) {
        outcome = Outcome.ADMIT_LIMITED;
      }
    }
    Conflict conflict = disputed ? new Conflict(signals.all(), heldBack) : Conflict.none();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("jurisdiction", primary.jurisdiction().code());
    AppliedRule decisive = decisive(applied, outcome);
    if (decisive != null) {
      params.put("rule", decisive.ruleId());
      params.put("authority", decisive.authority());
      params.put("citation", decisive.citation());
    }
    if (disputed) {
      params.put("conflict", conflict.describe());
    }
    return new Decision(primary.jurisdiction(), outcome, effectsOf(applied), applied, shadowed,
        lifted, "geoscope." + outcome.code(), params, policy.version(), primary, conflict);
  }

  /**
   * The signal that brings the participant within {@code rule}'s reach, or null. A rule with
   * {@code evidence: any} takes the strongest known signal that does (or, with {@code
   * on-anonymizer: apply}, any anonymized one; with no known signal at all, the primary one);
   * every other rule looks at the primary signal only.
   */
  private static @Nullable Evidence placing(Rule rule, Signals signals) {
    if (rule.evidence() != EvidenceStandard.ANY) {
      return withinReach(rule, signals.primary()) ? signals.primary() : null;
    }
    for (Evidence known : signals.known()) {
      if (withinReach(rule, known)) {
        return known;
      }
    }
    for (Evidence any : signals.all()) {
      if (any.anonymized() && rule.onAnonymizer() == OnAnonymizer.APPLY) {
        return any;
      }
    }
    boolean nothingKnown = signals.known().isEmpty();
    return nothingKnown && withinReach(rule, signals.primary()) ? signals.primary() : null;
  }

  /**
   * True if one signal puts the participant within the rule's reach: an anonymized signal counts
   * for nothing under {@code on-anonymizer: skip} and for everything under {@code apply}; an
   * unknown place only under {@code on-unknown: apply}; a known place when the scope covers it,
   * or, under {@code on-imprecise: apply}, when it is the country of a subdivision the scope
   * names.
   */
  private static boolean withinReach(Rule rule, Evidence signal) {
    if (signal.anonymized() && rule.onAnonymizer() != OnAnonymizer.IGNORE) {
      return rule.onAnonymizer() == OnAnonymizer.APPLY;
    }
    Jurisdiction where = signal.jurisdiction();
    if (!where.isKnown()) {
      return rule.onUnknown() == OnUnknown.APPLY;
    }
    if (rule.appliesIn().covers(where)) {
      return true;
    }
    if (placingArea(rule, signal) != null) {
      return true;
    }
    if (rule.onImprecise() != OnImprecise.APPLY || where.isSubdivision()) {
      return false;
    }
    return rule.appliesIn().members().stream()
        .anyMatch(named -> named.isSubdivision() && named.country() == where);
  }

  /**
   * The first area of the rule's scope, in scope order, that places the participant: they are in
   * the area's country and their evidence says inside, or says uncertain while they are within
   * the area's own jurisdiction and the rule has {@code on-uncertain: apply}. Null if none.
   */
  private static @Nullable AreaRef placingArea(Rule rule, Evidence signal) {
    Jurisdiction where = signal.jurisdiction();
    for (AreaRef area : rule.appliesIn().areas()) {
      if (!where.isKnown() || !where.within(area.country())) {
        continue;
      }
      Placement p = signal.areas().placement(area.id());
      if (p.isInside()
          || (p.isUncertain() && rule.onUncertain() == OnUncertain.APPLY
              && where.within(area.within()))) {
        return area;
      }
    }
    return null;
  }

  /** What a decision says about the area that placed the participant, when no member did. */
  private static String areaNote(Rule rule, Evidence signal) {
    if (rule.appliesIn().covers(signal.jurisdiction())) {
      return "";
    }
    AreaRef area = placingArea(rule, signal);
    return area == null ? ""
        : "area " + area.id() + ": " + signal.areas().placement(area.id()).describe();
  }

  /** True if an exemption's scope relieves someone placed by {@code signal}. */
  private static boolean relieves(Exemption e, Evidence signal) {
    Jurisdiction where = signal.jurisdiction();
    if (e.appliesIn().covers(where)) {
      return true;
    }
    // An area relieves whoever may be inside it: inside or uncertain, in its country.
    for (AreaRef area : e.appliesIn().areas()) {
      if (where.within(area.country()) && !signal.areas().placement(area.id()).isOutside()) {
        return true;
      }
    }
    return false;
  }

  /** The exemption, lowest id first, that lifts {@code rule} for someone placed by {@code signal}. */
  private static @Nullable Exemption liftedBy(
      Policy policy, Rule rule, Evidence signal, Instant at) {
    Jurisdiction where = signal.jurisdiction();
    Exemption first = null;
    for (Exemption e : policy.exemptions()) {
      boolean lifts = where.isKnown() && e.lifts().contains(rule.id())
          && relieves(e, signal) && e.basis().inForceAt(at);
      if (lifts && (first == null || e.id().compareTo(first.id()) < 0)) {
        first = e;
      }
    }
    return first;
  }

  /** The rule a message cites: the first applied that denies when denied, else the first. */
  private static @Nullable AppliedRule decisive(List<AppliedRule> applied, Outcome outcome) {
    for (AppliedRule a : applied) {
      if (outcome != Outcome.DENY || a.effect() instanceof Effect.DenyJoin) {
        return a;
      }
    }
    return null;
  }

  /**
   * The effects of the applied rules as a decision lists them: deny-join once if any rule denies,
   * then a single disable of every feature any rule disables, then each notice key once, by key.
   */
  private static List<Effect> effectsOf(List<AppliedRule> applied) {
    List<Effect> effects = applied.stream().map(AppliedRule::effect).toList();
    List<Effect> out = new ArrayList<>();
    effects.stream().filter(Effect.DenyJoin.class::isInstance).findFirst().ifPresent(out::add);
    Set<Feature> off = EnumSet.noneOf(Feature.class);
    effects.stream().filter(Effect.Disable.class::isInstance)
        .forEach(e -> off.addAll(((Effect.Disable) e).features()));
    if (!off.isEmpty()) {
      out.add(Effect.disable(off));
    }
    effects.stream().filter(Effect.Notice.class::isInstance)
        .map(e -> ((Effect.Notice) e).key())
        .distinct().sorted()
        .forEach(key -> out.add(Effect.notice(key)));
    return out;
  }
}
