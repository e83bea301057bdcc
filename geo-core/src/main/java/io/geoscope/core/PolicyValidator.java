package io.geoscope.core;

import io.geoscope.core.PolicyProblem.Code;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one place policies are checked: every problem comes back as data ({@link PolicyProblem}).
 * The builders, {@link Policy#of}, geo-policy's file binder and the CLI all call it; the binder
 * only adds positions and parse errors.
 *
 * <p>The principle every reach check follows: <em>a rule binds a participant only where its
 * authority's law is the participant's local law, or where the operator's own law restricts
 * service to that place (sanctions, export controls) and the operator says it is subject to that
 * law.</em> Concretely:
 *
 * <ul>
 *   <li>a scope inside the authority's home is local law;
 *   <li>outside home only a {@code sanctions} or {@code export-control} rule, or a {@code
 *       general-licence} exemption, of a catalogue authority whose home is in {@code
 *       operator.subject-to}, with an {@code extraterritorial} statement of at least {@value
 *       #MIN_STATEMENT} visible characters in words, naming at most {@value #MAX_REACH_COUNTRIES}
 *       countries outside home; statutes, regulations and court orders never;
 *   <li>{@code on-unknown: apply} only under the operator's own law ({@link #isOperatorLaw}).
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class PolicyValidator {
  /** The principle, quoted in every reach message. */
  public static final String PRINCIPLE =
      "a rule binds a participant only where its authority's law is the participant's local law,"
          + " or where the operator's own law restricts service there (sanctions, export controls)"
          + " and the operator says it is subject to that law";

  /** The fewest visible characters an extraterritorial statement may have. */
  public static final int MIN_STATEMENT = 20;

  /**
   * The most countries outside home a reach may name: a sanctions or export-control programme
   * restricts service to named places, and a scope of most of the world acts on the meeting.
   */
  public static final int MAX_REACH_COUNTRIES = 60;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
  private static final Set<String> PLACEHOLDERS =
      Set.of("tbd", "tba", "tbc", "todo", "na", "none", "null", "nil", "xxx", "xx", "x",
          "fixme", "unknown", "placeholder", "nothing", "empty", "test", "dummy", "lorem",
          "ipsum", "asdf", "foo", "bar", "see", "above", "below", "etc", "n", "a");

  private PolicyValidator() {}

  /** True if {@code id} has the shape of a rule, exemption or authority id. */
  public static boolean isValidId(String id) {
    return ID.matcher(id).matches();
  }

  /** The id shape, for messages. */
  public static String idShape() {
    return "1-128 letters, digits, '.', '_' or '-', starting with a letter or digit";
  }

  /**
   * {@code text} without leading or trailing Unicode whitespace ({@code \p{Z}}, control
   * characters) or format characters ({@code \p{Cf}}: zero-width spaces, joiners, BOMs...); what
   * emptiness and placeholder checks see.
   */
  public static String visible(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && invisible(text.codePointAt(start))) {
      start += Character.charCount(text.codePointAt(start));
    }
    while (end > start && invisible(text.codePointBefore(end))) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return text.substring(start, end);
  }

  private static boolean invisible(int cp) {
    int type = Character.getType(cp);
    return Character.isWhitespace(cp)
        || Character.isSpaceChar(cp)
        || type == Character.FORMAT
        || type == Character.CONTROL;
  }

  /**
   * True if {@code text} says nothing: empty once invisible characters are trimmed, only
   * punctuation, or only placeholder words ({@code TBD}, {@code TODO}, {@code n/a}, {@code none},
   * {@code xxx}...).
   */
  public static boolean isPlaceholder(String text) {
    String v = visible(text);
    if (v.isEmpty()) {
      return true;
    }
    for (String word : v.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!PLACEHOLDERS.contains(word)) {
        return false;
      }
    }
    return true;
  }

  /**
   * True if rules under {@code authority} are the operator's own law: the authority is in the
   * catalogue and a place of its home lies within {@code operator.subject-to}. The test for every
   * permission that acts beyond a participant's known local law ({@code on-unknown: apply}, reach
   * outside home); other checks that grant such a permission must call this one.
   */
  public static boolean isOperatorLaw(Authority authority, Optional<Operator> operator) {
    if (authority.declared() || operator.isEmpty()) {
      return false;
    }
    for (Jurisdiction h : authority.home()) {
      if (operator.get().isSubjectTo(h)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code rule} may act on a participant its scope does not plainly place: {@code
   * on-unknown: apply}, and with it {@code evidence: any}, {@code on-imprecise: apply}, {@code
   * on-anonymizer: apply} and {@code on-uncertain: apply}, which all reach people the primary
   * placement does not put in scope. One permission for all five, decided here alone: the rule's authority is the operator's own law
   * ({@link #isOperatorLaw}). Without a policy context (a rule built alone) the question waits for
   * the policy; an authority that is unknown or has no home is refused by the basis check.
   */
  static boolean mayActUnplaced(Rule rule, @Nullable Context context) {
    if (context == null) {
      return true;
    }
    Optional<Authority> a = authorityOf(rule.basis(), context);
    return a.isEmpty() || a.get().home().isEmpty() || isOperatorLaw(a.get(), context.operator);
  }

  /** The unplaced-settings problems of a rule built alone: none, the policy decides. */
  static List<PolicyProblem> checkUnplaced(Rule rule) {
    return checkUnplaced(rule, mayActUnplaced(rule, null));
  }

  /** A problem for each setting that acts on unplaced participants, unless {@code permitted}. */
  static List<PolicyProblem> checkUnplaced(Rule rule, boolean permitted) {
    return permitted ? List.of() : unplaced(rule, "rule", "the rule's authority is not");
  }

  private static List<PolicyProblem> checkUnplaced(
      Rule rule, String entry, @Nullable Context context) {
    if (context == null || mayActUnplaced(rule, context)) {
      return List.of();
    }
    Authority a = authorityOf(rule.basis(), context).orElseThrow();
    String why = a.name() + " (home " + a.homeText() + ") is "
        + (a.declared()
            ? "declared by this policy, not in the catalogue, so not"
            : "not in operator.subject-to " + subjectTo(context) + ", so not");
    return unplaced(rule, entry, why);
  }

  private static List<PolicyProblem> unplaced(Rule rule, String entry, String why) {
    List<PolicyProblem> problems = new ArrayList<>();
    if (rule.onUnknown() == OnUnknown.APPLY) {
      problems.add(unplaced(Code.ON_UNKNOWN_OUTSIDE_OPERATOR_LAW, rule, entry, "on-unknown",
          "'on-unknown: apply' acts on people not known to be anywhere", why));
    }
    if (rule.evidence() == EvidenceStandard.ANY) {
      problems.add(unplaced(Code.UNPLACED_NOT_PERMITTED, rule, entry, "evidence",
          "'evidence: any' acts on people placed only by weaker signals", why));
    }
    if (rule.onImprecise() == OnImprecise.APPLY) {
      problems.add(unplaced(Code.UNPLACED_NOT_PERMITTED, rule, entry, "on-imprecise",
          "'on-imprecise: apply' acts on people not placed precisely inside the scope", why));
    }
    if (rule.onUncertain() == OnUncertain.APPLY) {
      problems.add(unplaced(Code.UNPLACED_NOT_PERMITTED, rule, entry, "on-uncertain",
          "'on-uncertain: apply' acts on people not known to be inside the area", why));
    }
    if (rule.onAnonymizer() == OnAnonymizer.APPLY) {
      problems.add(unplaced(Code.UNPLACED_NOT_PERMITTED, rule, entry, "on-anonymizer",
          "'on-anonymizer: apply' acts on people whose place an anonymizer hides", why));
    }
    return problems;
  }

  private static PolicyProblem unplaced(
      Code code, Rule rule, String entry, String field, String what, String why) {
    return new PolicyProblem(code, rule.id(), entry, field,
        what + ", so it is allowed only under the operator's own law; " + why
            + " the operator's own law (principle: " + PRINCIPLE + ")");
  }

  /** The authority {@code name} refers to: a catalogue entry, else one {@code declared}. */
  public static Optional<Authority> resolve(String name, List<Authority> declared) {
    Optional<Authority> known = AuthorityCatalogue.standard().find(name);
    if (known.isPresent()) {
      return known;
    }
    String key = AuthorityCatalogue.key(name);
    for (Authority a : declared) {
      for (String n : a.names()) {
        if (AuthorityCatalogue.key(n).equals(key)) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Every problem of a whole policy, in policy order: operator, declared authorities, rules,
   * exemptions.
   */
  public static List<PolicyProblem> validate(
      Optional<Operator> operator,
      List<Authority> declared,
      List<Rule> rules,
      List<Exemption> exemptions) {
    return validate(operator, declared, List.of(), rules, exemptions);
  }

  /**
   * Every problem of a whole policy with areas, in policy order: operator, declared authorities,
   * rules, exemptions. Each area a scope names must be one of {@code areas} (same definition).
   */
  public static List<PolicyProblem> validate(
      Optional<Operator> operator,
      List<Authority> declared,
      List<AreaRef> areas,
      List<Rule> rules,
      List<Exemption> exemptions) {
    List<PolicyProblem> problems = new ArrayList<>();
    checkDeclared(declared, problems);
    Context context = new Context(operator, declared);
    Map<String, String> ids = new HashMap<>();
    Set<String> ruleIds = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      String entry = "rules[" + i + "]";
      duplicate(ids, rule.id(), entry, problems);
      ruleIds.add(rule.id());
      problems.addAll(checkRule(rule, entry, context));
      checkAreas(rule.id(), entry, rule.appliesIn(), areas, problems);
    }
    for (int i = 0; i < exemptions.size(); i++) {
      Exemption e = exemptions.get(i);
      String entry = "exemptions[" + i + "]";
      duplicate(ids, e.id(), entry, problems);
      problems.addAll(checkExemption(e.id(), e.basis(), e.appliesIn(), entry, context));
      checkAreas(e.id(), entry, e.appliesIn(), areas, problems);
      for (String lifted : e.lifts()) {
        if (!ruleIds.contains(lifted)) {
          problems.add(
              new PolicyProblem(Code.UNKNOWN_LIFTED_RULE, e.id(), entry, "lifts",
                  "lifts '" + lifted + "', which is not a rule of this policy"));
        }
      }
    }
    return problems;
  }

  private static void checkAreas(String subject, String entry, Scope scope, List<AreaRef> defined,
      List<PolicyProblem> problems) {
    for (AreaRef a : scope.areas()) {
      if (defined.contains(a)) {
        continue;
      }
      boolean sameId = defined.stream().anyMatch(d -> d.id().equals(a.id()));
      problems.add(new PolicyProblem(Code.UNKNOWN_AREA, subject, entry, "applies-in",
          sameId
              ? "area '" + a.id() + "' is not the policy's definition of it (the reference is"
                  + " from another version of the area); name the policy's area"
              : "area '" + a.id() + "' is not defined in this policy's 'areas:'"));
    }
  }

  private static void duplicate(
      Map<String, String> ids, String id, String entry, List<PolicyProblem> problems) {
    String first = ids.putIfAbsent(id, entry);
    if (first != null) {
      problems.add(
          new PolicyProblem(Code.DUPLICATE_ID, id, entry, "id",
              "id '" + id + "' is already used by " + first
                  + " (rules and exemptions share one namespace)"));
    }
  }

  private static void checkDeclared(List<Authority> declared, List<PolicyProblem> problems) {
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < declared.size(); i++) {
      Authority a = declared.get(i);
      String entry = "authorities[" + i + "]";
      if (!isValidId(a.id())) {
        problems.add(
            new PolicyProblem(Code.INVALID_ID, a.id(), entry, "id",
                "id '" + a.id() + "' must be " + idShape()));
      }
      if (visible(a.name()).isEmpty()) {
        problems.add(
            new PolicyProblem(Code.MISSING_FIELD, a.id(), entry, "name",
                "a declared authority needs its official name"));
      }
      if (a.home().size() != 1) {
        problems.add(
            new PolicyProblem(Code.DECLARED_AUTHORITY_CONFLICT, a.id(), entry, "home",
                "a declared authority has exactly one home jurisdiction"));
      }
      for (String n : a.names()) {
        String field = n.equals(a.id()) ? "id" : "name";
        Optional<Authority> known = AuthorityCatalogue.standard().find(n);
        if (known.isPresent() && !known.get().home().equals(a.home())) {
          problems.add(
              new PolicyProblem(Code.DECLARED_AUTHORITY_CONFLICT, a.id(), entry, field,
                  "'" + n + "' is the catalogue's " + known.get().id() + " (" + known.get().name()
                      + "), whose home is " + known.get().homeText() + ", not "
                      + a.homeText() + "; a policy cannot give a known authority another home"));
        }
        String key = AuthorityCatalogue.key(n);
        String first = names.putIfAbsent(key, entry);
        if (first != null && !first.equals(entry)) {
          problems.add(
              new PolicyProblem(Code.DUPLICATE_ID, a.id(), entry, field,
                  "'" + n + "' is already declared by " + first));
        }
      }
    }
  }

  /** What a rule or exemption is checked against; null members mean "not known yet". */
  static final class Context {
    final Optional<Operator> operator;
    final List<Authority> declared;

    Context(Optional<Operator> operator, List<Authority> declared) {
      this.operator = operator;
      this.declared = List.copyOf(declared);
    }
  }

  /** Adds a missing-field problem if {@code value} is null. */
  static void required(
      List<PolicyProblem> problems, String subject, String entry, String field,
      @Nullable Object value) {
    if (value == null) {
      problems.add(new PolicyProblem(Code.MISSING_FIELD, subject, entry, field,
          "'" + field.substring(field.lastIndexOf('.') + 1) + "' is required"));
    }
  }

  /** Throws a {@link PolicyValidationException} if there is any problem. */
  static void throwIfAny(List<PolicyProblem> problems) {
    if (!problems.isEmpty()) {
      throw new PolicyValidationException(problems);
    }
  }

  /**
   * The problems a basis has on its own, and (with a context) against its authority. Without a
   * context, an authority neither in the catalogue nor declared yet is not an error: the policy
   * may declare it.
   */
  static List<PolicyProblem> checkBasis(
      LegalBasis basis, String subject, String entry, @Nullable Context context) {
    List<PolicyProblem> problems = new ArrayList<>();
    if (visible(basis.authority()).isEmpty()) {
      problems.add(new PolicyProblem(Code.MISSING_FIELD, subject, entry, "basis.authority",
          "'authority' must name who made the law"));
    }
    if (isPlaceholder(basis.citation()) || !hasLetterOrDigit(basis.citation())) {
      problems.add(new PolicyProblem(Code.PLACEHOLDER_CITATION, subject, entry, "basis.citation",
          "citation '" + shown(basis.citation()) + "' is empty or a placeholder; cite the"
              + " instrument itself (e.g. 31 CFR part 560), since without a citation there is no"
              + " law to apply"));
    }
    if (basis.extraterritorial().isPresent() && !isStatement(basis.extraterritorial().get())) {
      problems.add(new PolicyProblem(Code.PLACEHOLDER_STATEMENT, subject, entry,
          "basis.extraterritorial",
          "extraterritorial statement '" + shown(basis.extraterritorial().get()) + "' says"
              + " nothing; say in words (" + MIN_STATEMENT + " or more visible characters) why"
              + " this law binds the operator outside its authority's home"));
    }
    if (basis.effective().isPresent()
        && basis.expires().isPresent()
        && !basis.expires().get().isAfter(basis.effective().get())) {
      problems.add(new PolicyProblem(Code.EXPIRY_NOT_AFTER_EFFECTIVE, subject, entry,
          "basis.expires",
          "expires " + basis.expires().get() + " is not after effective "
              + basis.effective().get()));
    }
    if (basis.home().isPresent() && !basis.home().get().isKnown()) {
      problems.add(new PolicyProblem(Code.HOME_MISMATCH, subject, entry, "basis.home",
          "home must be a known jurisdiction, not " + basis.home().get()));
    }
    List<Authority> declared = context == null ? List.of() : context.declared;
    Optional<Authority> authority = resolve(basis.authority(), declared);
    if (authority.isEmpty()) {
      if (context != null && !visible(basis.authority()).isEmpty()) {
        problems.add(new PolicyProblem(Code.UNKNOWN_AUTHORITY, subject, entry, "basis.authority",
            "authority '" + shown(basis.authority()) + "' is not in the authority catalogue ("
                + AuthorityCatalogue.standard().version() + "); name a catalogue entry (e.g. OFAC,"
                + " State of California, Cyberspace Administration of China) or declare it under"
                + " 'authorities:' with its home"));
      }
      return problems;
    }
    Authority a = authority.get();
    if (a.home().isEmpty()) {
      problems.add(new PolicyProblem(Code.AUTHORITY_WITHOUT_HOME, subject, entry,
          "basis.authority",
          a.name() + " has no home of its own: its measures bind through its members' national"
              + " instruments; cite the national instrument that implements it (e.g. OFAC's or"
              + " OFSI's)"));
      return problems;
    }
    if (basis.home().isPresent() && !a.home().equals(Set.of(basis.home().get()))) {
      problems.add(new PolicyProblem(Code.HOME_MISMATCH, subject, entry, "basis.home",
          "home " + basis.home().get() + " is not the home of " + a.name() + " (" + a.id()
              + "), which is " + a.homeText() + "; remove 'home' or correct it: an authority's"
              + " home is where its law is local law"));
    }
    if (!a.kinds().contains(basis.kind())) {
      problems.add(new PolicyProblem(Code.KIND_NOT_ISSUED, subject, entry, "basis.kind",
          a.name() + " does not issue " + basis.kind().code() + " instruments (it issues "
              + kinds(a) + ")"));
    }
    return problems;
  }

  /** Every problem of a rule: its basis, its scope against the authority's home, on-unknown. */
  static List<PolicyProblem> checkRule(Rule rule, String entry, @Nullable Context context) {
    List<PolicyProblem> problems = checkBasis(rule.basis(), rule.id(), entry, context);
    Optional<Authority> a = authorityOf(rule.basis(), context);
    checkReach(rule.id(), entry, rule.basis(), rule.appliesIn(), a, false, context, problems);
    problems.addAll(checkUnplaced(rule, entry, context));
    return problems;
  }

  /** Every problem of an exemption: as a rule's, with general licences as the reaching kind. */
  static List<PolicyProblem> checkExemption(
      String id, LegalBasis basis, Scope appliesIn, String entry, @Nullable Context context) {
    List<PolicyProblem> problems = checkBasis(basis, id, entry, context);
    Optional<Authority> a = authorityOf(basis, context);
    checkReach(id, entry, basis, appliesIn, a, true, context, problems);
    return problems;
  }

  private static Optional<Authority> authorityOf(LegalBasis basis, @Nullable Context context) {
    return resolve(basis.authority(), context == null ? List.of() : context.declared);
  }

  private static void checkReach(
      String subject,
      String entry,
      LegalBasis basis,
      Scope appliesIn,
      Optional<Authority> authority,
      boolean exemption,
      @Nullable Context context,
      List<PolicyProblem> problems) {
    if (basis.territory().isPresent()) {
      for (Jurisdiction j : appliesIn.places()) {
        if (!basis.territory().get().covers(j)) {
          problems.add(new PolicyProblem(Code.SCOPE_OUTSIDE_TERRITORY, subject, entry,
              "applies-in",
              j + " is outside the territory " + basis.territory().get() + " of "
                  + basis.authority() + " (" + shown(basis.citation()) + "); territory only"
                  + " narrows where a law binds"));
        }
      }
    }
    if (authority.isEmpty() || authority.get().home().isEmpty()) {
      return;
    }
    Authority a = authority.get();
    Set<Jurisdiction> outside = new LinkedHashSet<>();
    String field = "applies-in";
    for (Jurisdiction j : appliesIn.places()) {
      if (!a.isHome(j)) {
        outside.add(j);
      }
    }
    if (basis.territory().isPresent()) {
      for (Jurisdiction j : basis.territory().get().members()) {
        if (!a.isHome(j) && outside.add(j) && outside.size() == 1) {
          field = "basis.territory";
        }
      }
    }
    if (outside.isEmpty()) {
      return;
    }
    String where = outside + " " + (outside.size() == 1 ? "lies" : "lie") + " outside the home "
        + a.homeText() + " of " + a.name();
    boolean reachingKind =
        exemption
            ? basis.kind() == InstrumentKind.GENERAL_LICENCE
            : basis.kind() == InstrumentKind.SANCTIONS
                || basis.kind() == InstrumentKind.EXPORT_CONTROL;
    String reason = null;
    if (!reachingKind) {
      reason = "'" + basis.kind().code() + "' never reaches outside its authority's home"
          + (exemption ? " in an exemption" : "") + ","
          + " whatever the statement or the operator says; only sanctions and export-control"
          + " rules, and general-licence exemptions lifting them, do";
    } else if (a.declared()) {
      reason = a.name() + " is declared by this policy, not in the catalogue; only catalogue"
          + " authorities that issue sanctions or export controls reach outside home";
    } else if (context == null) {
      return; // the operator is not known until the policy is built
    } else if (!isOperatorLaw(a, context.operator)) {
      reason = "the operator is not subject to the law of " + a.homeText() + " (operator."
          + "subject-to is " + subjectTo(context) + "); add it there only if that law truly binds"
          + " the operator";
    } else if (basis.extraterritorial().isEmpty()) {
      reason = "add an 'extraterritorial' statement saying, in words, why this law binds the"
          + " operator there";
    } else if (!isStatement(basis.extraterritorial().get())) {
      return; // reported as a placeholder statement
    } else if (countries(outside) > MAX_REACH_COUNTRIES) {
      reason = "it names " + countries(outside) + " countries outside home; a programme"
          + " restricts service to named places (at most " + MAX_REACH_COUNTRIES + "), and a"
          + " scope of most of the world acts on the whole meeting";
    }
    if (reason != null) {
      problems.add(new PolicyProblem(Code.UNLAWFUL_REACH, subject, entry, field,
          where + ": " + reason + " (principle: " + PRINCIPLE + ")"));
    }
  }

  private static int countries(Set<Jurisdiction> places) {
    Set<Jurisdiction> c = new HashSet<>();
    for (Jurisdiction j : places) {
      c.add(j.country());
    }
    return c.size();
  }

  private static String subjectTo(Context context) {
    return context.operator.map(o -> o.subjectTo().toString()).orElse("absent: no operator block");
  }

  private static boolean isStatement(String text) {
    String v = visible(text);
    return !isPlaceholder(v)
        && v.codePointCount(0, v.length()) >= MIN_STATEMENT
        && WORD.matcher(v).find();
  }

  private static boolean hasLetterOrDigit(String text) {
    return text.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  private static String kinds(Authority a) {
    List<String> out = new ArrayList<>();
    for (InstrumentKind k : a.kinds()) {
      out.add(k.code());
    }
    return String.join(", ", out);
  }

  /** A value for a message: visible part, bounded, control characters shown as '?'. */
  private static String shown(String text) {
    String v = visible(text);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < v.length() && i < 60; i++) {
      char c = v.charAt(i);
      b.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c);
    }
    return v.length() > 60 ? b + "..." : b.toString();
  }
}
