package io.geoscope.policy;

import io.geoscope.areas.AreaSet;
import io.geoscope.core.AreaRef;
import io.geoscope.core.Condition;
import io.geoscope.core.Effect;
import io.geoscope.core.Exemption;
import io.geoscope.core.Feature;
import io.geoscope.core.InstrumentKind;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.Mode;
import io.geoscope.core.EvidenceStandard;
import io.geoscope.core.OnAnonymizer;
import io.geoscope.core.OnImprecise;
import io.geoscope.core.OnUncertain;
import io.geoscope.core.OnUnknown;
import io.geoscope.core.Policy;
import io.geoscope.core.Authority;
import io.geoscope.core.Operator;
import io.geoscope.core.PolicyProblem;
import io.geoscope.core.PolicyValidationException;
import io.geoscope.core.PolicyValidator;
import io.geoscope.policy.PolicyFileException;
import io.geoscope.policy.PolicyFileProblem;
import io.geoscope.policy.PolicyFileProblem.Code;
import io.geoscope.policy.PolicyFileProblem.Location;
import io.geoscope.core.Rule;
import io.geoscope.core.Scope;
import io.geoscope.policy.Node.ListNode;
import io.geoscope.policy.Node.MapNode;
import io.geoscope.policy.Node.Scalar;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link Node} tree into a {@link Policy}: reads fields and reports parse and format
 * problems with their positions; every check of the policy itself is geo-core's {@link
 * PolicyValidator}, reached through {@link Policy#of}, whose problems get the position of the
 * entry and field they name. Not thread-safe: one instance per file.
 */
final class PolicyBinder {
  /** The format version this binder writes; it also reads version 1 (see {@link #LEGACY}). */
  public static final int FORMAT_VERSION = 2;

  /**
   * The previous format: no {@code operator:} or {@code authorities:}, {@code home} required. A
   * version-1 file that reaches outside an authority's home is refused naming what to add.
   */
  public static final int LEGACY = 1;

  private static final Set<String> WILDCARDS =
      Set.of("ALL", "ANY", "WORLD", "GLOBAL", "EVERYWHERE", "EVERYONE", "EARTH", "INTERNATIONAL",
          "WORLDWIDE", "UNIVERSAL", "ALL-COUNTRIES");
  private static final Set<String> TOP_V1 = Set.of("geoscope", "version", "rules", "exemptions");
  private static final Set<String> TOP =
      Set.of("geoscope", "version", "operator", "authorities", "areas", "rules", "exemptions");
  private static final Set<String> OPERATOR = Set.of("name", "subject-to");
  private static final Set<String> DECLARED = Set.of("id", "name", "home", "reference");
  private static final Set<String> RULE =
      Set.of("id", "basis", "applies-in", "when", "effect", "mode", "on-unknown", "evidence",
          "on-imprecise", "on-anonymizer", "on-uncertain");
  private static final Set<String> EXEMPTION = Set.of("id", "basis", "applies-in", "lifts");
  private static final Set<String> BASIS =
      Set.of("authority", "home", "territory", "extraterritorial", "kind", "citation",
          "reference", "effective", "expires");
  private static final Set<String> WHEN = Set.of("tags-any", "tags-all", "features-any");

  private final String file;
  private final List<PolicyFileProblem> problems;
  /** Positions of fields by file entry ({@code rules[3]}), to place the validator's problems. */
  private final Map<String, Map<String, Location>> fieldLocations = new HashMap<>();
  /** The file entry being bound; {@link #remember} files positions under it. */
  private String entry = "policy";
  /** The first file entry of each id, and which entries bound, for {@link #duplicate}. */
  private final Map<String, String> firstEntry = new HashMap<>();

  private final Set<String> boundEntries = new HashSet<>();
  private int format = FORMAT_VERSION;
  private final AreaBinding areaBinding;
  private AreaSet areas = AreaSet.empty();

  private PolicyBinder(String file, List<PolicyFileProblem> problems) {
    this.file = file;
    this.problems = problems;
    this.areaBinding = new AreaBinding(file, problems);
  }

  /**
   * Binds {@code root}; {@code problems} may already hold problems from reading.
   *
   * @param defaultVersion the policy version when the file declares none
   * @throws PolicyFileException with every problem, in file order, if there is any
   */
  public static Policy bind(
      Node root, String file, String defaultVersion, List<PolicyFileProblem> problems)
      throws PolicyFileException {
    return new PolicyBinder(file, problems).bind(root, defaultVersion);
  }

  private Policy bind(Node root, String defaultVersion) throws PolicyFileException {
    if (!(root instanceof MapNode top)) {
      add(Code.SYNTAX, "policy", "", root.location(),
          "a policy file is a map with 'geoscope: " + FORMAT_VERSION + "' and 'rules', not "
              + root.describe());
      throw rejection();
    }
    remember("", top.location());
    Node formatNode = top.entries().get("geoscope");
    if (formatNode == null) {
      add(Code.MISSING_FIELD, "policy", "geoscope", top.location(),
          "'geoscope: " + FORMAT_VERSION + "' is required: it names the format version");
      throw rejection();
    }
    if (!(formatNode instanceof Scalar s)
        || s.kind() != Scalar.Kind.INTEGER
        || !(s.text().equals(Integer.toString(FORMAT_VERSION))
            || s.text().equals(Integer.toString(LEGACY)))) {
      add(Code.UNSUPPORTED_VERSION, "policy", "geoscope", formatNode.location(),
          "format version " + shown(formatNode) + " is not supported; this library reads"
              + " 'geoscope: " + FORMAT_VERSION + "' (and 'geoscope: " + LEGACY + "')");
      // Fields of another format version would only produce noise.
      throw rejection();
    }
    format = Integer.parseInt(s.text());
    unknownFields(top, format == LEGACY ? TOP_V1 : TOP, "policy", "");
    Optional<Operator> operator = format == LEGACY ? Optional.empty() : operator(top);
    List<Authority> declared = format == LEGACY ? List.of() : declared(top);
    areas = format == LEGACY ? AreaSet.empty() : areaBinding.bind(top.entries().get("areas"));
    entry = "policy";
    String version = defaultVersion;
    if (top.entries().containsKey("version")) {
      String label = string(top, "version", "policy", "", false, false);
      version = label == null ? defaultVersion : label;
    }
    List<MapNode> ruleNodes = entries(top, "rules");
    List<MapNode> exemptionNodes = entries(top, "exemptions");

    // Validator entries (rules[k] of the rules passed) to file entries (rules[i] in the file).
    Map<String, String> entries = new HashMap<>();
    Set<String> unbound = new HashSet<>();
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < ruleNodes.size(); i++) {
      entry = "rules[" + i + "]";
      MapNode node = ruleNodes.get(i);
      String id = id(node, entry);
      Rule rule = rule(node, id == null ? entry : id, id != null);
      duplicate(node, id, rule != null);
      if (rule != null) {
        entries.put("rules[" + rules.size() + "]", entry);
        rules.add(rule);
      } else if (id != null) {
        unbound.add(id);
      }
    }
    List<Exemption> exemptions = new ArrayList<>();
    for (int i = 0; i < exemptionNodes.size(); i++) {
      entry = "exemptions[" + i + "]";
      MapNode node = exemptionNodes.get(i);
      String id = id(node, entry);
      Exemption exemption = exemption(node, id == null ? entry : id, id != null, unbound);
      duplicate(node, id, exemption != null);
      if (exemption != null) {
        entries.put("exemptions[" + exemptions.size() + "]", entry);
        exemptions.add(exemption);
      }
    }
    try {
      Policy policy = Policy.of(version, operator, declared, areas, rules, exemptions);
      if (problems.isEmpty()) {
        return policy;
      }
    } catch (PolicyValidationException e) {
      for (PolicyProblem p : e.problems()) {
        String at = entries.getOrDefault(p.entry(), p.entry());
        problems.add(PolicyFileProblem.of(locate(at, p.field()), p));
      }
    }
    throw rejection();
  }

  /**
   * Reports a repeated id where the validator cannot: when this entry or the first with the id
   * did not bind (two bound entries are the validator's {@code DUPLICATE_ID}).
   */
  private void duplicate(MapNode node, @Nullable String id, boolean bound) {
    if (id == null) {
      return;
    }
    String first = firstEntry.putIfAbsent(id, entry);
    if (first == null) {
      if (bound) {
        boundEntries.add(entry);
      }
      return;
    }
    if (bound && boundEntries.contains(first)) {
      return;
    }
    problems.add(PolicyFileProblem.of(
        java.util.Objects.requireNonNull(node.entries().get("id")).location(),
        new PolicyProblem(PolicyProblem.Code.DUPLICATE_ID, id, entry, "id",
            "id '" + id + "' is already used by " + first
                + " (rules and exemptions share one namespace)")));
  }

  // ---- operator and declared authorities ----

  private Optional<Operator> operator(MapNode top) {
    Node node = top.entries().get("operator");
    if (node == null || isNull(node)) {
      return Optional.empty();
    }
    entry = "operator";
    if (!(node instanceof MapNode op)) {
      add(Code.INVALID_VALUE, "operator", "operator", node.location(),
          "'operator' must be a map with 'name' and 'subject-to', not " + node.describe());
      return Optional.empty();
    }
    remember("", op.location());
    unknownFields(op, OPERATOR, "operator", "operator.");
    String name = text(op, "name", "operator", "operator.", true);
    Set<Jurisdiction> subjectTo = new LinkedHashSet<>();
    Node list = op.entries().get("subject-to");
    if (list == null || isNull(list)) {
      add(Code.MISSING_FIELD, "operator", "operator.subject-to", op.location(),
          "'subject-to' is required: the jurisdictions whose law binds the operator wherever"
              + " its users are, e.g. [US]; [] if none");
    } else if (!(list instanceof ListNode items)) {
      add(Code.INVALID_VALUE, "operator", "operator.subject-to", list.location(),
          "'subject-to' must be a list of codes, not " + list.describe());
    } else {
      remember("operator.subject-to", list.location());
      for (Node item : items.items()) {
        Jurisdiction j = jurisdiction(item, "operator", "operator.subject-to");
        if (j != null) {
          subjectTo.add(j);
        }
      }
    }
    if (name == null || PolicyValidator.visible(name).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Operator(name, subjectTo));
  }

  private List<Authority> declared(MapNode top) {
    List<MapNode> nodes = entries(top, "authorities");
    List<Authority> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      entry = "authorities[" + i + "]";
      MapNode node = nodes.get(i);
      remember("", node.location());
      unknownFields(node, DECLARED, entry, "");
      String id = string(node, "id", entry, "", true, false);
      String subject = id == null ? entry : id;
      String name = text(node, "name", subject, "", true);
      Jurisdiction home = null;
      Node homeNode = node.entries().get("home");
      if (homeNode == null || isNull(homeNode)) {
        add(Code.MISSING_FIELD, subject, "home", node.location(),
            "'home' is required: where this authority's law is local law, e.g. US");
      } else {
        remember("home", homeNode.location());
        home = jurisdiction(homeNode, subject, "home");
      }
      String reference = string(node, "reference", subject, "", false, false);
      if (id != null && name != null && home != null) {
        out.add(Authority.declared(id, name, home, Optional.ofNullable(reference)));
      }
    }
    return out;
  }

  private PolicyFileException rejection() {
    List<PolicyFileProblem> sorted = new ArrayList<>(problems);
    sorted.sort(
        Comparator.comparingInt((PolicyFileProblem p) -> p.location().line())
            .thenComparingInt(p -> p.location().column()));
    return new PolicyFileException(sorted);
  }

  private Location locate(String at, String field) {
    Map<String, Location> fields = fieldLocations.getOrDefault(at, Map.of());
    String f = field;
    while (true) {
      Location found = fields.get(f);
      if (found != null) {
        return found;
      }
      int dot = f.lastIndexOf('.');
      if (dot < 0) {
        break;
      }
      f = f.substring(0, dot);
    }
    Location whole = fields.get("");
    if (whole != null) {
      return whole;
    }
    Location top = fieldLocations.getOrDefault("policy", Map.of()).get("");
    return top != null ? top : new Location(file, 1, 1);
  }

  private void remember(String field, Location at) {
    fieldLocations.computeIfAbsent(entry, s -> new HashMap<>()).putIfAbsent(field, at);
  }

  // ---- entries ----

  private List<MapNode> entries(MapNode top, String key) {
    Node node = top.entries().get(key);
    if (node == null || isNull(node)) {
      return List.of();
    }
    if (!(node instanceof ListNode list)) {
      add(Code.INVALID_VALUE, "policy", key, node.location(),
          "'" + key + "' must be a list, not " + node.describe());
      return List.of();
    }
    List<MapNode> out = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      if (item instanceof MapNode m) {
        out.add(m);
      } else {
        add(Code.INVALID_VALUE, key + "[" + i + "]", "", item.location(),
            "each entry of '" + key + "' must be a map, not " + item.describe());
      }
    }
    return out;
  }

  private @Nullable String id(MapNode node, String fallback) {
    String id = string(node, "id", fallback, "", true, false);
    if (id == null) {
      return null;
    }
    Location at = java.util.Objects.requireNonNull(node.entries().get("id")).location();
    if (!PolicyValidator.isValidId(id)) {
      add(Code.INVALID_VALUE, fallback, "id", at,
          "id '" + id + "' must be " + PolicyValidator.idShape());
      return null;
    }
    return id;
  }

  private @Nullable Rule rule(MapNode node, String subject, boolean idOk) {
    remember("", node.location());
    unknownFields(node, RULE, subject, "");
    LegalBasis basis = basis(node, subject);
    Scope appliesIn = scope(node, "applies-in", subject, "", true);
    Condition when = condition(node, subject);
    Effect effect = effect(node, subject);
    Mode mode = word(node, "mode", subject, Mode::fromCode, Mode.ENFORCE);
    OnUnknown onUnknown = word(node, "on-unknown", subject, OnUnknown::fromCode, OnUnknown.SKIP);
    EvidenceStandard evidence =
        word(node, "evidence", subject, EvidenceStandard::fromCode, EvidenceStandard.PRIMARY);
    OnImprecise onImprecise =
        word(node, "on-imprecise", subject, OnImprecise::fromCode, OnImprecise.SKIP);
    OnAnonymizer onAnonymizer =
        word(node, "on-anonymizer", subject, OnAnonymizer::fromCode, OnAnonymizer.IGNORE);
    OnUncertain onUncertain =
        word(node, "on-uncertain", subject, OnUncertain::fromCode, OnUncertain.SKIP);
    if (!idOk || basis == null || appliesIn == null) {
      return null;
    }
    // With problems already found the policy is rejected anyway; a stand-in for the broken
    // parts still lets Policy.of check the law (scope, territory, dates) of the rest.
    return new Rule(
        subject,
        basis,
        appliesIn,
        when == null ? Condition.always() : when,
        effect == null ? Effect.denyJoin() : effect,
        mode == null ? Mode.ENFORCE : mode,
        onUnknown == null ? OnUnknown.SKIP : onUnknown,
        evidence == null ? EvidenceStandard.PRIMARY : evidence,
        onImprecise == null ? OnImprecise.SKIP : onImprecise,
        onAnonymizer == null ? OnAnonymizer.IGNORE : onAnonymizer,
        onUncertain == null ? OnUncertain.SKIP : onUncertain);
  }

  private @Nullable Exemption exemption(
      MapNode node, String subject, boolean idOk, Set<String> unbound) {
    remember("", node.location());
    unknownFields(node, EXEMPTION, subject, "");
    LegalBasis basis = basis(node, subject);
    Scope appliesIn = scope(node, "applies-in", subject, "", true);
    Set<String> lifts = lifts(node, subject, unbound);
    if (!idOk || basis == null || appliesIn == null) {
      return null;
    }
    if (lifts == null || lifts.isEmpty()) {
      return null;
    }
    try {
      return new Exemption(subject, basis, appliesIn, lifts);
    } catch (PolicyValidationException e) {
      // The constructor runs the validator over what an exemption knows alone; place its findings.
      for (PolicyProblem p : e.problems()) {
        problems.add(PolicyFileProblem.of(locate(entry, p.field()), p));
      }
      return null;
    }
  }

  /** The lifted ids, less those of rules that failed to bind (the file is refused for them). */
  private @Nullable Set<String> lifts(MapNode node, String subject, Set<String> unbound) {
    ListNode list = list(node, "lifts", subject, "", true);
    if (list == null) {
      return null;
    }
    remember("lifts", list.location());
    if (list.items().isEmpty()) {
      add(Code.INVALID_VALUE, subject, "lifts", list.location(),
          "'lifts' must name at least one rule id");
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (Node item : list.items()) {
      String id = scalarText(item, subject, "lifts", false);
      if (id == null) {
        continue;
      }
      if (!unbound.contains(id)) {
        out.add(id);
      }
    }
    return out;
  }

  private @Nullable LegalBasis basis(MapNode owner, String subject) {
    Node node = owner.entries().get("basis");
    if (node == null || isNull(node)) {
      add(Code.MISSING_FIELD, subject, "basis", owner.location(),
          "'basis' is required: the law this rests on");
      return null;
    }
    if (!(node instanceof MapNode basis)) {
      add(Code.INVALID_VALUE, subject, "basis", node.location(),
          "'basis' must be a map, not " + node.describe());
      return null;
    }
    remember("basis", basis.location());
    unknownFields(basis, BASIS, subject, "basis.");
    String authority = text(basis, "authority", subject, "basis.", true);
    Jurisdiction home = null;
    Node homeNode = basis.entries().get("home");
    boolean homeBroken = false;
    if (homeNode == null || isNull(homeNode)) {
      if (format == LEGACY) {
        add(Code.MISSING_FIELD, subject, "basis.home", basis.location(),
            "'home' is required in 'geoscope: 1' files: the authority's own jurisdiction");
        homeBroken = true;
      }
    } else {
      remember("basis.home", homeNode.location());
      home = jurisdiction(homeNode, subject, "basis.home");
      homeBroken = home == null;
    }
    Scope territory = scope(basis, "territory", subject, "basis.", false);
    String extraterritorial = text(basis, "extraterritorial", subject, "basis.", false);
    if (format == LEGACY && home != null && (extraterritorial != null
        || (territory != null && !territory.within(new Scope(Set.of(home)))))) {
      add(Code.UNSUPPORTED_VERSION, subject, "basis.territory", basis.location(),
          "this 'geoscope: 1' file reaches outside the authority's home " + home + " on a free-text"
              + " statement, which version 2 no longer accepts: write 'geoscope: 2', add an"
              + " 'operator:' block with 'name' and 'subject-to', and rest the reach on a"
              + " sanctions or export-control instrument of a catalogue authority whose home is in"
              + " subject-to (principle: " + PolicyValidator.PRINCIPLE + ")");
    }
    InstrumentKind kind = null;
    Node kindNode = basis.entries().get("kind");
    if (kindNode == null || isNull(kindNode)) {
      add(Code.MISSING_FIELD, subject, "basis.kind", basis.location(),
          "'kind' is required: statute, regulation, court-order, sanctions, export-control or"
              + " general-licence");
    } else {
      remember("basis.kind", kindNode.location());
      kind = parse(kindNode, subject, "basis.kind", InstrumentKind::fromCode);
    }
    String citation = text(basis, "citation", subject, "basis.", true);
    String reference = string(basis, "reference", subject, "basis.", false, false);
    LocalDate effective = date(basis, "effective", subject);
    LocalDate expires = date(basis, "expires", subject);
    if (homeBroken || authority == null || citation == null || kind == null
        || (territory == null && basis.entries().containsKey("territory"))) {
      return null;
    }
    return new LegalBasis(
        authority,
        Optional.ofNullable(home),
        Optional.ofNullable(territory),
        Optional.ofNullable(extraterritorial),
        kind,
        citation,
        Optional.ofNullable(reference),
        Optional.ofNullable(effective),
        Optional.ofNullable(expires));
  }

  /**
   * A free-text field (authority, citation, statement, name): it must be a string, not a number
   * or boolean ({@code extraterritorial: false} is a type error, not a statement). Whether it says
   * anything is the validator's check.
   */
  private @Nullable String text(
      MapNode node, String key, String subject, String prefix, boolean required) {
    String field = prefix + key;
    Node value = node.entries().get(key);
    if (value == null || isNull(value)) {
      if (required) {
        add(Code.MISSING_FIELD, subject, field, node.location(), "'" + key + "' is required");
      }
      return null;
    }
    remember(field, value.location());
    if (!(value instanceof Scalar s) || s.kind() != Scalar.Kind.STRING) {
      add(Code.INVALID_VALUE, subject, field, value.location(),
          "'" + key + "' must be a string of text, not " + value.describe());
      return null;
    }
    return s.text();
  }

  private @Nullable Condition condition(MapNode owner, String subject) {
    Node node = owner.entries().get("when");
    if (node == null || isNull(node)) {
      return Condition.always();
    }
    if (!(node instanceof MapNode when)) {
      add(Code.INVALID_VALUE, subject, "when", node.location(),
          "'when' must be a map of tags-any, tags-all, features-any; not " + node.describe());
      return null;
    }
    remember("when", when.location());
    unknownFields(when, WHEN, subject, "when.");
    Set<String> tagsAny = strings(when, "tags-any", subject);
    Set<String> tagsAll = strings(when, "tags-all", subject);
    Set<Feature> featuresAny = features(when, "features-any", subject, "when.");
    if (tagsAny == null || tagsAll == null || featuresAny == null) {
      return null;
    }
    return new Condition(tagsAny, tagsAll, featuresAny);
  }

  private @Nullable Set<String> strings(MapNode node, String key, String subject) {
    if (!node.entries().containsKey(key)) {
      return Set.of();
    }
    ListNode list = list(node, key, subject, "when.", false);
    if (list == null) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    boolean ok = true;
    for (Node item : list.items()) {
      String tag = scalarText(item, subject, "when." + key, false);
      if (tag == null) {
        ok = false;
      } else {
        out.add(tag);
      }
    }
    return ok ? out : null;
  }

  private @Nullable Set<Feature> features(
      MapNode node, String key, String subject, String prefix) {
    if (!node.entries().containsKey(key)) {
      return Set.of();
    }
    ListNode list = list(node, key, subject, prefix, false);
    if (list == null) {
      return null;
    }
    Set<Feature> out = new LinkedHashSet<>();
    boolean ok = true;
    for (Node item : list.items()) {
      Feature f = parse(item, subject, prefix + key, Feature::fromCode);
      if (f == null) {
        ok = false;
      } else {
        out.add(f);
      }
    }
    return ok ? out : null;
  }

  private @Nullable Effect effect(MapNode owner, String subject) {
    Node node = owner.entries().get("effect");
    if (node == null || isNull(node)) {
      add(Code.MISSING_FIELD, subject, "effect", owner.location(),
          "'effect' is required: deny-join, {disable: [...]} or {notice: key}");
      return null;
    }
    remember("effect", node.location());
    if (node instanceof Scalar s) {
      if (s.text().equals("deny-join")) {
        return Effect.denyJoin();
      }
      add(Code.INVALID_VALUE, subject, "effect", node.location(),
          "unknown effect '" + s.text() + "' (deny-join, {disable: [...]}, {notice: key})");
      return null;
    }
    if (!(node instanceof MapNode m) || m.entries().size() != 1) {
      add(Code.INVALID_VALUE, subject, "effect", node.location(),
          "'effect' must be deny-join, {disable: [...]} or {notice: key}, with exactly one kind");
      return null;
    }
    if (m.entries().containsKey("disable")) {
      Set<Feature> features = features(m, "disable", subject, "effect.");
      if (features == null) {
        return null;
      }
      if (features.isEmpty()) {
        add(Code.INVALID_VALUE, subject, "effect.disable", m.entries().get("disable").location(),
            "'disable' must name at least one feature");
        return null;
      }
      return Effect.disable(features);
    }
    if (m.entries().containsKey("notice")) {
      return parse(m.entries().get("notice"), subject, "effect.notice", Effect::notice);
    }
    String kind = m.entries().keySet().iterator().next();
    add(Code.UNKNOWN_FIELD, subject, "effect." + kind,
        java.util.Objects.requireNonNull(m.keyLocations().get(kind)),
        "unknown effect '" + kind + "' (deny-join, disable, notice)");
    return null;
  }

  // ---- scopes and codes ----

  private @Nullable Scope scope(
      MapNode owner, String key, String subject, String prefix, boolean required) {
    String field = prefix + key;
    Node node = owner.entries().get(key);
    if (node == null || isNull(node)) {
      if (required) {
        add(Code.MISSING_FIELD, subject, field, owner.location(),
            "'" + key + "' is required: a list of countries or subdivisions, e.g. [CN]");
      }
      return null;
    }
    remember(field, node.location());
    if (node instanceof Scalar s && isWildcard(s.text())) {
      wildcard(subject, field, s);
      return null;
    }
    if (!(node instanceof ListNode list)) {
      add(Code.INVALID_VALUE, subject, field, node.location(),
          "'" + key + "' must be a list of codes, e.g. [" + shown(node) + "]; not "
              + node.describe());
      return null;
    }
    if (list.items().isEmpty()) {
      add(Code.EMPTY_SCOPE, subject, field, list.location(),
          "'" + key + "' names no jurisdiction; list every country or subdivision it covers");
      return null;
    }
    Set<Jurisdiction> members = new LinkedHashSet<>();
    Set<AreaRef> named = new LinkedHashSet<>();
    boolean ok = true;
    for (Node item : list.items()) {
      if (item instanceof Scalar s && s.kind() == Scalar.Kind.STRING
          && areaBinding.defines(s.text())) {
        int i = areas.indexOf(s.text());
        if (i < 0) {
          ok = false; // the area itself was refused, with its problems
        } else {
          named.add(areas.refs().get(i));
        }
        continue;
      }
      Jurisdiction j = jurisdiction(item, subject, field);
      if (j == null) {
        ok = false;
      } else {
        members.add(j);
      }
    }
    return ok ? new Scope(members, named) : null;
  }

  private @Nullable Jurisdiction jurisdiction(Node node, String subject, String field) {
    String code = scalarText(node, subject, field, false);
    if (code == null) {
      return null;
    }
    if (isWildcard(code)) {
      wildcard(subject, field, (Scalar) node);
      return null;
    }
    try {
      return Jurisdiction.of(code);
    } catch (IllegalArgumentException e) {
      String hint = "";
      if (AREA_ID.matcher(code).matches() && !areas.refs().isEmpty()) {
        hint = "; nor is it an area of this policy (areas: "
            + String.join(", ", areas.refs().stream().map(AreaRef::id).toList()) + ")";
      } else if (!code.equals(code.toUpperCase(Locale.ROOT))) {
        hint = "; codes are upper case, e.g. '" + code.toUpperCase(Locale.ROOT) + "'";
      } else if (code.equals("EU")) {
        hint = "; the EU is not a jurisdiction code: list its member states";
      }
      String message = String.valueOf(e.getMessage());
      if (!message.contains(code)) {
        message = "'" + code + "': " + message;
      }
      add(Code.INVALID_CODE, subject, field, node.location(), message + hint);
      return null;
    }
  }

  private static final Pattern AREA_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private static boolean isWildcard(String code) {
    String c = code.trim();
    return c.indexOf('*') >= 0 || WILDCARDS.contains(c.toUpperCase(Locale.ROOT));
  }

  private void wildcard(String subject, String field, Scalar s) {
    add(Code.WILDCARD_SCOPE, subject, field, s.location(),
        "'" + s.text() + "' is a wildcard; a scope must name every country or subdivision it"
            + " covers");
  }

  // ---- scalars ----

  /** An optional enum word of a rule; {@code absent} when missing or null. */
  private <T> @Nullable T word(
      MapNode node, String key, String subject, Function<String, T> parser, T absent) {
    Node value = node.entries().get(key);
    if (value == null || isNull(value)) {
      return absent;
    }
    remember(key, value.location());
    return parse(value, subject, key, parser);
  }

  private <T> @Nullable T parse(
      Node node, String subject, String field, Function<String, T> parser) {
    String text = scalarText(node, subject, field, false);
    if (text == null) {
      return null;
    }
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      add(Code.INVALID_VALUE, subject, field, node.location(), String.valueOf(e.getMessage()));
      return null;
    }
  }

  private @Nullable LocalDate date(MapNode basis, String key, String subject) {
    Node node = basis.entries().get(key);
    if (node == null || isNull(node)) {
      return null;
    }
    String field = "basis." + key;
    remember(field, node.location());
    String text = scalarText(node, subject, field, false);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      add(Code.INVALID_VALUE, subject, field, node.location(),
          "'" + text + "' is not a calendar date written YYYY-MM-DD");
      return null;
    }
  }

  private @Nullable String string(
      MapNode node, String key, String subject, String prefix, boolean required,
      boolean allowBlank) {
    String field = prefix + key;
    Node value = node.entries().get(key);
    if (value == null || isNull(value)) {
      if (required) {
        add(Code.MISSING_FIELD, subject, field, value == null ? node.location() : value.location(),
            "'" + key + "' is required");
      }
      return null;
    }
    remember(field, value.location());
    return scalarText(value, subject, field, allowBlank);
  }

  private @Nullable ListNode list(
      MapNode node, String key, String subject, String prefix, boolean required) {
    String field = prefix + key;
    Node value = node.entries().get(key);
    if (value == null || isNull(value)) {
      if (required) {
        add(Code.MISSING_FIELD, subject, field, node.location(), "'" + key + "' is required");
      }
      return null;
    }
    remember(field, value.location());
    if (value instanceof ListNode list) {
      return list;
    }
    add(Code.INVALID_VALUE, subject, field, value.location(),
        "'" + key + "' must be a list, not " + value.describe());
    return null;
  }

  private @Nullable String scalarText(Node node, String subject, String field, boolean allowBlank) {
    if (!(node instanceof Scalar s) || s.kind() == Scalar.Kind.NULL) {
      add(Code.INVALID_VALUE, subject, field, node.location(),
          "expected a string here, not " + node.describe());
      return null;
    }
    if (!allowBlank && s.text().isBlank()) {
      add(Code.INVALID_VALUE, subject, field, node.location(), "must not be blank");
      return null;
    }
    return s.text();
  }

  private static boolean isNull(Node node) {
    return node instanceof Scalar s && s.kind() == Scalar.Kind.NULL;
  }

  private static String shown(Node node) {
    return node instanceof Scalar s ? s.text() : node.describe();
  }

  private void unknownFields(MapNode node, Set<String> known, String subject, String prefix) {
    for (Map.Entry<String, Location> key : node.keyLocations().entrySet()) {
      if (!known.contains(key.getKey())) {
        add(Code.UNKNOWN_FIELD, subject, prefix + key.getKey(), key.getValue(),
            "unknown field '" + key.getKey() + "'; expected one of " + new java.util.TreeSet<>(known));
      }
    }
  }

  private void add(Code code, String subject, String field, Location at, String message) {
    problems.add(PolicyFileProblem.of(at, code, subject, field, message));
  }
}
