package io.geoscope.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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

  /**
   * By a country's {@link Jurisdiction#index()}: the rules with on-imprecise {@code apply} that name
   * a subdivision of that country but not the country, in id order; consulted only for a
   * participant placed at country level.
   */
  private final CompiledRule[][] imprecise;

  /** The rules with on-anonymizer {@code apply}, in id order. */
  private final CompiledRule[] onAnonymizer;

  private CompiledPolicy(
      CompiledRule[][] byJurisdiction,
      CompiledRule[] onUnknown,
      CompiledRule[][] imprecise,
      CompiledRule[] onAnonymizer) {
    this.byJurisdiction = byJurisdiction;
    this.onUnknown = onUnknown;
    this.imprecise = imprecise;
    this.onAnonymizer = onAnonymizer;
  }

  static CompiledPolicy compile(Policy policy) {
    List<Rule> byId = new ArrayList<>(policy.rules());
    byId.sort(Comparator.comparing(Rule::id));
    int bound = 0;
    for (Rule rule : byId) {
      for (Jurisdiction m : rule.appliesIn().members()) {
        bound = Math.max(bound, m.index() + 1);
      }
    }
    List<List<CompiledRule>> lists = new ArrayList<>(bound);
    for (int i = 0; i < bound; i++) {
      lists.add(new ArrayList<>());
    }
    List<CompiledRule> unknown = new ArrayList<>();
    List<CompiledRule> anonymized = new ArrayList<>();
    List<List<CompiledRule>> impreciseLists = new ArrayList<>(bound);
    for (int i = 0; i < bound; i++) {
      impreciseLists.add(new ArrayList<>());
    }
    for (int rank = 0; rank < byId.size(); rank++) {
      Rule rule = byId.get(rank);
      CompiledRule compiled = new CompiledRule(rule, rank, liftersOf(rule, policy.exemptions()));
      Set<Jurisdiction> members = rule.appliesIn().members();
      for (Jurisdiction m : members) {
        if (m.isSubdivision() && members.contains(m.country())) {
          continue;
        }
        lists.get(m.index()).add(compiled);
      }
      if (rule.onUnknown() == OnUnknown.APPLY) {
        unknown.add(compiled);
      }
      if (rule.onAnonymizer() == OnAnonymizer.APPLY) {
        anonymized.add(compiled);
      }
      if (rule.onImprecise() == OnImprecise.APPLY) {
        for (Jurisdiction country : compiled.impreciseCountries) {
          impreciseLists.get(country.index()).add(compiled);
        }
      }
    }
    return new CompiledPolicy(
        table(lists), array(unknown), table(impreciseLists), array(anonymized));
  }

  private static CompiledRule[][] table(List<List<CompiledRule>> lists) {
    CompiledRule[][] table = new CompiledRule[lists.size()][];
    for (int i = 0; i < table.length; i++) {
      table[i] = array(lists.get(i));
    }
    return table;
  }

  private static CompiledRule[] array(List<CompiledRule> list) {
    return list.isEmpty() ? NONE : list.toArray(NONE);
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
    boolean anonymized = evidence.anonymized();
    CompiledRule[] own;
    CompiledRule[] inherited = NONE;
    CompiledRule[] anonymous = anonymized ? onAnonymizer : NONE;
    if (!j.isKnown()) {
      own = onUnknown;
    } else {
      own = naming(j);
      inherited = j.isSubdivision() ? naming(j.country()) : impreciseIn(j);
    }
    long second = at.getEpochSecond();
    if (!anyApplies(own, meeting, second, anonymized)
        && !anyApplies(inherited, meeting, second, anonymized)
        && !anyApplies(anonymous, meeting, second, anonymized)) {
      return Decision.admit(j);
    }
    List<Match> matched = new ArrayList<>();
    collect(own, meeting, second, evidence, matched);
    collect(inherited, meeting, second, evidence, matched);
    collect(anonymous, meeting, second, evidence, matched);
    return explain(evidence, distinct(matched), Conflict.none(), at);
  }

  /**
   * Decides for a participant with several signals: each rule by its evidence standard (see {@link
   * EvidenceStandard}); a country-level conflict is recorded and narrows every {@code primary}
   * rule that is not a sanctions rule. One signal takes the allocation-free path above.
   */
  Decision decide(Signals signals, Meeting meeting, Instant at) {
    Evidence primary = signals.primary();
    if (signals.size() <= 1) {
      return decide(primary, meeting, at);
    }
    long second = at.getEpochSecond();
    List<CompiledRule> candidates = new ArrayList<>();
    candidatesFor(primary, candidates);
    for (Evidence e : signals.all()) {
      candidatesFor(e, candidates);
    }
    candidates.sort(Comparator.comparingInt(CompiledRule::rank));
    boolean conflicting = signals.conflicting();
    List<Match> matched = new ArrayList<>();
    List<String> narrowed = new ArrayList<>();
    @Nullable CompiledRule previous = null;
    for (CompiledRule r : candidates) {
      if (r == previous || !r.matches(meeting, second)) {
        previous = r;
        continue;
      }
      previous = r;
      Evidence placedBy =
          r.rule.evidence() == EvidenceStandard.ANY ? anyPlacing(r, signals) : primary;
      if (placedBy == null || !r.reaches(placedBy)) {
        continue;
      }
      if (conflicting && r.rule.evidence() == EvidenceStandard.PRIMARY && !r.rule.isSanctions()) {
        narrowed.add(r.rule.id());
        continue;
      }
      matched.add(new Match(r, placedBy));
    }
    Conflict conflict = conflicting ? new Conflict(signals.all(), narrowed) : Conflict.none();
    if (matched.isEmpty() && !conflicting) {
      return Decision.admit(primary.jurisdiction());
    }
    return explain(primary, matched, conflict, at);
  }

  /**
   * The first signal (by precedence) that reaches {@code r}; with no known signal, the primary
   * (unknown) one, for on-unknown to decide; otherwise null.
   */
  private static @Nullable Evidence anyPlacing(CompiledRule r, Signals signals) {
    for (Evidence e : signals.known()) {
      if (r.reaches(e)) {
        return e;
      }
    }
    if (r.rule.onAnonymizer() == OnAnonymizer.APPLY) {
      for (Evidence e : signals.all()) {
        if (e.anonymized()) {
          return e;
        }
      }
    }
    return signals.known().isEmpty() ? signals.primary() : null;
  }

  private void candidatesFor(Evidence e, List<CompiledRule> out) {
    Jurisdiction j = e.jurisdiction();
    if (e.anonymized()) {
      out.addAll(List.of(onAnonymizer));
    }
    if (!j.isKnown()) {
      out.addAll(List.of(onUnknown));
      return;
    }
    out.addAll(List.of(naming(j)));
    out.addAll(List.of(j.isSubdivision() ? naming(j.country()) : impreciseIn(j)));
  }

  private CompiledRule[] impreciseIn(Jurisdiction country) {
    int i = country.index();
    return i < imprecise.length ? imprecise[i] : NONE;
  }

  private CompiledRule[] naming(Jurisdiction j) {
    int i = j.index();
    // A subdivision first used after compiling has no entry: no rule names it.
    return i < byJurisdiction.length ? byJurisdiction[i] : NONE;
  }

  private static boolean anyApplies(
      CompiledRule[] rules, Meeting meeting, long second, boolean anonymized) {
    for (int i = 0; i < rules.length; i++) {
      if (rules[i].matches(meeting, second) && !(anonymized && rules[i].skipAnonymized)) {
        return true;
      }
    }
    return false;
  }

  private static void collect(
      CompiledRule[] rules, Meeting meeting, long second, Evidence evidence, List<Match> out) {
    boolean anonymized = evidence.anonymized();
    for (CompiledRule r : rules) {
      if (r.matches(meeting, second) && !(anonymized && r.skipAnonymized)) {
        out.add(new Match(r, evidence));
      }
    }
  }

  /** The matches in rank order, each rule once. */
  private static List<Match> distinct(List<Match> matched) {
    matched.sort(Comparator.comparingInt(m -> m.rule.rank));
    List<Match> out = new ArrayList<>(matched.size());
    for (Match m : matched) {
      if (out.isEmpty() || out.get(out.size() - 1).rule != m.rule) {
        out.add(m);
      }
    }
    return out;
  }

  /** A rule that applies and the signal that placed the participant in its reach. */
  private record Match(CompiledRule rule, Evidence placedBy) {}

  /** The decision for rules that matched, in id order: lifted, shadowed or applied. */
  private static Decision explain(
      Evidence primary, List<Match> matched, Conflict conflict, Instant at) {
    Jurisdiction j = primary.jurisdiction();
    List<AppliedRule> applied = new ArrayList<>();
    List<AppliedRule> shadowed = new ArrayList<>();
    List<LiftedRule> lifted = new ArrayList<>();
    List<Effect> effects = new ArrayList<>();
    for (Match match : matched) {
      CompiledRule compiled = match.rule;
      Evidence evidence = match.placedBy;
      Rule rule = compiled.rule;
      Exemption lifter = compiled.lifterFor(evidence.jurisdiction(), at);
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
    if (conflict.present()) {
      params.put("conflict", conflict.describe());
    }
    return new Decision(
        j, outcome, normalized, applied, shadowed, lifted, "geoscope." + outcome.code(), params,
        conflict);
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
    /** True if an anonymized signal places the participant nowhere for this rule. */
    final boolean skipAnonymized;
    /**
     * With on-imprecise {@code apply}: the countries of the subdivisions the scope names without
     * naming their country. Empty otherwise.
     */
    final Set<Jurisdiction> impreciseCountries;

    CompiledRule(Rule rule, int rank, Exemption[] lifters) {
      this.rule = rule;
      this.rank = rank;
      this.from = startOf(rule.basis().effective(), Long.MIN_VALUE);
      this.until = startOf(rule.basis().expires(), Long.MAX_VALUE);
      this.tagsAny = rule.when().tagsAny().toArray(new String[0]);
      this.tagsAll = rule.when().tagsAll().toArray(new String[0]);
      this.featuresAny = rule.when().featuresAny().toArray(new Feature[0]);
      this.lifters = lifters;
      this.skipAnonymized = rule.onAnonymizer() == OnAnonymizer.SKIP;
      Set<Jurisdiction> countries = new java.util.LinkedHashSet<>();
      if (rule.onImprecise() == OnImprecise.APPLY) {
        Set<Jurisdiction> members = rule.appliesIn().members();
        for (Jurisdiction m : members) {
          if (m.isSubdivision() && !members.contains(m.country())) {
            countries.add(m.country());
          }
        }
      }
      this.impreciseCountries = Set.copyOf(countries);
    }

    /**
     * True if {@code e} puts the participant in this rule's reach: in its scope (or, with
     * on-imprecise {@code apply}, at country level in the country of a subdivision it names),
     * unknown with on-unknown {@code apply}, or anonymized with on-anonymizer {@code apply}; never
     * by an anonymized signal with on-anonymizer {@code skip}. Not for the hot path.
     */
    boolean reaches(Evidence e) {
      if (e.anonymized()) {
        if (skipAnonymized) {
          return false;
        }
        if (rule.onAnonymizer() == OnAnonymizer.APPLY) {
          return true;
        }
      }
      Jurisdiction j = e.jurisdiction();
      if (!j.isKnown()) {
        return rule.onUnknown() == OnUnknown.APPLY;
      }
      return rule.appliesIn().covers(j) || (!j.isSubdivision() && impreciseCountries.contains(j));
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
