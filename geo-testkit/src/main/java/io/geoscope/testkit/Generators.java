package io.geoscope.testkit;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.geoscope.core.Anonymizer;
import io.geoscope.core.Authority;
import io.geoscope.core.Condition;
import io.geoscope.core.Operator;
import io.geoscope.core.Effect;
import io.geoscope.core.Evidence;
import io.geoscope.core.EvidenceStandard;
import io.geoscope.core.Exemption;
import io.geoscope.core.Feature;
import io.geoscope.core.InstrumentKind;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Meeting;
import io.geoscope.core.Mode;
import io.geoscope.core.OnAnonymizer;
import io.geoscope.core.OnImprecise;
import io.geoscope.core.OnUnknown;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.Role;
import io.geoscope.core.Rule;
import io.geoscope.core.Scope;
import io.geoscope.core.UnknownReason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Seeded generators for every Geoscope domain value, valid by construction, with domain-aware
 * shrinking (see {@link Shrinks}).
 *
 * <p>Everything generated passes Geoscope's own checks: a legal basis whose territory leaves its
 * home carries an extraterritorial statement, a rule's scope lies inside its basis's territory,
 * expiry follows effect, exemptions lift rules of the same policy — so {@code Policy.of} accepts
 * every generated policy. Countries are drawn mostly from CN, HK, MO, TW, US, DE, IR and RU (where
 * the interesting law is), sometimes from a few others, rarely from the whole ISO list;
 * subdivisions from a small fixed set per country (e.g. {@code US-CA}, {@code CN-JL}), since
 * Geoscope interns every subdivision it sees.
 *
 * <p>The first option of every choice is the simplest, so a framework that shrinks its draws
 * towards the minimum (QuickTheories) also shrinks these values. All methods are static and
 * thread-safe; the returned arbitraries are immutable.
 */
public final class Generators {

  /** The countries generators favour: where the interesting law is. */
  public static final List<String> FEATURED_COUNTRIES =
      List.of("US", "CN", "HK", "MO", "TW", "DE", "IR", "RU");

  private static final List<String> OTHER_COUNTRIES =
      List.of("GB", "FR", "KP", "CU", "SY", "BR", "IN", "JP", "UA", "SG", "XK");

  /** The first two subdivisions of each country in the shipped ISO 3166-2 table. */
  private static final Map<Jurisdiction, List<Jurisdiction>> REAL_SUBDIVISIONS = firstTwo();

  private static Map<Jurisdiction, List<Jurisdiction>> firstTwo() {
    Map<Jurisdiction, List<Jurisdiction>> out = new java.util.HashMap<>();
    for (Jurisdiction j : Jurisdiction.subdivisions()) {
      List<Jurisdiction> list = out.computeIfAbsent(j.country(), c -> new ArrayList<>());
      if (list.size() < 2) {
        list.add(j);
      }
    }
    return out;
  }

  private static final Map<String, List<String>> SUBDIVISION_PARTS =
      ImmutableMap.<String, List<String>>builder()
          .put("US", List.of("CA", "NY", "TX", "WA"))
          .put("CN", List.of("BJ", "JL", "SH", "GD", "XJ"))
          .put("DE", List.of("BY", "BE", "HH"))
          .put("RU", List.of("MOW", "SPE"))
          .put("IR", List.of("07", "10"))
          .put("TW", List.of("TPE", "KHH"))
          .put("GB", List.of("ENG", "SCT", "WBK"))
          .put("FR", List.of("IDF", "75"))
          .put("ES", List.of("MD", "M"))
          .put("UA", List.of("43", "30"))
          .build();


  /** Meeting tags used when no policy supplies its own. */
  private static final List<String> TAGS =
      List.of("june-fourth", "board", "export-controlled", "press", "medical", "public");

  private static final List<String> NOTICES =
      List.of("recording-consent", "data-transfer", "export-control", "monitoring");

  private static final List<Role> ROLES =
      List.of(Role.ATTENDEE, Role.HOST, Role.CO_HOST, Role.PANELIST);

  private static final List<LocationSource> KNOWN_SOURCES =
      List.of(
          LocationSource.DECLARED,
          LocationSource.IP_GEOLOCATION,
          LocationSource.DIAL_IN,
          LocationSource.ROOM_SYSTEM,
          LocationSource.VERIFIED);

  private static final LocalDate EPOCH_DAY = LocalDate.of(2020, 1, 1);
  private static final String PRODUCER = "geo-testkit";

  private Generators() {}

  // ---------------------------------------------------------------- jurisdictions

  /** Countries: mostly the featured ones, sometimes a few others, rarely any ISO 3166-1 code. */
  public static Arbitrary<Jurisdiction> countries() {
    return Arbitrary.of(
        s -> {
          int bucket = s.nextInt(0, 9);
          if (bucket < 7) {
            return Jurisdiction.country(s.pick(FEATURED_COUNTRIES));
          }
          if (bucket < 9) {
            return Jurisdiction.country(s.pick(OTHER_COUNTRIES));
          }
          return s.pick(Jurisdiction.countries());
        });
  }

