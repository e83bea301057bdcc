package io.geoscope.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A policy compiled for deciding: rules indexed by the jurisdictions their scopes name, so a
 * decision looks only at the rules that can apply to the participant's jurisdiction and its
 * country. Package-private on purpose: it is the engine's representation, not API.
 *
 * <p>Instances are immutable and thread-safe (every array is filled before construction and never
 * written again).
 */
final class CompiledPolicy {
  private static final CompiledRule[] NONE = new CompiledRule[0];

  /**
   * By {@link Jurisdiction#index()}: the rules whose scope names that jurisdiction, in id order. A
   * subdivision is left out of a rule's entries when the rule also names its country, so a
   * participant consulting both its own entry and its country's meets each rule at most once.
   */
  private final CompiledRule[][] byJurisdiction;

  /** The rules with on-unknown {@code apply}, in id order: all an unknown participant can meet. */
  private final CompiledRule[] onUnknown;

  private CompiledPolicy(CompiledRule[][] byJurisdiction, CompiledRule[] onUnknown) {
    this.byJurisdiction = byJurisdiction;
    this.onUnknown = onUnknown;
  }

  static CompiledPolicy compile(Policy policy) {
    List<Rule> byId = new ArrayList<>(policy.rules());
    byId.sort(Comparator.comparing(Rule::id));
    // Each rule's entries: the jurisdictions it names and every subdivision nested in a named
    // subdivision (a rule on GB-ENG covers GB-WBK), leaving out what lies in a named country,
    // whose entry the participant consults anyway, so each rule is met at most once.
    List<Set<Jurisdiction>> entries = new ArrayList<>(byId.size());
    int bound = 0;
    for (Rule rule : byId) {
      Set<Jurisdiction> members = rule.appliesIn().members();
      Set<Jurisdiction> targets = new LinkedHashSet<>();
      for (Jurisdiction m : members) {
        if (m.isSubdivision() && members.contains(m.country())) {
          continue;
        }
        targets.add(m);
        if (m.isSubdivision()) {
          Jurisdiction.addDescendants(m, targets);
        }
      }
      for (Jurisdiction t : targets) {
        bound = Math.max(bound, t.index() + 1);
      }
      entries.add(targets);
    }
    List<List<CompiledRule>> lists = new ArrayList<>(bound);
    for (int i = 0; i < bound; i++) {
      lists.add(new ArrayList<>());
    }
    List<CompiledRule> unknown = new ArrayList<>();
    for (int rank = 0; rank < byId.size(); rank++) {
      Rule rule = byId.get(rank);
      CompiledRule compiled = new CompiledRule(rule, rank, liftersOf(rule, policy.exemptions()));
      for (Jurisdiction t : entries.get(rank)) {
        lists.get(t.index()).add(compiled);
      }
      if (rule.onUnknown() == OnUnknown.APPLY) {
        unknown.add(compiled);
      }
    }
    CompiledRule[][] table = new CompiledRule[bound][];
    for (int i = 0; i < bound; i++) {
      table[i] = lists.get(i).isEmpty() ? NONE : lists.get(i).toArray(NONE);
    }
    return new CompiledPolicy(table, unknown.isEmpty() ? NONE : unknown.toArray(NONE));
  }

  private static Exemption[] liftersOf(Rule rule, List<Exemption> exemptions) {
    return exemptions.stream()
        .filter(e -> e.lifts().contains(rule.id()))
        .sorted(Comparator.comparing(Exemption::id))
        .toArray(Exemption[]::new);
  }

  /**
   * Decides for the participant placed by {@code evidence}. When no rule matches this returns the
   * jurisdiction's constant admit and allocates nothing: index loops over arrays, no boxing.
   */
  Decision decide(Evidence evidence, Meeting meeting, Instant at) {
    Jurisdiction j = evidence.jurisdiction();
    CompiledRule[] own;
    CompiledRule[] inherited = NONE;
    if (!j.isKnown()) {
      own = onUnknown;
    } else {
      own = naming(j);
      if (j.isSubdivision()) {
        inherited = naming(j.country());
      }
    }
    long second = at.getEpochSecond();
    if (!anyMatches(own, meeting, second) && !anyMatches(inherited, meeting, second)) {
      return Decision.admit(j);
    }
    return explain(evidence, matching(own, inherited, meeting, second), at);
  }

  private CompiledRule[] naming(Jurisdiction j) {
    int i = j.index();
    // A subdivision first used after compiling has no entry: no rule names it.
    return i < byJurisdiction.length ? byJurisdiction[i] : NONE;
  }

  private static boolean anyMatches(CompiledRule[] rules, Meeting meeting, long second) {
    for (int i = 0; i < rules.length; i++) {
      if (rules[i].matches(meeting, second)) {
        return true;
      }
    }
    return false;
  }

