package io.geoscope.policy.internal;

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
import io.geoscope.core.OnUnknown;
import io.geoscope.core.Policy;
import io.geoscope.core.PolicyProblem;
import io.geoscope.core.PolicyProblem.Code;
import io.geoscope.core.PolicyProblem.Location;
import io.geoscope.core.PolicyValidationException;
import io.geoscope.core.Rule;
import io.geoscope.core.Scope;
import io.geoscope.policy.internal.Node.ListNode;
import io.geoscope.policy.internal.Node.MapNode;
import io.geoscope.policy.internal.Node.Scalar;
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
 * Turns a {@link Node} tree into a validated {@link Policy}, field by field, collecting every
 * problem with its position before deciding. Every rule and exemption whose basis and scope bind
 * then goes through {@link Policy#of}, whose problems get the position of the field they name. Not
 * thread-safe: one instance per file.
 */
public final class PolicyBinder {
  /** The format version this binder reads. */
  public static final int FORMAT_VERSION = 1;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Set<String> WILDCARDS =
      Set.of("ALL", "ANY", "WORLD", "GLOBAL", "EVERYWHERE", "EVERYONE", "EARTH", "INTERNATIONAL",
          "WORLDWIDE", "UNIVERSAL", "ALL-COUNTRIES");
  private static final Set<String> TOP = Set.of("geoscope", "version", "rules", "exemptions");
  private static final Set<String> RULE =
      Set.of("id", "basis", "applies-in", "when", "effect", "mode", "on-unknown", "evidence",
          "on-imprecise", "on-anonymizer");
  private static final Set<String> EXEMPTION = Set.of("id", "basis", "applies-in", "lifts");
  private static final Set<String> BASIS =
      Set.of("authority", "home", "territory", "extraterritorial", "kind", "citation",
          "reference", "effective", "expires");
  private static final Set<String> WHEN = Set.of("tags-any", "tags-all", "features-any");

  private final String file;
  private final List<PolicyProblem> problems;
  /** Positions of fields by subject, to place the problems {@link Policy#of} reports. */
  private final Map<String, Map<String, Location>> fieldLocations = new HashMap<>();

  private PolicyBinder(String file, List<PolicyProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /**
   * Binds {@code root}; {@code problems} may already hold problems from reading.
   *
   * @param defaultVersion the policy version when the file declares none
   * @throws PolicyValidationException with every problem, in file order, if there is any
   */
  public static Policy bind(
      Node root, String file, String defaultVersion, List<PolicyProblem> problems)
      throws PolicyValidationException {
    return new PolicyBinder(file, problems).bind(root, defaultVersion);
  }

  private Policy bind(Node root, String defaultVersion) throws PolicyValidationException {
    if (!(root instanceof MapNode top)) {
      add(Code.SYNTAX, "policy", "", root.location(),
          "a policy file is a map with 'geoscope: 1' and 'rules', not " + root.describe());
      throw rejection();
    }
    unknownFields(top, TOP, "policy", "");
    Node format = top.entries().get("geoscope");
    if (format == null) {
      add(Code.MISSING_FIELD, "policy", "geoscope", top.location(),
          "'geoscope: 1' is required: it names the format version");
      throw rejection();
    }
    if (!(format instanceof Scalar s)
        || s.kind() != Scalar.Kind.INTEGER
        || !s.text().equals(Integer.toString(FORMAT_VERSION))) {
      add(Code.UNSUPPORTED_VERSION, "policy", "geoscope", format.location(),
          "format version " + shown(format) + " is not supported; this library reads 'geoscope: "
              + FORMAT_VERSION + "'");
      // Fields of another format version would only produce noise.
      throw rejection();
    }
    String version = defaultVersion;
    if (top.entries().containsKey("version")) {
      String declared = string(top, "version", "policy", "", false, false);
      version = declared == null ? defaultVersion : declared;
    }
    List<MapNode> ruleNodes = entries(top, "rules");
    List<MapNode> exemptionNodes = entries(top, "exemptions");

    Map<String, Location> firstUse = new HashMap<>();
    // Only the first entry bound under an id reaches Policy.of; later ones are duplicates.
    Set<String> boundIds = new HashSet<>();
    Set<String> ruleIds = new LinkedHashSet<>();
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < ruleNodes.size(); i++) {
      MapNode node = ruleNodes.get(i);
      String id = id(node, "rules[" + i + "]", firstUse);
      if (id != null) {
        ruleIds.add(id);
      }
      Rule rule = rule(node, id == null ? "rules[" + i + "]" : id, id != null);
      if (rule != null && boundIds.add(rule.id())) {
        rules.add(rule);
      }
    }
    List<Exemption> exemptions = new ArrayList<>();
    for (int i = 0; i < exemptionNodes.size(); i++) {
      MapNode node = exemptionNodes.get(i);
      String id = id(node, "exemptions[" + i + "]", firstUse);
      Exemption exemption =
          exemption(node, id == null ? "exemptions[" + i + "]" : id, id != null, ruleIds);
      if (exemption != null && boundIds.add(exemption.id())) {
        exemptions.add(exemption);
      }
    }
    try {
      Policy policy = Policy.of(version, rules, exemptions);
      if (problems.isEmpty()) {
        return policy;
      }
    } catch (PolicyValidationException e) {
      boolean bindingFailed = !problems.isEmpty();
      for (PolicyProblem p : e.problems()) {
        // The binder checks these over every entry, including ones that failed to bind; should
        // the core ever find one the binder missed, it is still reported.
        boolean checkedHere = p.code() == Code.DUPLICATE_ID || p.code() == Code.UNKNOWN_LIFTED_RULE;
        if (!checkedHere || !bindingFailed) {
          problems.add(p.at(locate(p.subject(), p.field())));
        }
      }
    }
    throw rejection();
  }

  private PolicyValidationException rejection() {
    List<PolicyProblem> sorted = new ArrayList<>(problems);
    sorted.sort(
        Comparator.comparingInt((PolicyProblem p) -> p.location().map(Location::line).orElse(0))
            .thenComparingInt(p -> p.location().map(Location::column).orElse(0)));
    return new PolicyValidationException(sorted);
  }

  private Location locate(String subject, String field) {
    Map<String, Location> fields = fieldLocations.getOrDefault(subject, Map.of());
    String f = field;
    while (true) {
      Location at = fields.get(f);
      if (at != null) {
        return at;
      }
      int dot = f.lastIndexOf('.');
      if (dot < 0) {
        break;
      }
      f = f.substring(0, dot);
    }
    Location entry = fields.get("");
    return entry != null ? entry : new Location(file, 1, 1);
  }

  private void remember(String subject, String field, Location at) {
    fieldLocations.computeIfAbsent(subject, s -> new HashMap<>()).putIfAbsent(field, at);
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

  private @Nullable String id(MapNode node, String fallback, Map<String, Location> firstUse) {
    String id = string(node, "id", fallback, "", true, false);
    if (id == null) {
      return null;
    }
    Location at = java.util.Objects.requireNonNull(node.entries().get("id")).location();
    if (!ID.matcher(id).matches()) {
      add(Code.INVALID_VALUE, fallback, "id", at,
          "id '" + id + "' must be 1-128 letters, digits, '.', '_' or '-', starting with a letter"
              + " or digit");
      return null;
    }
    Location first = firstUse.putIfAbsent(id, at);
    if (first != null) {
      add(Code.DUPLICATE_ID, id, "id", at,
          "id '" + id + "' is already used at line " + first.line()
              + " (rules and exemptions share one namespace)");
    }
    return id;
  }

  private @Nullable Rule rule(MapNode node, String subject, boolean idOk) {
    remember(subject, "", node.location());
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
        onAnonymizer == null ? OnAnonymizer.IGNORE : onAnonymizer);
  }

  private @Nullable Exemption exemption(
      MapNode node, String subject, boolean idOk, Set<String> ruleIds) {
    remember(subject, "", node.location());
    unknownFields(node, EXEMPTION, subject, "");
    LegalBasis basis = basis(node, subject);
    Scope appliesIn = scope(node, "applies-in", subject, "", true);
    Set<String> lifts = lifts(node, subject, ruleIds);
    if (!idOk || basis == null || appliesIn == null) {
      return null;
    }
    // As for rules: a stand-in lift list still lets Policy.of check the law of the rest.
    return new Exemption(
        subject, basis, appliesIn, lifts == null || lifts.isEmpty() ? Set.of(subject) : lifts);
  }

  private @Nullable Set<String> lifts(MapNode node, String subject, Set<String> ruleIds) {
    ListNode list = list(node, "lifts", subject, "", true);
    if (list == null) {
      return null;
    }
    remember(subject, "lifts", list.location());
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
      if (!ruleIds.contains(id)) {
        add(Code.UNKNOWN_LIFTED_RULE, subject, "lifts", item.location(),
            "lifts '" + id + "', which is not a rule of this policy");
      }
      out.add(id);
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
    remember(subject, "basis", basis.location());
    unknownFields(basis, BASIS, subject, "basis.");
    String authority = string(basis, "authority", subject, "basis.", true, false);
    Jurisdiction home = null;
    Node homeNode = basis.entries().get("home");
    if (homeNode == null || isNull(homeNode)) {
      add(Code.MISSING_FIELD, subject, "basis.home", basis.location(),
          "'home' is required: the authority's own jurisdiction, e.g. US");
    } else {
      home = jurisdiction(homeNode, subject, "basis.home");
    }
    Scope territory = scope(basis, "territory", subject, "basis.", false);
    String extraterritorial = string(basis, "extraterritorial", subject, "basis.", false, true);
    InstrumentKind kind = null;
    Node kindNode = basis.entries().get("kind");
    if (kindNode == null || isNull(kindNode)) {
      add(Code.MISSING_FIELD, subject, "basis.kind", basis.location(),
          "'kind' is required: statute, regulation, court-order, sanctions or general-licence");
    } else {
      kind = parse(kindNode, subject, "basis.kind", InstrumentKind::fromCode);
    }
    String citation = string(basis, "citation", subject, "basis.", true, false);
    String reference = string(basis, "reference", subject, "basis.", false, false);
    LocalDate effective = date(basis, "effective", subject);
    LocalDate expires = date(basis, "expires", subject);
    if (home == null || (territory == null && basis.entries().containsKey("territory"))) {
      return null;
    }
    // Stand-ins for broken parts (see rule()): the file is rejected whatever they are.
    try {
      return new LegalBasis(
          authority == null ? "(invalid authority)" : authority,
          home,
          territory == null ? new Scope(Set.of(home)) : territory,
          Optional.ofNullable(extraterritorial),
          kind == null ? InstrumentKind.STATUTE : kind,
          citation == null ? "(invalid citation)" : citation,
          Optional.ofNullable(reference),
          Optional.ofNullable(effective),
          Optional.ofNullable(expires));
    } catch (IllegalArgumentException e) {
      add(Code.INVALID_VALUE, subject, "basis", basis.location(), String.valueOf(e.getMessage()));
      return null;
    }
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
    remember(subject, "when", when.location());
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
    remember(subject, "effect", node.location());
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
    remember(subject, field, node.location());
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
    boolean ok = true;
    for (Node item : list.items()) {
      Jurisdiction j = jurisdiction(item, subject, field);
      if (j == null) {
        ok = false;
      } else {
        members.add(j);
      }
    }
    return ok ? new Scope(members) : null;
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
      if (!code.equals(code.toUpperCase(Locale.ROOT))) {
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
    remember(subject, key, value.location());
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
    remember(subject, field, node.location());
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
    remember(subject, field, value.location());
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
    remember(subject, field, value.location());
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
    problems.add(PolicyProblem.of(code, subject, field, message).at(at));
  }
}