  /** Subdivisions from a small fixed set per country, e.g. {@code US-CA}, {@code CN-JL}. */
  public static Arbitrary<Jurisdiction> subdivisions() {
    List<String> withParts = List.copyOf(SUBDIVISION_PARTS.keySet());
    return Arbitrary.of(s -> subdivisionOf(s, Jurisdiction.country(s.pick(withParts))), Shrinks::jurisdiction);
  }

  /** The subdivisions the generators use for {@code country}. */
  public static List<Jurisdiction> subdivisionsOf(Jurisdiction country) {
    requireNonNull(country, "country");
    if (country.kind() != Jurisdiction.Kind.COUNTRY) {
      throw new IllegalArgumentException(country + " is not a country");
    }
    List<Jurisdiction> out = new ArrayList<>();
    List<String> parts = SUBDIVISION_PARTS.get(country.code());
    if (parts == null) {
      // Otherwise the country's first real subdivisions; a country without any stands for itself.
      List<Jurisdiction> real = REAL_SUBDIVISIONS.getOrDefault(country, List.of());
      return real.isEmpty() ? List.of(country) : real;
    }
    for (String part : parts) {
      out.add(Jurisdiction.subdivision(country, part));
    }
    return List.copyOf(out);
  }

  private static Jurisdiction subdivisionOf(Source s, Jurisdiction country) {
    return s.pick(subdivisionsOf(country));
  }

  /** Known jurisdictions: countries, and subdivisions about a third of the time. */
  public static Arbitrary<Jurisdiction> knownJurisdictions() {
    Arbitrary<Jurisdiction> countries = countries();
    return Arbitrary.of(
        s -> {
          Jurisdiction country = countries.generate(s);
          return s.chance(30) ? subdivisionOf(s, country) : country;
        },
        Shrinks::jurisdiction);
  }

  /** Unknown jurisdictions, one per {@link UnknownReason}. */
  public static Arbitrary<Jurisdiction> unknownJurisdictions() {
    List<UnknownReason> reasons = List.of(UnknownReason.values());
    return Arbitrary.of(s -> Jurisdiction.unknown(s.pick(reasons)));
  }

  /**
   * The codes people and databases write for another place, each with what it is read as: {@code
   * CN-HK}, {@code CN-MO}, {@code CN-TW} and the retired {@code CN-91}, {@code CN-92}, {@code
   * CN-71} (for HK, MO, TW), and the retired numeric ISO 3166-2:CN codes. From {@link
   * Jurisdiction#aliases()}; in code order.
   */
  public static List<String> aliasCodes() {
    return List.copyOf(Jurisdiction.aliases().keySet());
  }

  /** The codes of {@link #aliasCodes()} that name HK, MO or TW as if they were part of CN. */
  public static List<String> separateTerritoryAliases() {
    List<String> out = new ArrayList<>();
    Jurisdiction.aliases().forEach((code, target) -> {
      if (!target.country().code().equals("CN")) {
        out.add(code);
      }
    });
    return List.copyOf(out);
  }

  /**
   * Codes as a client, a database record or a policy may write them: mostly canonical codes of
   * {@link #jurisdictions() known jurisdictions}, a quarter of the time an {@link #aliasCodes()
   * alias} such as {@code CN-HK}; pass them to {@link Jurisdiction#of(String)}.
   */
  public static Arbitrary<String> codes() {
    Arbitrary<Jurisdiction> known = knownJurisdictions();
    List<String> aliases = aliasCodes();
    List<String> separate = separateTerritoryAliases();
    return Arbitrary.of(
        s -> {
          int bucket = s.nextInt(0, 7);
          if (bucket == 6) {
            return s.pick(separate);
          }
          return bucket == 7 ? s.pick(aliases) : known.generate(s).code();
        });
  }

  /** Jurisdictions reached through an alias code: {@code Jurisdiction.of("CN-HK")} and the like. */
  public static Arbitrary<Jurisdiction> aliasedJurisdictions() {
    List<String> aliases = aliasCodes();
    return Arbitrary.of(s -> Jurisdiction.of(s.pick(aliases)), Shrinks::jurisdiction);
  }

  /**
   * Subdivisions that lie in another subdivision in the shipped ISO 3166-2 data, favouring {@code
   * GB-WBK} (in {@code GB-ENG}), {@code FR-75} (in {@code FR-IDF}) and {@code ES-M} (in {@code
   * ES-MD}).
   */
  public static Arbitrary<Jurisdiction> nestedSubdivisions() {
    List<Jurisdiction> favoured = FAVOURED_NESTED;
    List<Jurisdiction> all = ALL_NESTED;
    return Arbitrary.of(
        s -> s.chance(30) ? s.pick(all) : s.pick(favoured), Shrinks::jurisdiction);
  }

