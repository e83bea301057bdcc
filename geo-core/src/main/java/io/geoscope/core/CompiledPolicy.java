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
 * <p><b>Prebuilt outcomes.</b> What a participant's decision says depends only on their evidence
 * and on the <em>standing</em> of each candidate rule: not matching, matching, or lifted by which
 * exemption (the meeting and the instant enter only through that standing). The standing is
 * computed without allocating into a {@code long} (two bits per candidate) and the decision for
 * (evidence, standing) is built once and then read from a table: admits, admit-limiteds and
 * denies alike. Resolvers hand out one {@link Evidence} per (database, jurisdiction, field), so in
 * service the table is small and every decision after the first is a read. A jurisdiction with
 * more than {@value #MAX_CANDIDATES} candidate rules, or a rule lifted by more than two
 * exemptions, is decided afresh each time (correct, allocating).
 *
 * <p>Instances are thread-safe. The rule arrays are filled before construction and never written
 * again; the table of prebuilt decisions is written racily, which is safe because each entry is
 * an immutable object with final fields: a lost write only costs building that decision again.
 */
final class CompiledPolicy {
  private static final CompiledRule[] NONE = new CompiledRule[0];

  /** Two bits of standing per candidate rule in a {@code long}. */
  static final int MAX_CANDIDATES = 32;

  /** Prebuilt decisions kept per jurisdiction before the oldest is dropped. */
  private static final int PER_JURISDICTION = 8;

  /** A standing that cannot be encoded: decide afresh. */
  private static final long UNCACHEABLE = -1L;

  private final String version;

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

  /**
   * By {@link Jurisdiction#index()}: the prebuilt decisions, newest first. Grown (copied) when a
   * jurisdiction created after compiling first appears.
   */
  private volatile @Nullable Prebuilt[] prebuilt;

  private CompiledPolicy(
      String version,
      CompiledRule[][] byJurisdiction,
      CompiledRule[] onUnknown,
      CompiledRule[][] imprecise,
      CompiledRule[] onAnonymizer) {
    this.version = version;
    this.byJurisdiction = byJurisdiction;
    this.onUnknown = onUnknown;
    this.imprecise = imprecise;
    this.onAnonymizer = onAnonymizer;
    this.prebuilt = new Prebuilt[Jurisdiction.indexBound()];
  }

  /** One decision built for (evidence, standing); immutable, so safe to publish racily. */
  private static final class Prebuilt {
    final Evidence evidence;
    final long standing;
    final Decision decision;
    final @Nullable Prebuilt next;
    final int depth;

    Prebuilt(Evidence evidence, long standing, Decision decision, @Nullable Prebuilt next) {
      this.evidence = evidence;
      this.standing = standing;
      this.decision = decision;
      this.next = next;
      this.depth = next == null ? 1 : next.depth + 1;
    }
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
      // An area is met through its country's entry, which every participant placed there
      // consults; whether they are inside is read from their evidence (see CompiledRule.places).
      for (AreaRef a : rule.appliesIn().areas()) {
        targets.add(a.country());
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
    List<CompiledRule> anonymized = new ArrayList<>();
    List<List<CompiledRule>> impreciseLists = new ArrayList<>(bound);
    for (int i = 0; i < bound; i++) {
      impreciseLists.add(new ArrayList<>());
    }
    for (int rank = 0; rank < byId.size(); rank++) {
      Rule rule = byId.get(rank);
      CompiledRule compiled = new CompiledRule(rule, rank, liftersOf(rule, policy.exemptions()));
      for (Jurisdiction t : entries.get(rank)) {
        lists.get(t.index()).add(compiled);
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
        policy.version(), table(lists), array(unknown), table(impreciseLists), array(anonymized));
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

  private static CompiledExemption[] liftersOf(Rule rule, List<Exemption> exemptions) {
    return exemptions.stream()
        .filter(e -> e.lifts().contains(rule.id()))
        .sorted(Comparator.comparing(Exemption::id))
        .map(CompiledExemption::new)
        .toArray(CompiledExemption[]::new);
  }

  /**
   * Decides for the participant placed by {@code evidence}. Once the decision for this evidence
   * and standing has been built, this is a table read and allocates nothing: index loops over
   * arrays, no boxing.
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
    long standing = standing(own, inherited, anonymous, evidence, meeting, second);
    if (standing == UNCACHEABLE) {
      return build(evidence, own, inherited, anonymous, meeting, second);
    }
    Prebuilt[] table = prebuilt;
    int i = j.index();
    Prebuilt head = i < table.length ? table[i] : null;
    for (Prebuilt p = head; p != null; p = p.next) {
      if (p.standing == standing && (p.evidence == evidence || p.evidence.equals(evidence))) {
        return p.decision;
      }
    }
    Decision d = build(evidence, own, inherited, anonymous, meeting, second);
    remember(i, new Prebuilt(evidence, standing, d, trimmed(head)));
    return d;
  }

  private Decision build(Evidence evidence, CompiledRule[] own, CompiledRule[] inherited,
      CompiledRule[] anonymous, Meeting meeting, long second) {
    if (!anyApplies(own, meeting, second, evidence)
        && !anyApplies(inherited, meeting, second, evidence)
        && !anyApplies(anonymous, meeting, second, evidence)) {
      return Decision.admitted(version, evidence);
    }
    List<Match> matched = new ArrayList<>();
    collect(own, meeting, second, evidence, matched);
    collect(inherited, meeting, second, evidence, matched);
    collect(anonymous, meeting, second, evidence, matched);
    return explain(version, evidence, distinct(matched), Conflict.none(), second);
  }

  /** The list without its oldest entry when it is full, so each jurisdiction keeps a few. */
  private static @Nullable Prebuilt trimmed(@Nullable Prebuilt head) {
    if (head == null || head.depth < PER_JURISDICTION) {
      return head;
    }
    List<Prebuilt> kept = new ArrayList<>();
    for (Prebuilt p = head; p != null && kept.size() < PER_JURISDICTION - 1; p = p.next) {
      kept.add(p);
    }
    Prebuilt rebuilt = null;
    for (int k = kept.size() - 1; k >= 0; k--) {
      Prebuilt p = kept.get(k);
      rebuilt = new Prebuilt(p.evidence, p.standing, p.decision, rebuilt);
    }
    return rebuilt;
  }

  private void remember(int i, Prebuilt entry) {
    Prebuilt[] table = prebuilt;
    if (i >= table.length) {
      synchronized (this) {
        table = prebuilt;
        if (i >= table.length) {
          table = java.util.Arrays.copyOf(table, Math.max(i + 1, Jurisdiction.indexBound()));
          prebuilt = table;
        }
      }
    }
    // Racy on purpose: a concurrent writer's entry may be replaced, which only costs a rebuild.
    table[i] = entry;
  }

  /**
   * The standing of every candidate rule (own, inherited, then on-anonymizer), two bits each in
   * candidate order: 0 not applying (not matching, or skipped for an anonymized signal), 1
   * applying and not lifted, 2 or 3 lifted by the rule's first or second exemption. {@link
   * #UNCACHEABLE} when that cannot be encoded. The evidence is the rest of the key, so precision
   * and anonymizer facts, which decide which lists are candidates, are in it too.
   */
  private static long standing(CompiledRule[] own, CompiledRule[] inherited,
      CompiledRule[] anonymous, Evidence evidence, Meeting meeting, long second) {
    if (own.length + inherited.length + anonymous.length > MAX_CANDIDATES) {
      return UNCACHEABLE;
    }
    long bits = standingOf(own, 0, evidence, meeting, second);
    if (bits == UNCACHEABLE) {
      return UNCACHEABLE;
    }
    long more = standingOf(inherited, 2 * own.length, evidence, meeting, second);
    if (more == UNCACHEABLE) {
      return UNCACHEABLE;
    }
    long last = standingOf(
        anonymous, 2 * (own.length + inherited.length), evidence, meeting, second);
    return last == UNCACHEABLE ? UNCACHEABLE : bits | more | last;
  }

  private static long standingOf(
      CompiledRule[] rules, int shift, Evidence evidence, Meeting meeting, long second) {
    boolean anonymized = evidence.anonymized();
    long bits = 0;
    for (int i = 0; i < rules.length; i++) {
      CompiledRule r = rules[i];
      if (!r.matches(meeting, second) || (anonymized && r.skipAnonymized) || !r.places(evidence)) {
        continue;
      }
      int lifter = r.lifterIndex(evidence, second);
      if (lifter > 1) {
        return UNCACHEABLE;
      }
      bits |= (long) (lifter + 2) << (shift + 2 * i);
    }
    return bits;
  }

  /**
   * Decides for a participant with several signals: each rule by its evidence standard (see {@link
   * EvidenceStandard}); a country-level conflict is recorded and narrows every {@code primary}
   * rule that is not a sanctions rule. One signal takes the prebuilt path above; several are
   * decided afresh (what they decide depends on every signal, which is no simple table key).
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
      return Decision.admitted(version, primary);
    }
    return explain(version, primary, matched, conflict, second);
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
      CompiledRule[] rules, Meeting meeting, long second, Evidence evidence) {
    boolean anonymized = evidence.anonymized();
    for (int i = 0; i < rules.length; i++) {
      CompiledRule r = rules[i];
      if (r.matches(meeting, second) && !(anonymized && r.skipAnonymized) && r.places(evidence)) {
        return true;
      }
    }
    return false;
  }

  private static void collect(
      CompiledRule[] rules, Meeting meeting, long second, Evidence evidence, List<Match> out) {
    boolean anonymized = evidence.anonymized();
    for (CompiledRule r : rules) {
      if (r.matches(meeting, second) && !(anonymized && r.skipAnonymized) && r.places(evidence)) {
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
      String version, Evidence primary, List<Match> matched, Conflict conflict, long second) {
    Jurisdiction j = primary.jurisdiction();
    List<AppliedRule> applied = new ArrayList<>();
    List<AppliedRule> shadowed = new ArrayList<>();
    List<LiftedRule> lifted = new ArrayList<>();
    List<Effect> effects = new ArrayList<>();
    for (Match match : matched) {
      CompiledRule compiled = match.rule;
      Evidence evidence = match.placedBy;
      Rule rule = compiled.rule;
      int index = compiled.lifterIndex(evidence, second);
      String area = compiled.placedByArea(evidence);
      if (index >= 0) {
        Exemption lifter = compiled.lifters[index].exemption;
        lifted.add(new LiftedRule(rule.id(), lifter.id(), lifter.basis().citation()));
      } else if (rule.mode() == Mode.SHADOW) {
        shadowed.add(AppliedRule.of(rule, evidence, area));
      } else {
        applied.add(AppliedRule.of(rule, evidence, area));
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
    return new Decision(j, outcome, normalized, applied, shadowed, lifted,
        "geoscope." + outcome.code(), params, version, primary, conflict);
  }

  /** An exemption with its dates and places prepared for the hot path. */
  private static final class CompiledExemption {
    final Exemption exemption;
    final long from;
    final long until;
    final Jurisdiction[] members;
    final AreaRef[] areas;

    CompiledExemption(Exemption exemption) {
      this.exemption = exemption;
      this.from = CompiledRule.startOf(exemption.basis().effective(), Long.MIN_VALUE);
      this.until = CompiledRule.startOf(exemption.basis().expires(), Long.MAX_VALUE);
      this.members = exemption.appliesIn().members().toArray(new Jurisdiction[0]);
      this.areas = exemption.appliesIn().areas().toArray(new AreaRef[0]);
    }

    /**
     * Same answer as {@code basis().inForceAt(at)} and the participant placed by {@code e} in the
     * exemption's scope, no allocation. An area lifts for whoever may be inside it (inside or
     * uncertain, in its country): relief is never withheld on a doubt the evidence cannot settle.
     */
    boolean lifts(Evidence e, long second) {
      if (second < from || second >= until) {
        return false;
      }
      Jurisdiction j = e.jurisdiction();
      for (int i = 0; i < members.length; i++) {
        if (j.within(members[i])) {
          return true;
        }
      }
      for (int i = 0; i < areas.length; i++) {
        if (j.within(areas[i].country()) && !e.areas().placement(areas[i].id()).isOutside()) {
          return true;
        }
      }
      return false;
    }
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
    final CompiledExemption[] lifters;
    /** True if an anonymized signal places the participant nowhere for this rule. */
    final boolean skipAnonymized;
    /**
     * With on-imprecise {@code apply}: the countries of the subdivisions the scope names without
     * naming their country. Empty otherwise.
     */
    final Set<Jurisdiction> impreciseCountries;
    /** The scope's areas; empty for most rules, which then skip {@link #places} entirely. */
    final AreaRef[] areas;
    /** The scope's members, for {@link #places}. */
    final Jurisdiction[] members;
    final boolean applyUncertain;

    CompiledRule(Rule rule, int rank, CompiledExemption[] lifters) {
      this.areas = rule.appliesIn().areas().toArray(new AreaRef[0]);
      this.members = rule.appliesIn().members().toArray(new Jurisdiction[0]);
      this.applyUncertain = rule.onUncertain() == OnUncertain.APPLY;
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
      return rule.appliesIn().covers(j)
          || (!j.isSubdivision() && impreciseCountries.contains(j))
          || areaPlacing(e) >= 0;
    }

    /**
     * For a candidate met through the jurisdiction lists: false only when the rule names areas and
     * neither a member, nor on-imprecise, nor an area places the participant (the country entry
     * an area adds is met by everyone in that country). Allocation-free; rules without areas
     * answer at once, so the paths of countries without areas do not change.
     */
    boolean places(Evidence e) {
      if (areas.length == 0) {
        return true;
      }
      Jurisdiction j = e.jurisdiction();
      if (!j.isKnown() || (e.anonymized() && rule.onAnonymizer() == OnAnonymizer.APPLY)) {
        return true; // met through the on-unknown or on-anonymizer list
      }
      for (int i = 0; i < members.length; i++) {
        if (j.within(members[i])) {
          return true;
        }
      }
      if (!j.isSubdivision() && impreciseCountries.contains(j)) {
        return true;
      }
      return areaPlacing(e) >= 0;
    }

    /**
     * The first area (in scope order) that places the participant: in the area's country and
     * inside, or uncertain within the area's jurisdiction with on-uncertain {@code apply}; -1 if
     * none. Whatever the evidence's placements say, nobody outside an area's country is placed.
     */
    int areaPlacing(Evidence e) {
      Jurisdiction j = e.jurisdiction();
      for (int i = 0; i < areas.length; i++) {
        AreaRef a = areas[i];
        if (!j.isKnown() || !j.within(a.country())) {
          continue;
        }
        Placement p = e.areas().placement(a.id());
        if (p.isInside() || (p.isUncertain() && applyUncertain && j.within(a.within()))) {
          return i;
        }
      }
      return -1;
    }

    /** How an area placed the participant, when no member did; empty otherwise. */
    String placedByArea(Evidence e) {
      if (areas.length == 0 || rule.appliesIn().covers(e.jurisdiction())) {
        return "";
      }
      int i = areaPlacing(e);
      if (i < 0) {
        return "";
      }
      String id = areas[i].id();
      return "area " + id + ": " + e.areas().placement(id).describe();
    }

    static long startOf(Optional<LocalDate> day, long otherwise) {
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

    /** The index of the first exemption (by id) lifting this rule for {@code e}, or -1. */
    int lifterIndex(Evidence e, long second) {
      if (!e.jurisdiction().isKnown()) {
        return -1;
      }
      for (int i = 0; i < lifters.length; i++) {
        if (lifters[i].lifts(e, second)) {
          return i;
        }
      }
      return -1;
    }
  }
}
