package io.geoscope.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The decision procedure in its plainest form: a loop over every rule and every exemption, with no
 * index and no compiled condition. It is the specification the compiled {@link DecisionEngine} is
 * checked against (differential property), so keep it obviously right rather than fast.
 */
final class ReferenceEvaluator {
  private ReferenceEvaluator() {}

  static Decision evaluate(Policy policy, Evidence evidence, Meeting meeting, Instant at) {
    Jurisdiction j = evidence.jurisdiction();
    List<Rule> matched = new ArrayList<>();
    for (Rule rule : policy.rules()) {
      boolean inScope =
          j.isKnown() ? rule.appliesIn().covers(j) : rule.onUnknown() == OnUnknown.APPLY;
      if (inScope && rule.basis().inForceAt(at) && rule.when().matches(meeting)) {
        matched.add(rule);
      }
    }
    if (matched.isEmpty()) {
      return new Decision(j, Outcome.ADMIT, List.of(), List.of(), List.of(), List.of(),
          "geoscope.admit", Map.of("jurisdiction", j.code()), policy.version(), evidence);
    }
    return assemble(policy, evidence, matched, at);
  }

  private static Decision assemble(
      Policy policy, Evidence evidence, List<Rule> matched, Instant at) {
    Jurisdiction j = evidence.jurisdiction();
    List<Rule> sorted = new ArrayList<>(matched);
    sorted.sort(Comparator.comparing(Rule::id));
    List<AppliedRule> applied = new ArrayList<>();
    List<AppliedRule> shadowed = new ArrayList<>();
    List<LiftedRule> lifted = new ArrayList<>();
    List<Effect> effects = new ArrayList<>();
    for (Rule rule : sorted) {
      Exemption lifter = lifter(policy, rule, j, at);
      if (lifter != null) {
        lifted.add(new LiftedRule(rule.id(), lifter.id(), lifter.basis().citation()));
      } else if (rule.mode() == Mode.SHADOW) {
        shadowed.add(AppliedRule.of(rule, evidence));
      } else {
        applied.add(AppliedRule.of(rule, evidence));
        effects.add(rule.effect());
      }
    }
    List<Effect> normalized = Decision.normalize(effects);
    Outcome outcome =
        normalized.isEmpty()
            ? Outcome.ADMIT
            : normalized.get(0) instanceof Effect.DenyJoin ? Outcome.DENY : Outcome.ADMIT_LIMITED;
    Map<String, String> params = new java.util.LinkedHashMap<>();
    params.put("jurisdiction", j.code());
    AppliedRule decisive = decisive(applied, outcome);
    if (decisive != null) {
      params.put("rule", decisive.ruleId());
      params.put("authority", decisive.authority());
      params.put("citation", decisive.citation());
    }
    return new Decision(j, outcome, normalized, applied, shadowed, lifted,
        "geoscope." + outcome.code(), params, policy.version(), evidence);
  }

  private static @Nullable AppliedRule decisive(List<AppliedRule> applied, Outcome outcome) {
    for (AppliedRule a : applied) {
      if (outcome != Outcome.DENY || a.effect() instanceof Effect.DenyJoin) {
        return a;
      }
    }
    return null;
  }

  private static @Nullable Exemption lifter(Policy policy, Rule rule, Jurisdiction j, Instant at) {
    if (!j.isKnown()) {
      return null;
    }
    Exemption best = null;
    for (Exemption e : policy.exemptions()) {
      if (e.lifts().contains(rule.id()) && e.appliesIn().covers(j) && e.basis().inForceAt(at)) {
        if (best == null || e.id().compareTo(best.id()) < 0) {
          best = e;
        }
      }
    }
    return best;
  }
}