  private static final List<Jurisdiction> FAVOURED_NESTED =
      List.of(Jurisdiction.of("GB-WBK"), Jurisdiction.of("FR-75"), Jurisdiction.of("ES-M"));

  private static final List<Jurisdiction> ALL_NESTED = allNested();

  private static List<Jurisdiction> allNested() {
    List<Jurisdiction> out = new ArrayList<>();
    for (Jurisdiction j : Jurisdiction.subdivisions()) {
      if (j.parent().isSubdivision()) {
        out.add(j);
      }
    }
    return List.copyOf(out);
  }

  /** Any jurisdiction: known most of the time, unknown about one time in seven. */
  public static Arbitrary<Jurisdiction> jurisdictions() {
    Arbitrary<Jurisdiction> known = knownJurisdictions();
    Arbitrary<Jurisdiction> unknown = unknownJurisdictions();
    return Arbitrary.of(
        s -> s.chance(15) ? unknown.generate(s) : known.generate(s), Shrinks::jurisdiction);
  }

  /**
   * The jurisdictions a checker should place participants in for {@code policy}, in code order:
   * every jurisdiction the policy names, their countries and those countries' subdivisions (from
   * the generators' fixed set), the featured countries, two others, HK, MO and TW (as the {@code
   * CN-HK}-style aliases read), nested subdivisions with their parents, and every unknown.
   */
  public static List<Jurisdiction> jurisdictionsFor(Policy policy) {
    TreeSet<Jurisdiction> pool = new TreeSet<>(ownJurisdictions(policy));
    for (String code : FEATURED_COUNTRIES) {
      pool.add(Jurisdiction.country(code));
    }
    pool.add(Jurisdiction.country(OTHER_COUNTRIES.get(0)));
    pool.add(Jurisdiction.country(OTHER_COUNTRIES.get(1)));
    // Places reached through aliases (CN-HK is HK, never CN) and nested subdivisions with their
    // parents, where reach and scope mistakes show.
    for (String alias : separateTerritoryAliases()) {
      pool.add(Jurisdiction.of(alias));
    }
    for (Jurisdiction nested : FAVOURED_NESTED) {
      pool.add(nested);
      pool.add(nested.parent());
    }
    for (UnknownReason reason : UnknownReason.values()) {
      pool.add(Jurisdiction.unknown(reason));
    }
    return List.copyOf(pool);
  }

  /** What the policy names, with parents and one subdivision per country, in code order. */
  private static List<Jurisdiction> ownJurisdictions(Policy policy) {
    TreeSet<Jurisdiction> named = new TreeSet<>();
    for (Rule r : policy.rules()) {
      named.addAll(policy.authorityOf(r.basis()).home());
      r.basis().territory().ifPresent(t -> named.addAll(t.members()));
      named.addAll(r.appliesIn().members());
    }
    for (Exemption e : policy.exemptions()) {
      named.addAll(policy.authorityOf(e.basis()).home());
      e.basis().territory().ifPresent(t -> named.addAll(t.members()));
      named.addAll(e.appliesIn().members());
    }
    TreeSet<Jurisdiction> own = new TreeSet<>(named);
    for (Jurisdiction j : named) {
      // The country of a subdivision and its sibling subdivisions are where scope mistakes show.
      own.add(j.country());
      own.addAll(subdivisionsOf(j.country()));
      // A rule on a parent subdivision covers its children: place someone in two of them.
      int children = 0;
      for (Jurisdiction n : ALL_NESTED) {
        if (j.isSubdivision() && n.parent().equals(j) && children++ < 2) {
          own.add(n);
        }
      }
    }
    return List.copyOf(own);
  }

  // ---------------------------------------------------------------- law

  /** The operator of every generated policy: subject to US law. */
  public static Operator operator() {
    return GENERATED_OPERATOR;
  }

  private static final Operator GENERATED_OPERATOR = Operator.of("Generated Operator", "US");

  /**
   * The authorities generated bases name that the catalogue lacks ({@code XX-authority}, home
   * {@code XX}), declared as a policy would declare them.
   */
  public static List<Authority> declaredFor(List<Rule> rules, List<Exemption> exemptions) {
    TreeSet<String> names = new TreeSet<>();
    for (Rule r : rules) {
      names.add(r.basis().authority());
    }
    for (Exemption e : exemptions) {
      names.add(e.basis().authority());
    }
    List<Authority> out = new ArrayList<>();
    for (String name : names) {
      if (name.endsWith(DECLARED_SUFFIX)) {
        Jurisdiction home = Jurisdiction.of(name.substring(0, name.length() - DECLARED_SUFFIX.length()));
        out.add(Authority.declared(name, name, home, java.util.Optional.empty()));
      }
    }
    return out;
  }

  private static final String DECLARED_SUFFIX = "-authority";

  /** True if rules under {@code basis} are the generated operator's own law. */
  static boolean isOperatorLaw(LegalBasis basis) {
    return !basis.authority().endsWith(DECLARED_SUFFIX);
  }

