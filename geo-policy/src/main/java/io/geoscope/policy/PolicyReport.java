package io.geoscope.policy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.geoscope.core.AreaRef;
import io.geoscope.core.Condition;
import io.geoscope.core.OnUncertain;
import io.geoscope.core.Authority;
import io.geoscope.core.Effect;
import io.geoscope.core.Exemption;
import io.geoscope.core.Feature;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.Mode;
import io.geoscope.core.EvidenceStandard;
import io.geoscope.core.OnAnonymizer;
import io.geoscope.core.OnImprecise;
import io.geoscope.core.OnUnknown;
import io.geoscope.core.Outcome;
import io.geoscope.core.Policy;
import io.geoscope.core.Rule;
import io.geoscope.core.Scope;
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
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a policy can do and where, for the compliance engineer who signs it off: every
 * jurisdiction it can affect, with which effects under which meeting conditions and in which mode;
 * which rules are shadow-only, expired or not yet effective at a given instant; what exemptions
 * lift; and every extraterritorial reach with its statement. Printable as a text table ({@link
 * #toText()}) and as JSON ({@link #toJson()}).
 *
 * <p>A row for a country covers the country and all its subdivisions; a row for {@code unknown}
 * is a rule with {@code on-unknown: apply}, which affects participants whose location is unknown;
 * {@code anonymizer} a rule with {@code on-anonymizer: apply}; {@code UA (placed only at country
 * level)} a rule with {@code on-imprecise: apply} on a subdivision of that country; and {@code (any
 * signal)} marks the places of a rule with {@code evidence: any}, which any one of a participant's
 * signals puts in reach.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PolicyReport {

  /** Where a rule or exemption stands at the report's instant. */
  public enum Status {
    /** In force. */
    IN_FORCE("in-force"),
    /** Its {@code effective} date has not come yet. */
    NOT_YET_EFFECTIVE("not-yet-effective"),
    /** Its {@code expires} date has passed. */
    EXPIRED("expired");

    private final String code;

    Status(String code) {
      this.code = code;
    }

    /** The lower-case name used in text and JSON. */
    public String code() {
      return code;
    }

    static Status of(LegalBasis basis, Instant at) {
      if (basis.inForceAt(at)) {
        return IN_FORCE;
      }
      return basis.effective().isPresent()
              && at.isBefore(basis.effective().get().atStartOfDay(ZoneOffset.UTC).toInstant())
          ? NOT_YET_EFFECTIVE
          : EXPIRED;
    }
  }

  /**
   * The rule behind an exposure.
   *
   * @param ruleId the rule's id
   * @param authority its basis's authority
   * @param citation its basis's citation
   * @param effective first day in force, if bounded
   * @param expires first day no longer in force, if bounded
   */
  public record Source(
      String ruleId,
      String authority,
      String citation,
      Optional<LocalDate> effective,
      Optional<LocalDate> expires) {
    static Source of(Rule rule) {
      LegalBasis b = rule.basis();
      return new Source(rule.id(), b.authority(), b.citation(), b.effective(), b.expires());
    }
  }

  /**
   * The identity of an exposure: what a reviewer signs off.
   *
   * @param where a country or subdivision code, or {@code unknown}
   * @param effect the effect on a participant there
   * @param when the meeting condition
   * @param mode enforce or shadow
   */
  public record ExposureKey(String where, Effect effect, Condition when, Mode mode) {}

  /**
   * One thing a policy can do in one place: participants in {@code key.where()} get {@code
   * key.effect()} when the meeting satisfies {@code key.when()}, in {@code key.mode()}, under the
   * listed rules.
   *
   * @param key what and where
   * @param sources the rules that produce it, by id
   */
  public record Exposure(ExposureKey key, List<Source> sources) {
    /** Copies the sources. */
    public Exposure {
      requireNonNull(key, "key");
      sources = List.copyOf(sources);
    }
  }

  /**
   * An exemption lifting a rule for participants in one place.
   *
   * @param where the exemption's scope member
   * @param ruleId the lifted rule
   * @param exemptionId the exemption
   * @param citation the exemption's citation, e.g. a general licence
   * @param effective the exemption's first day in force, if bounded
   * @param expires the exemption's first day no longer in force, if bounded
   */
  public record Relief(
      String where,
      String ruleId,
      String exemptionId,
      String citation,
      Optional<LocalDate> effective,
      Optional<LocalDate> expires) {}

  /**
   * A rule or exemption acting outside its authority's home (a permitted sanctions or
   * export-control reach under the operator's own law).
   *
   * @param subject the rule or exemption id
   * @param authority the authority's name, as the catalogue or the policy gives it
   * @param home the authority's home, as text
   * @param territory the places outside home it acts in
   * @param statement why, as written in the policy
   * @param declared true if the authority is declared by this policy, not in the catalogue
   */
  public record Reach(
      String subject,
      String authority,
      String home,
      Scope territory,
      String statement,
      boolean declared) {}

  /**
   * A rule's standing at the report's instant.
   *
   * @param ruleId the rule
   * @param mode enforce or shadow (shadow rules never change an outcome)
   * @param status in force, not yet effective, or expired
   * @param citation the basis's citation
   */
  public record RuleStatus(String ruleId, Mode mode, Status status, String citation) {}

  /**
   * An exemption's standing at the report's instant: a lapsed licence no longer lifts anything.
   *
   * @param exemptionId the exemption
   * @param status in force, not yet effective, or expired
   * @param citation the basis's citation
   */
  public record ExemptionStatus(String exemptionId, Status status, String citation) {}

  /**
   * What actually happens on the report's day to a participant in one place, in a meeting that
   * satisfies one condition: the engine's own decision for a representative participant, after
   * exemptions, effective and expiry dates, and shadow mode.
   *
   * @param where a country or subdivision code, or the unknown code
   * @param when the meeting condition the representative meeting satisfies
   * @param outcome the engine's outcome
   * @param effects the effects the engine applies
   * @param applied the rules that produce them, by id
   * @param why every reason the place is not simply exposed to each rule naming it: rules that
   *     apply, lifts with their exemption, shadow-only rules, expired and not-yet-effective rules
   */
  public record NetExposure(
      String where,
      Condition when,
      Outcome outcome,
      List<Effect> effects,
      List<String> applied,
      List<String> why) {
    /** Copies the lists. */
    public NetExposure {
      requireNonNull(where, "where");
      requireNonNull(when, "when");
      requireNonNull(outcome, "outcome");
      effects = List.copyOf(effects);
      applied = List.copyOf(applied);
      why = List.copyOf(why);
    }
  }

  private final String policyVersion;
  private final Instant at;
  private final List<NetExposure> net;
  private final List<Authority> declared;
  private final List<AreaRef> areas;
  private final List<Exposure> exposures;
  private final List<Relief> reliefs;
  private final List<Reach> reaches;
  private final List<RuleStatus> rules;
  private final List<ExemptionStatus> exemptions;

  private PolicyReport(Policy policy, Instant at) {
    this.policyVersion = policy.version();
    this.at = at;
    this.net = NetExposures.of(policy, at);
    this.declared = List.copyOf(policy.authorities());
    this.areas = policy.areas().refs();
    this.exposures = exposuresOf(policy);
    this.reliefs = reliefsOf(policy);
    this.reaches = reachesOf(policy);
    List<RuleStatus> statuses = new ArrayList<>();
    for (Rule r : policy.rules()) {
      statuses.add(
          new RuleStatus(r.id(), r.mode(), Status.of(r.basis(), at), r.basis().citation()));
    }
    statuses.sort(Comparator.comparing(RuleStatus::ruleId));
    this.rules = List.copyOf(statuses);
    List<ExemptionStatus> lifts = new ArrayList<>();
    for (Exemption e : policy.exemptions()) {
      lifts.add(new ExemptionStatus(e.id(), Status.of(e.basis(), at), e.basis().citation()));
    }
    lifts.sort(Comparator.comparing(ExemptionStatus::exemptionId));
    this.exemptions = List.copyOf(lifts);
  }

  /** The report of {@code policy}, with rule standings as of {@code at}. */
  public static PolicyReport of(Policy policy, Instant at) {
    requireNonNull(policy, "policy");
    requireNonNull(at, "at");
    return new PolicyReport(policy, at);
  }

  /** The reported policy's version. */
  public String policyVersion() {
    return policyVersion;
  }

  /** The instant rule standings are computed for. */
  public Instant at() {
    return at;
  }

  /**
   * What happens on the day of {@link #at()}, per place the policy names (with the countries and
   * parents of its subdivisions) and per rule condition, as the engine decides it.
   */
  public List<NetExposure> netExposures() {
    return net;
  }

  /** The authorities this policy declares itself, not in the catalogue. */
  public List<Authority> declaredAuthorities() {
    return declared;
  }

  /** Every exposure as written, whatever the date, ordered by place, effect, condition and mode. */
  public List<Exposure> exposures() {
    return exposures;
  }

  /** Every place the policy can affect, sorted; {@code unknown} if some rule applies there. */
  public List<String> jurisdictions() {
    return exposures.stream().map(e -> e.key().where()).distinct().sorted().toList();
  }

  /** Every rule lifted by an exemption, per place. */
  public List<Relief> reliefs() {
    return reliefs;
  }

  /** Every legal basis reaching outside its authority's home. */
  public List<Reach> extraterritorialReaches() {
    return reaches;
  }

  /** Every rule's mode and standing at {@link #at()}, by id. */
  public List<RuleStatus> rules() {
    return rules;
  }

  /** Every exemption's standing at {@link #at()}, by id. */
  public List<ExemptionStatus> exemptions() {
    return exemptions;
  }

  /** The ids of shadow-mode rules: observed, never enforced. */
  public List<String> shadowRules() {
    return rules.stream().filter(r -> r.mode() == Mode.SHADOW).map(RuleStatus::ruleId).toList();
  }

  // ---- computing (time-independent; shared with PolicyDiff) ----

  static List<Exposure> exposuresOf(Policy policy) {
    Map<ExposureKey, List<Source>> byKey = new LinkedHashMap<>();
    for (Rule rule : policy.rules()) {
      List<String> places = new ArrayList<>();
      // A rule with evidence: any reaches people whom any signal places there, which is more
      // than the primary placement: the report says so on every place.
      String how = rule.evidence() == EvidenceStandard.ANY ? " (any signal)" : "";
      Set<Jurisdiction> members = rule.appliesIn().members();
      for (Jurisdiction j : members) {
        places.add(j.code() + how);
      }
      if (rule.onImprecise() == OnImprecise.APPLY) {
        Set<String> countries = new TreeSet<>();
        for (Jurisdiction j : members) {
          if (j.isSubdivision() && !members.contains(j.country())) {
            countries.add(j.country().code() + " (placed only at country level)" + how);
          }
        }
        places.addAll(countries);
      }
      for (AreaRef a : rule.appliesIn().areas()) {
        places.add("area " + a.id() + " in " + a.within().code() + how);
        if (rule.onUncertain() == OnUncertain.APPLY) {
          places.add("area " + a.id() + " in " + a.within().code() + " (uncertain too)" + how);
        }
      }
      if (rule.onUnknown() == OnUnknown.APPLY) {
        places.add("unknown");
      }
      if (rule.onAnonymizer() == OnAnonymizer.APPLY) {
        places.add("anonymizer");
      }
      for (String where : places) {
        byKey
            .computeIfAbsent(
                new ExposureKey(where, rule.effect(), rule.when(), rule.mode()),
                k -> new ArrayList<>())
            .add(Source.of(rule));
      }
    }
    List<Exposure> out = new ArrayList<>();
    byKey.forEach(
        (key, sources) -> {
          sources.sort(Comparator.comparing(Source::ruleId));
          out.add(new Exposure(key, sources));
        });
    out.sort(Comparator.comparing(Exposure::key, KEY_ORDER));
    return List.copyOf(out);
  }

  static final Comparator<ExposureKey> KEY_ORDER =
      Comparator.comparing(ExposureKey::where)
          .thenComparing(k -> describe(k.effect()))
          .thenComparing(k -> describe(k.when()))
          .thenComparing(ExposureKey::mode);

  static List<Relief> reliefsOf(Policy policy) {
    List<Relief> out = new ArrayList<>();
    for (Exemption e : policy.exemptions()) {
      List<String> where = new ArrayList<>();
      e.appliesIn().members().forEach(j -> where.add(j.code()));
      e.appliesIn().areas().forEach(a -> where.add("area " + a.id() + " in " + a.within().code()));
      for (String w : where) {
        for (String ruleId : new TreeSet<>(e.lifts())) {
          out.add(new Relief(w, ruleId, e.id(), e.basis().citation(),
              e.basis().effective(), e.basis().expires()));
        }
      }
    }
    out.sort(
        Comparator.comparing(Relief::where)
            .thenComparing(Relief::ruleId)
            .thenComparing(Relief::exemptionId));
    return List.copyOf(out);
  }

  static List<Reach> reachesOf(Policy policy) {
    List<Reach> out = new ArrayList<>();
    for (Rule r : policy.rules()) {
      reach(policy, r.id(), r.basis(), r.appliesIn(), out);
    }
    for (Exemption e : policy.exemptions()) {
      reach(policy, e.id(), e.basis(), e.appliesIn(), out);
    }
    out.sort(Comparator.comparing(Reach::subject));
    return List.copyOf(out);
  }

  private static void reach(
      Policy policy, String subject, LegalBasis basis, Scope appliesIn, List<Reach> out) {
    Authority a = policy.authorityOf(basis);
    List<Jurisdiction> outside = new ArrayList<>();
    for (Jurisdiction j : appliesIn.places()) {
      if (!a.isHome(j)) {
        outside.add(j);
      }
    }
    if (!outside.isEmpty()) {
      out.add(new Reach(subject, a.name(), a.homeText(), Scope.of(outside),
          basis.extraterritorial().orElse(""), a.declared()));
    }
  }

  // ---- printing ----

  static String describe(Effect effect) {
    if (effect instanceof Effect.Disable d) {
      return "disable " + d.features().stream().map(Feature::code).collect(Collectors.joining(","));
    }
    if (effect instanceof Effect.Notice n) {
      return "notice " + n.key();
    }
    return effect.kind();
  }

  static String describe(Condition when) {
    if (when.isAlways()) {
      return "always";
    }
    List<String> parts = new ArrayList<>();
    if (!when.tagsAny().isEmpty()) {
      parts.add("tags-any " + String.join(",", new TreeSet<>(when.tagsAny())));
    }
    if (!when.tagsAll().isEmpty()) {
      parts.add("tags-all " + String.join(",", new TreeSet<>(when.tagsAll())));
    }
    if (!when.featuresAny().isEmpty()) {
      parts.add("features-any "
          + when.featuresAny().stream().map(Feature::code).collect(Collectors.joining(",")));
    }
    return String.join("; ", parts);
  }

  static String describe(Scope scope) {
    return scope.members().stream().map(Jurisdiction::code).sorted()
        .collect(Collectors.joining(","));
  }

  static String describe(Source s) {
    return s.ruleId() + " (" + s.citation() + ")";
  }

  static String sources(List<Source> sources) {
    return sources.stream().map(PolicyReport::describe).collect(Collectors.joining("; "));
  }

  static TextTable exposureTable(List<Exposure> exposures) {
    TextTable t = new TextTable("JURISDICTION", "EFFECT", "WHEN", "MODE", "RULES");
    for (Exposure e : exposures) {
      t.row(e.key().where(), describe(e.key().effect()), describe(e.key().when()),
          e.key().mode().code(), sources(e.sources()));
    }
    return t;
  }

  static TextTable reliefTable(List<Relief> reliefs) {
    TextTable t =
        new TextTable("JURISDICTION", "RULE LIFTED", "EXEMPTION", "CITATION", "VALIDITY");
    for (Relief r : reliefs) {
      t.row(r.where(), r.ruleId(), r.exemptionId(), r.citation(),
          validity(r.effective(), r.expires()));
    }
    return t;
  }

  static String validity(Optional<LocalDate> effective, Optional<LocalDate> expires) {
    if (effective.isEmpty() && expires.isEmpty()) {
      return "always";
    }
    return effective.map(d -> "from " + d).orElse("")
        + (effective.isPresent() && expires.isPresent() ? " " : "")
        + expires.map(d -> "until " + d).orElse("");
  }

  static TextTable reachTable(List<Reach> reaches) {
    TextTable t = new TextTable("SUBJECT", "AUTHORITY", "HOME", "TERRITORY", "STATEMENT");
    for (Reach r : reaches) {
      t.row(r.subject(),
          r.authority() + (r.declared() ? " (declared by this policy, not in the catalogue)" : ""),
          r.home(), describe(r.territory()), r.statement());
    }
    return t;
  }

  /** The report as text tables, for terminals and review comments. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("Policy ").append(policyVersion).append(" as of ").append(at).append('\n');
    out.append("Jurisdictions affected: ")
        .append(jurisdictions().isEmpty() ? "none" : String.join(", ", jurisdictions()))
        .append("\n\n");
    netText(out);
    out.append("\nEverything the policy can do, as written (whatever the date):\n");
    out.append(exposureTable(exposures).render());
    TextTable statuses = new TextTable("RULE", "MODE", "STATUS", "CITATION");
    for (RuleStatus r : rules) {
      statuses.row(r.ruleId(), r.mode().code(), r.status().code(), r.citation());
    }
    for (ExemptionStatus e : exemptions) {
      statuses.row(e.exemptionId(), "exemption", e.status().code(), e.citation());
    }
    out.append("\nRules and exemptions at ").append(at).append(":\n").append(statuses.render());
    out.append("\nLifted by exemptions:\n")
        .append(reliefs.isEmpty() ? "none\n" : reliefTable(reliefs).render());
    out.append("\nExtraterritorial reach:\n")
        .append(reaches.isEmpty() ? "none\n" : reachTable(reaches).render());
    declaredText(out);
    areasText(out);
    return out.toString();
  }

  /** The report as pretty-printed JSON. */
  public String toJson() {
    ObjectNode root = Json.object();
    root.put("policyVersion", policyVersion);
    root.put("at", at.toString());
    root.set("jurisdictions", Json.strings(jurisdictions()));
    ArrayNode exp = root.putArray("exposures");
    exposures.forEach(e -> exp.add(json(e)));
    ArrayNode rs = root.putArray("rules");
    for (RuleStatus r : rules) {
      ObjectNode n = rs.addObject();
      n.put("rule", r.ruleId());
      n.put("mode", r.mode().code());
      n.put("status", r.status().code());
      n.put("citation", r.citation());
    }
    ArrayNode ex = root.putArray("exemptions");
    for (ExemptionStatus e : exemptions) {
      ObjectNode n = ex.addObject();
      n.put("exemption", e.exemptionId());
      n.put("status", e.status().code());
      n.put("citation", e.citation());
    }
    ArrayNode rel = root.putArray("reliefs");
    reliefs.forEach(r -> rel.add(json(r)));
    ArrayNode rea = root.putArray("extraterritorialReaches");
    reaches.forEach(r -> rea.add(json(r)));
    netJson(root);
    declaredJson(root);
    areasJson(root);
    return Json.print(root);
  }

  // ---- net exposure and declared authorities (kept apart so other sections merge cleanly) ----

  static String describe(List<Effect> effects) {
    return effects.isEmpty() ? "none"
        : effects.stream().map(PolicyReport::describe).collect(Collectors.joining("; "));
  }

  private void netText(StringBuilder out) {
    out.append("Net exposure on ").append(at.atOffset(ZoneOffset.UTC).toLocalDate())
        .append(" (what the engine decides, after exemptions, dates and shadow mode):\n");
    TextTable t = new TextTable("JURISDICTION", "WHEN", "OUTCOME", "EFFECTS", "WHY");
    for (NetExposure n : net) {
      t.row(n.where(), describe(n.when()), n.outcome().code(), describe(n.effects()),
          n.why().isEmpty() ? "no rule applies" : String.join("; ", n.why()));
    }
    out.append(t.isEmpty() ? "none\n" : t.render());
  }

  /** The areas the policy defines, each with its definition's hash. */
  public List<AreaRef> areas() {
    return areas;
  }

  private void areasText(StringBuilder out) {
    out.append("\nAreas:\n");
    if (areas.isEmpty()) {
      out.append("none\n");
      return;
    }
    TextTable t = new TextTable("AREA", "NAME", "IN", "SOURCE", "DEFINITION");
    for (AreaRef a : areas) {
      t.row(a.id(), a.name(), a.within().code(), a.source(), a.definitionHash());
    }
    out.append(t.render());
  }

  private void areasJson(ObjectNode root) {
    ArrayNode arr = root.putArray("areas");
    for (AreaRef a : areas) {
      ObjectNode o = arr.addObject();
      o.put("id", a.id());
      o.put("name", a.name());
      o.put("in", a.within().code());
      o.put("source", a.source());
      o.put("definitionHash", a.definitionHash());
    }
  }

  private void declaredText(StringBuilder out) {
    out.append("\nDeclared authorities:\n");
    if (declared.isEmpty()) {
      out.append("none\n");
      return;
    }
    TextTable t = new TextTable("AUTHORITY", "NAME", "HOME", "REFERENCE", "STANDING");
    for (Authority a : declared) {
      t.row(a.id(), a.name(), a.homeText(), a.source().orElse(""),
          "declared by this policy, not in the catalogue");
    }
    out.append(t.render());
  }

  private void netJson(ObjectNode root) {
    ArrayNode arr = root.putArray("netExposures");
    for (NetExposure n : net) {
      ObjectNode o = arr.addObject();
      o.put("jurisdiction", n.where());
      o.put("when", describe(n.when()));
      o.put("outcome", n.outcome().code());
      o.set("effects", Json.strings(n.effects().stream().map(PolicyReport::describe).toList()));
      o.set("rules", Json.strings(n.applied()));
      o.set("why", Json.strings(n.why()));
    }
  }

  private void declaredJson(ObjectNode root) {
    ArrayNode arr = root.putArray("declaredAuthorities");
    for (Authority a : declared) {
      ObjectNode o = arr.addObject();
      o.put("id", a.id());
      o.put("name", a.name());
      o.put("home", a.homeText());
      a.source().ifPresent(r -> o.put("reference", r));
      o.put("declared", "declared by this policy, not in the catalogue");
    }
  }

  static ObjectNode json(Exposure e) {
    ObjectNode n = Json.object();
    n.put("jurisdiction", e.key().where());
    n.put("effect", describe(e.key().effect()));
    n.put("when", describe(e.key().when()));
    n.put("mode", e.key().mode().code());
    ArrayNode sources = n.putArray("rules");
    for (Source s : e.sources()) {
      ObjectNode sn = sources.addObject();
      sn.put("rule", s.ruleId());
      sn.put("authority", s.authority());
      sn.put("citation", s.citation());
      s.effective().ifPresent(d -> sn.put("effective", d.toString()));
      s.expires().ifPresent(d -> sn.put("expires", d.toString()));
    }
    return n;
  }

  static ObjectNode json(Relief r) {
    ObjectNode n = Json.object();
    n.put("jurisdiction", r.where());
    n.put("rule", r.ruleId());
    n.put("exemption", r.exemptionId());
    n.put("citation", r.citation());
    r.effective().ifPresent(d -> n.put("effective", d.toString()));
    r.expires().ifPresent(d -> n.put("expires", d.toString()));
    return n;
  }

  static ObjectNode json(Reach r) {
    ObjectNode n = Json.object();
    n.put("subject", r.subject());
    n.put("authority", r.authority());
    n.put("home", r.home());
    n.put("declared", r.declared());
    n.set("territory", Json.strings(
        r.territory().members().stream().map(Jurisdiction::code).sorted().toList()));
    n.put("statement", r.statement());
    return n;
  }

  @Override
  public String toString() {
    return toText();
  }
}