  private static List<CompiledRule> matching(
      CompiledRule[] own, CompiledRule[] inherited, Meeting meeting, long second) {
    List<CompiledRule> matched = new ArrayList<>();
    for (CompiledRule r : own) {
      if (r.matches(meeting, second)) {
        matched.add(r);
      }
    }
    for (CompiledRule r : inherited) {
      if (r.matches(meeting, second)) {
        matched.add(r);
      }
    }
    matched.sort(Comparator.comparingInt(CompiledRule::rank));
    return matched;
  }

  /** The decision for rules that matched, in id order: lifted, shadowed or applied. */
  private static Decision explain(Evidence evidence, List<CompiledRule> matched, Instant at) {
    Jurisdiction j = evidence.jurisdiction();
    List<AppliedRule> applied = new ArrayList<>();
    List<AppliedRule> shadowed = new ArrayList<>();
    List<LiftedRule> lifted = new ArrayList<>();
    List<Effect> effects = new ArrayList<>();
    for (CompiledRule compiled : matched) {
      Rule rule = compiled.rule;
      Exemption lifter = compiled.lifterFor(j, at);
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
    Outcome outcome = Outcome.ADMIT;
    if (!normalized.isEmpty()) {
      outcome =
          normalized.get(0) instanceof Effect.DenyJoin ? Outcome.DENY : Outcome.ADMIT_LIMITED;
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("jurisdiction", j.code());
    for (AppliedRule a : applied) {
      // The decisive rule: the first (by id) whose effect produced the outcome.
      if (outcome != Outcome.DENY || a.effect() instanceof Effect.DenyJoin) {
        params.put("rule", a.ruleId());
        params.put("authority", a.authority());
        params.put("citation", a.citation());
        break;
      }
    }
    return new Decision(
        j, outcome, normalized, applied, shadowed, lifted, "geoscope." + outcome.code(), params);
  }

  /** One rule with its condition, dates and lifting exemptions prepared for the hot path. */
  private static final class CompiledRule {
    final Rule rule;
    final int rank;
    /** In force from this epoch second (inclusive) to {@link #until} (exclusive). */
    final long from;
    final long until;
    final String[] tagsAny;
    final String[] tagsAll;
    final Feature[] featuresAny;
    /** The exemptions that lift this rule, in id order. */
    final Exemption[] lifters;

    CompiledRule(Rule rule, int rank, Exemption[] lifters) {
      this.rule = rule;
      this.rank = rank;
      this.from = startOf(rule.basis().effective(), Long.MIN_VALUE);
      this.until = startOf(rule.basis().expires(), Long.MAX_VALUE);
      this.tagsAny = rule.when().tagsAny().toArray(new String[0]);
      this.tagsAll = rule.when().tagsAll().toArray(new String[0]);
      this.featuresAny = rule.when().featuresAny().toArray(new Feature[0]);
      this.lifters = lifters;
    }

    private static long startOf(Optional<LocalDate> day, long otherwise) {
      return day.map(d -> d.atStartOfDay(ZoneOffset.UTC).toEpochSecond()).orElse(otherwise);
    }

    int rank() {
      return rank;
    }

    /**
     * Same answer as {@code basis().inForceAt(at) && when().matches(meeting)}, without allocating.
     * Day starts have no nanoseconds, so comparing epoch seconds is exact.
     */
    boolean matches(Meeting meeting, long second) {
      if (second < from || second >= until) {
        return false;
      }
      Set<String> tags = meeting.tags();
      if (tagsAny.length > 0 && !containsAny(tags, tagsAny)) {
        return false;
      }
      for (int i = 0; i < tagsAll.length; i++) {
        if (!tags.contains(tagsAll[i])) {
          return false;
        }
      }
      if (featuresAny.length == 0) {
        return true;
      }
      Set<Feature> inUse = meeting.featuresInUse();
      for (int i = 0; i < featuresAny.length; i++) {
        if (inUse.contains(featuresAny[i])) {
          return true;
        }
      }
      return false;
    }

    private static boolean containsAny(Set<String> present, String[] wanted) {
      for (int i = 0; i < wanted.length; i++) {
        if (present.contains(wanted[i])) {
          return true;
        }
      }
      return false;
    }

    /** The first exemption (by id) lifting this rule for {@code j} at {@code at}, if any. */
    @Nullable Exemption lifterFor(Jurisdiction j, Instant at) {
      if (!j.isKnown()) {
        return null;
      }
      for (Exemption e : lifters) {
        if (e.appliesIn().covers(j) && e.basis().inForceAt(at)) {
          return e;
        }
      }
      return null;
    }
  }
}