  /**
   * Legal bases, valid by construction, with the territory always written: home or part of home
   * under a declared {@code XX-authority}, or (about one time in five) a sanctions or
   * export-control reach of OFAC or BIS, the generated operator's own law, over other countries
   * with an extraterritorial statement; optional effective and expiry days with expiry after
   * effect.
   */
  public static Arbitrary<LegalBasis> legalBases() {
    Arbitrary<Jurisdiction> countries = countries();
    List<InstrumentKind> kinds = List.of(InstrumentKind.values());
    return Arbitrary.of(
        s -> {
          Jurisdiction home = countries.generate(s);
          LegalBasis.Builder b =
              LegalBasis.builder()
                  .authority(home.code() + DECLARED_SUFFIX)
                  .home(home)
                  .kind(s.pick(kinds))
                  .citation(home.code() + " Act " + s.nextInt(1, 999));
          int shape = s.nextInt(0, 9);
          if (shape >= 8) {
            boolean ofac = s.chance(50);
            b = LegalBasis.builder()
                .authority(ofac ? "OFAC" : "Bureau of Industry and Security")
                .kind(ofac ? InstrumentKind.SANCTIONS : InstrumentKind.EXPORT_CONTROL)
                .citation((ofac ? "31 CFR part " : "15 CFR part ") + s.nextInt(500, 799));
            Set<Jurisdiction> members = new LinkedHashSet<>();
            int extra = s.nextInt(1, 3);
            for (int i = 0; i < extra; i++) {
              Jurisdiction other = countries.generate(s);
              members.add(s.chance(30) ? subdivisionOf(s, other) : other);
            }
            b.territory(Scope.of(members));
            b.extraterritorial("US law binds the US operator for users located there");
          } else if (shape >= 6) {
            List<Jurisdiction> parts = subdivisionsOf(home);
            Set<Jurisdiction> members = new LinkedHashSet<>();
            members.add(s.pick(parts));
            if (s.chance(40)) {
              members.add(s.pick(parts));
            }
            b.territory(Scope.of(members));
          }
          LocalDate effective = null;
          if (s.chance(40)) {
            effective = EPOCH_DAY.plusDays(s.nextInt(0, 3650));
            b.effective(effective);
          }
          if (s.chance(30)) {
            LocalDate from = effective == null ? EPOCH_DAY : effective;
            b.expires(from.plusDays(s.nextInt(1, 3650)));
          }
          if (shape < 6) {
            b.territory(Scope.of(List.of(home)));
          }
          return b.build();
        });
  }

  /**
   * Scopes lying inside {@code territory}: a non-empty subset of its members, where a country may
   * be narrowed to one of its subdivisions.
   */
  public static Arbitrary<Scope> scopesWithin(Scope territory) {
    List<Jurisdiction> members = List.copyOf(territory.members());
    return Arbitrary.of(
        s -> {
          Set<Jurisdiction> chosen = new LinkedHashSet<>();
          chosen.add(narrow(s, s.pick(members)));
          for (Jurisdiction m : members) {
            if (s.chance(35)) {
              chosen.add(narrow(s, m));
            }
          }
          return Scope.of(chosen);
        },
        Shrinks::scope);
  }

  private static Jurisdiction narrow(Source s, Jurisdiction member) {
    return !member.isSubdivision() && s.chance(25) ? subdivisionOf(s, member) : member;
  }

  /** Meeting conditions over the default tags. */
  public static Arbitrary<Condition> conditions() {
    return conditions(TAGS);
  }

  /** Meeting conditions over {@code tags}: half the time always, else a few tags and features. */
  public static Arbitrary<Condition> conditions(List<String> tags) {
    List<String> pool = List.copyOf(tags);
    List<Feature> features = List.of(Feature.values());
    return Arbitrary.of(
        s -> {
          if (pool.isEmpty() || !s.chance(50)) {
            return Condition.always();
          }
          Set<String> any = new LinkedHashSet<>();
          Set<String> all = new LinkedHashSet<>();
          Set<Feature> featuresAny = EnumSet.noneOf(Feature.class);
          for (int i = s.nextInt(0, 2); i > 0; i--) {
            any.add(s.pick(pool));
          }
          if (s.chance(25)) {
            all.add(s.pick(pool));
          }
          for (int i = s.nextInt(0, 2); i > 0; i--) {
            featuresAny.add(s.pick(features));
          }
          return new Condition(any, all, featuresAny);
        },
        Shrinks::condition);
  }

  /** Effects: deny-join, disable of one to three features, or a notice. */
  public static Arbitrary<Effect> effects() {
    List<Feature> features = List.of(Feature.values());
    return Arbitrary.of(
        s -> {
          switch (s.nextInt(0, 2)) {
            case 0:
              return Effect.denyJoin();
            case 1:
              Set<Feature> disabled = EnumSet.noneOf(Feature.class);
              for (int i = s.nextInt(1, 3); i > 0; i--) {
                disabled.add(s.pick(features));
              }
              return Effect.disable(disabled);
            default:
              return Effect.notice(s.pick(NOTICES));
          }
        });
  }

  /** Rules with id {@code id} over the default tags. */
  public static Arbitrary<Rule> rules(String id) {
    return rules(id, TAGS);
  }

  /**
   * Rules with id {@code id} and conditions over {@code tags}: every effect, both modes (shadow
   * about one time in five), both on-unknown behaviours (apply one time in five), valid by
   * construction.
   */
  public static Arbitrary<Rule> rules(String id, List<String> tags) {
    Arbitrary<LegalBasis> bases = legalBases();
    Arbitrary<Condition> conditions = conditions(tags);
    Arbitrary<Effect> effects = effects();
    return Arbitrary.of(
        s -> {
          LegalBasis basis = bases.generate(s);
          return Rule.builder(id)
              .basis(basis)
              .appliesIn(scopesWithin(basis.territory().orElseThrow()).generate(s))
              .when(conditions.generate(s))
              .effect(effects.generate(s))
              .mode(s.chance(20) ? Mode.SHADOW : Mode.ENFORCE)
              .onUnknown(
                  isOperatorLaw(basis) && s.chance(50) ? OnUnknown.APPLY : OnUnknown.SKIP)
              .build();
        },
        Shrinks::rule);
  }

  /**
   * Exemptions with id {@code id} lifting one or two of {@code rules}; about half the time granted
   * by the first lifted rule's own authority over part of that rule's scope (a general licence),
   * otherwise by an arbitrary basis.
   *
   * @throws IllegalArgumentException if {@code rules} is empty
   */
  public static Arbitrary<Exemption> exemptions(String id, List<Rule> rules) {
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("an exemption needs at least one rule to lift");
    }
    List<Rule> liftable = List.copyOf(rules);
    Arbitrary<LegalBasis> bases = legalBases();
    return Arbitrary.of(
        s -> {
          Rule first = s.pick(liftable);
          Set<String> lifts = new LinkedHashSet<>();
          lifts.add(first.id());
          if (s.chance(30)) {
            lifts.add(s.pick(liftable).id());
          }
          LegalBasis basis;
          Scope appliesIn;
          if (s.chance(50)) {
            basis =
                generalLicence(first.basis(), "GL " + s.nextInt(1, 99));
            appliesIn = scopesWithin(first.appliesIn()).generate(s);
          } else {
            LegalBasis any = bases.generate(s);
            basis = isOperatorLaw(any) ? generalLicence(any, any.citation() + " GL") : any;
            appliesIn = scopesWithin(basis.territory().orElseThrow()).generate(s);
          }
          return new Exemption(id, basis, appliesIn, lifts);
        },
        Shrinks::exemption);
  }

  /** A general licence of {@code basis}'s authority over its territory. */
  private static LegalBasis generalLicence(LegalBasis basis, String citation) {
    LegalBasis.Builder b =
        LegalBasis.builder()
            .authority(basis.authority())
            .territory(basis.territory().orElseThrow())
            .kind(InstrumentKind.GENERAL_LICENCE)
            .citation(citation);
    basis.home().ifPresent(b::home);
    basis.extraterritorial().ifPresent(b::extraterritorial);
    return b.build();
  }

  /** Valid policies of zero to six rules ({@code r1}...) and up to two exemptions ({@code x1}...). */
  public static Arbitrary<Policy> policies() {
    return policies(6, 2);
  }

  /**
   * Valid policies of up to {@code maxRules} rules and {@code maxExemptions} exemptions, with
   * conditions over the default tags. {@code Policy.of} accepts every one.
   */
  public static Arbitrary<Policy> policies(int maxRules, int maxExemptions) {
    if (maxRules < 0 || maxExemptions < 0) {
      throw new IllegalArgumentException("maxRules and maxExemptions must not be negative");
    }
    return policiesOf(Generators::rules, 0, maxRules, maxExemptions);
  }

  /**
   * Policies of {@code minRules} to {@code maxRules} rules ({@code r1}...) drawn from {@code
   * rules} and, where there are rules, up to {@code maxExemptions} exemptions ({@code x1}...).
   */
  private static Arbitrary<Policy> policiesOf(
      Function<String, Arbitrary<Rule>> rules, int minRules, int maxRules, int maxExemptions) {
    return Arbitrary.of(
        s -> {
          List<Rule> drawn = new ArrayList<>();
          for (int i = 1, n = s.nextInt(minRules, maxRules); i <= n; i++) {
            drawn.add(rules.apply("r" + i).generate(s));
          }
          List<Exemption> exemptions = new ArrayList<>();
          for (int i = 1, n = drawn.isEmpty() ? 0 : s.nextInt(0, maxExemptions); i <= n; i++) {
            exemptions.add(exemptions("x" + i, drawn).generate(s));
          }
          return policyOf(drawn, exemptions);
        },
        Shrinks::policy);
  }

  /**
   * The policy of these rules and exemptions under the {@link #operator() generated operator},
   * with the {@link #declaredFor declared authorities} they need: how every generated policy is
   * assembled, for tests that build rules from these generators and edit them.
   *
   * @throws io.geoscope.core.PolicyValidationException if the parts do not form a valid policy
   */
  public static Policy policyOf(List<Rule> rules, List<Exemption> exemptions) {
    return Policy.of("generated", java.util.Optional.of(GENERATED_OPERATOR),
        declaredFor(rules, exemptions), rules, exemptions);
  }

  /**
   * The same reach as {@code basis} under the generated operator's own law: {@code basis} itself
   * if it already is (OFAC or BIS), else OFAC sanctions over the same territory and dates, with an
   * extraterritorial statement where that leaves the US. What a rule needs to act on participants
   * it cannot place ({@code on-unknown}, {@code evidence: any}, {@code on-imprecise} or {@code
   * on-anonymizer: apply}).
   */
  public static LegalBasis operatorLaw(LegalBasis basis) {
    if (isOperatorLaw(basis)) {
      return basis;
    }
    Scope territory = basis.territory().orElseThrow();
    LegalBasis.Builder b =
        LegalBasis.builder()
            .authority("OFAC")
            .citation("31 CFR part 560")
            .territory(territory)
            .kind(InstrumentKind.SANCTIONS);
    if (!territory.within(Scope.of(List.of(Jurisdiction.country("US"))))) {
      b.extraterritorial("US sanctions bind the US operator's service in " + territory);
    }
    basis.effective().ifPresent(b::effective);
    basis.expires().ifPresent(b::expires);
    return b.build();
  }

  /**
   * Rules with id {@code id} like {@link #rules(String)}, with every evidence standard, {@code
   * on-imprecise} and {@code on-anonymizer} setting; those whose settings act on participants
   * they cannot place rest on the {@link #operatorLaw operator's own law}, so every one is valid.
   */
  public static Arbitrary<Rule> rulesWithEvidenceSettings(String id) {
    Arbitrary<Rule> plain = rules(id);
    List<EvidenceStandard> standards = List.of(EvidenceStandard.values());
    List<OnImprecise> imprecise = List.of(OnImprecise.values());
    List<OnAnonymizer> anonymizer = List.of(OnAnonymizer.values());
    return Arbitrary.of(
        s -> {
          Rule r = plain.generate(s);
          EvidenceStandard standard = s.pick(standards);
          OnImprecise onImprecise = s.pick(imprecise);
          OnAnonymizer onAnonymizer = s.pick(anonymizer);
          boolean unplaced = standard == EvidenceStandard.ANY
              || onImprecise == OnImprecise.APPLY || onAnonymizer == OnAnonymizer.APPLY;
          return new Rule(r.id(), unplaced ? operatorLaw(r.basis()) : r.basis(), r.appliesIn(),
              r.when(), r.effect(), r.mode(), r.onUnknown(), standard, onImprecise, onAnonymizer);
        },
        Shrinks::rule);
  }

  /**
   * Valid policies of one to {@code maxRules} rules from {@link #rulesWithEvidenceSettings} and up
   * to {@code maxExemptions} exemptions.
   *
   * @throws IllegalArgumentException if {@code maxRules < 1} or {@code maxExemptions < 0}
   */
  public static Arbitrary<Policy> policiesWithEvidenceSettings(int maxRules, int maxExemptions) {
    if (maxRules < 1 || maxExemptions < 0) {
      throw new IllegalArgumentException("maxRules must be positive and maxExemptions not negative");
    }
    return policiesOf(Generators::rulesWithEvidenceSettings, 1, maxRules, maxExemptions);
  }

  /**
   * Rules with id {@code id} whose scope names a place outside their basis's territory (and maybe
   * some inside): what {@code Policy.of} must reject with {@code scope-outside-territory}. Built
   * with the record constructor, which does not validate.
   */
  public static Arbitrary<Rule> overreachingRules(String id) {
    Arbitrary<Rule> valid = rules(id);
    Arbitrary<Jurisdiction> places = knownJurisdictions();
    return Arbitrary.of(
        s -> {
          Rule r = valid.generate(s);
          Scope territory = r.basis().territory().orElseThrow();
          Set<Jurisdiction> members = new LinkedHashSet<>();
          if (s.chance(50)) {
            members.addAll(r.appliesIn().members());
          }
          members.add(outside(s, places, territory));
          if (s.chance(30)) {
            members.add(outside(s, places, territory));
          }
          return new Rule(r.id(), r.basis(), Scope.of(members), r.when(), r.effect(), r.mode(),
              r.onUnknown());
        });
  }

  /** A known place outside {@code territory}: drawn, else the first featured country outside. */
  private static Jurisdiction outside(Source s, Arbitrary<Jurisdiction> places, Scope territory) {
    Jurisdiction drawn = places.generate(s);
    if (!territory.covers(drawn)) {
      return drawn;
    }
    for (String code : FEATURED_COUNTRIES) {
      Jurisdiction c = Jurisdiction.country(code);
      if (!territory.covers(c)) {
        return c;
      }
    }
    return Jurisdiction.country(OTHER_COUNTRIES.get(0));
  }

  /**
   * The elements of {@code items} in an order drawn from the source; the simplest draw keeps the
   * original order. For checking that nothing depends on the order of rules or exemptions.
   */
  public static <T> Arbitrary<List<T>> shuffled(List<T> items) {
    List<T> original = List.copyOf(items);
    return Arbitrary.of(
        s -> {
          List<T> out = new ArrayList<>(original);
          // Fisher-Yates from the end; a draw of 0 leaves an element where it is.
          for (int i = out.size() - 1; i > 0; i--) {
            java.util.Collections.swap(out, i, i - s.nextInt(0, i));
          }
          return List.copyOf(out);
        });
  }

  // ---------------------------------------------------------------- signals

  private static final List<LocationSource> SIGNAL_SOURCES =
      List.of(LocationSource.IP_GEOLOCATION, LocationSource.DIAL_IN, LocationSource.ROOM_SYSTEM,
          LocationSource.DECLARED, LocationSource.VERIFIED);

  /** Anonymizer facts about a signal: none three times in four, else one or two kinds. */
  public static Arbitrary<Set<Anonymizer>> anonymizerFacts() {
    List<Anonymizer> kinds = List.of(Anonymizer.values());
    return Arbitrary.of(
        s -> {
          if (!s.chance(25)) {
            return Set.of();
          }
          Set<Anonymizer> facts = EnumSet.noneOf(Anonymizer.class);
          for (int i = s.nextInt(1, 2); i > 0; i--) {
            facts.add(s.pick(kinds));
          }
          return Set.copyOf(facts);
        });
  }

  /**
   * One location signal as a join hook reports it: placed in a jurisdiction from {@code places},
   * from a source a hook has (IP geolocation, dial-in, room system, declared, verified), by one of
   * four producers, sometimes with {@link #anonymizerFacts() anonymizer facts}.
   */
  public static Arbitrary<Evidence> signals(Arbitrary<Jurisdiction> places) {
    Arbitrary<Set<Anonymizer>> facts = anonymizerFacts();
    return Arbitrary.of(
        s -> new Evidence(places.generate(s), s.pick(SIGNAL_SOURCES),
            "producer-" + s.nextInt(0, 3), "", 0, facts.generate(s)));
  }

  /** {@code min} to {@code max} {@link #signals signals} placed in {@code places}. */
  public static Arbitrary<List<Evidence>> signalLists(
      Arbitrary<Jurisdiction> places, int min, int max) {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("need 0 <= min <= max, got " + min + " and " + max);
    }
    Arbitrary<Evidence> one = signals(places);
    return Arbitrary.of(
        s -> {
          List<Evidence> out = new ArrayList<>();
          for (int i = s.nextInt(min, max); i > 0; i--) {
            out.add(one.generate(s));
          }
          return List.copyOf(out);
        });
  }

  // ---------------------------------------------------------------- people and meetings

  /** Evidence for a participant in one of {@code pool}; unknown places get source {@code none}. */
  public static Arbitrary<Evidence> evidence(List<Jurisdiction> pool) {
    List<Jurisdiction> places = ImmutableList.copyOf(pool);
    if (places.isEmpty()) {
      throw new IllegalArgumentException("pool must not be empty");
    }
    return Arbitrary.of(s -> evidenceIn(s, s.pick(places)));
  }

  private static Evidence evidenceIn(Source s, Jurisdiction j) {
    if (!j.isKnown()) {
      return j.unknownReason().orElseThrow() == UnknownReason.NO_EVIDENCE
          ? Evidence.none()
          : Evidence.of(j, LocationSource.IP_GEOLOCATION, PRODUCER);
    }
    return Evidence.of(j, s.pick(KNOWN_SOURCES), PRODUCER);
  }

  /**
   * Participants anywhere {@link #jurisdictions()} reaches, in every role. Every one has id {@code
   * p1}; {@link #rosters} renumbers them.
   */
  public static Arbitrary<Participant> participants() {
    Arbitrary<Jurisdiction> places = jurisdictions();
    return Arbitrary.of(
        s -> new Participant("p1", s.pick(ROLES), evidenceIn(s, places.generate(s))),
        Shrinks::participant);
  }

  /** Participants in one of {@code pool}, in every role, with evidence from every source. */
  public static Arbitrary<Participant> participants(List<Jurisdiction> pool) {
    Arbitrary<Evidence> evidence = evidence(pool);
    return Arbitrary.of(
        s -> new Participant("p1", s.pick(ROLES), evidence.generate(s)), Shrinks::participant);
  }

  /**
   * Participants for checking {@code policy}: about half in the places it names (and their
   * subdivisions and countries), a third elsewhere, the rest unknown.
   */
  public static Arbitrary<Participant> participantsFor(Policy policy) {
    List<Jurisdiction> own = ownJurisdictions(policy);
    List<Jurisdiction> pool = jurisdictionsFor(policy);
    Arbitrary<Jurisdiction> elsewhere = knownJurisdictions();
    Arbitrary<Jurisdiction> unknown = unknownJurisdictions();
    return Arbitrary.of(
        s -> {
          int bucket = s.nextInt(0, 9);
          Jurisdiction j;
          if (bucket < 5 && !own.isEmpty()) {
            j = s.pick(own);
          } else if (bucket < 7) {
            j = s.pick(pool);
          } else if (bucket < 9) {
            j = elsewhere.generate(s);
          } else {
            j = unknown.generate(s);
          }
          return new Participant("p1", s.pick(ROLES), evidenceIn(s, j));
        },
        Shrinks::participant);
  }

  /**
   * Rosters of one to {@code maxSize} participants drawn from {@code participants}, renumbered
   * {@code p1}, {@code p2}... so ids are unique.
   */
  public static Arbitrary<List<Participant>> rosters(
      Arbitrary<Participant> participants, int maxSize) {
    if (maxSize < 1) {
      throw new IllegalArgumentException("maxSize must be at least 1");
    }
    return Arbitrary.of(
        s -> {
          List<Participant> roster = new ArrayList<>();
          for (int i = 1, n = s.nextInt(1, maxSize); i <= n; i++) {
            Participant p = participants.generate(s);
            roster.add(new Participant("p" + i, p.role(), p.evidence()));
          }
          return List.copyOf(roster);
        },
        Shrinks::roster);
  }

  /** Meetings with some of the default tags and some features in use. */
  public static Arbitrary<Meeting> meetings() {
    return meetings(TAGS, List.of(Feature.values()));
  }

  /** Meetings for {@code policy}: the tags and features its conditions mention, plus others. */
  public static Arbitrary<Meeting> meetingsFor(Policy policy) {
    Set<String> tags = new TreeSet<>();
    Set<Feature> features = EnumSet.noneOf(Feature.class);
    for (Rule r : policy.rules()) {
      tags.addAll(r.when().tagsAny());
      tags.addAll(r.when().tagsAll());
      features.addAll(r.when().featuresAny());
    }
    tags.add("unrelated-tag");
    List<Feature> featurePool = new ArrayList<>(features);
    for (Feature f : Feature.values()) {
      if (!features.contains(f)) {
        featurePool.add(f);
      }
    }
    return meetings(List.copyOf(tags), featurePool);
  }

  private static Arbitrary<Meeting> meetings(List<String> tags, List<Feature> features) {
    return Arbitrary.of(
        s -> {
          Set<String> chosenTags = new LinkedHashSet<>();
          for (String t : tags) {
            if (s.chance(45)) {
              chosenTags.add(t);
            }
          }
          Set<Feature> inUse = EnumSet.noneOf(Feature.class);
          for (Feature f : features) {
            if (s.chance(30)) {
              inUse.add(f);
            }
          }
          return new Meeting(chosenTags, inUse);
        },
        Shrinks::meeting);
  }

  /**
   * Instants that matter for {@code policy}: around the start of every effective and expiry day
   * its legal bases name (one second before, at, one second after, and noon), plus a few fixed
   * anchors between 2024 and 2031; in time order.
   */
  public static List<Instant> instantsFor(Policy policy) {
    TreeSet<Instant> out = new TreeSet<>();
    out.add(Instant.parse("2024-01-01T00:00:00Z"));
    out.add(Instant.parse("2026-06-15T12:00:00Z"));
    out.add(Instant.parse("2031-01-01T00:00:00Z"));
    List<LegalBasis> bases = new ArrayList<>();
    policy.rules().forEach(r -> bases.add(r.basis()));
    policy.exemptions().forEach(e -> bases.add(e.basis()));
    for (LegalBasis b : bases) {
      b.effective().ifPresent(d -> addAround(out, d));
      b.expires().ifPresent(d -> addAround(out, d));
    }
    return List.copyOf(out);
  }

  private static void addAround(Set<Instant> out, LocalDate day) {
    Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    out.add(start.minusSeconds(1));
    out.add(start);
    out.add(start.plusSeconds(1));
    out.add(start.plusSeconds(12 * 3600));
  }

  /**
   * One of {@code values}, the first being the simplest; e.g. {@code oneOf(instantsFor(policy))}.
   *
   * @throws IllegalArgumentException if {@code values} is empty
   */
  public static <T> Arbitrary<T> oneOf(List<T> values) {
    List<T> options = List.copyOf(values);
    if (options.isEmpty()) {
      throw new IllegalArgumentException("oneOf needs at least one value");
    }
    return Arbitrary.of(s -> s.pick(options));
  }

  /** The default meeting tags, for building conditions in tests. */
  public static List<String> defaultTags() {
    return TAGS;
  }
}
