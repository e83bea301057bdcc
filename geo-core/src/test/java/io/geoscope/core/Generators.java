package io.geoscope.core;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for the Geoscope domain, built from small shared pieces so that the
 * same generators serve our property tests and a compliance engineer's own.
 *
 * <p>Everything valid is valid <em>by construction</em> (a rule's scope is drawn from the places
 * inside its territory; expiry is drawn after effect), never by filtering, so shrinking stays
 * useful. Jurisdictions come mostly from a small pool (so participants often land inside rule
 * scopes) that includes the cases that matter: CN with HK, MO and TW beside it, subdivisions such
 * as US-CA and CN-JL, and XK.
 */
public final class Generators {
  private Generators() {}

  /** The day dates and instants cluster around, so rules are often just in or out of force. */
  static final LocalDate BASE_DAY = LocalDate.of(2026, 6, 1);

  /** The countries most tests draw from. */
  static final List<Jurisdiction> COUNTRY_POOL =
      codes("CN", "HK", "MO", "TW", "US", "DE", "RU", "IR", "KP", "CU", "GB", "FR", "UA", "IN",
          "XK");

  /** Subdivisions of pool countries (and one, BR-SP, of a country outside it). */
  static final List<Jurisdiction> SUBDIVISION_POOL =
      codes("US-CA", "US-NY", "US-WA", "CN-JL", "CN-BJ", "CN-SH", "DE-BY", "RU-MOW", "UA-43",
          "GB-SCT", "IN-KA", "BR-SP");

  /** Both pools. */
  static final List<Jurisdiction> KNOWN_POOL =
      ImmutableList.<Jurisdiction>builder().addAll(COUNTRY_POOL).addAll(SUBDIVISION_POOL).build();

  /** Candidates for places outside a scope: every country and the pooled subdivisions. */
  private static final List<Jurisdiction> EVERY_PLACE =
      ImmutableList.<Jurisdiction>builder()
          .addAll(Jurisdiction.countries())
          .addAll(SUBDIVISION_POOL)
          .build();

  static final List<String> TAGS =
      List.of("june-fourth", "tiananmen", "election", "sanctioned-entity", "public", "internal");

  static final List<String> NOTICE_KEYS =
      List.of("recording-consent", "data-transfer", "export-control");

  private static final List<String> AUTHORITIES =
      List.of(
          "Cyberspace Administration of China", "OFAC", "BIS", "CNIL", "Roskomnadzor",
          "California Attorney General");

  private static final List<String> CITATIONS =
      List.of(
          "Cybersecurity Law of the PRC, art. 12", "31 CFR part 560", "15 CFR 744",
          "Loi 78-17", "Federal Law 149-FZ", "Cal. Civ. Code 1798.100");

  private static List<Jurisdiction> codes(String... codes) {
    return IntStream.range(0, codes.length)
        .mapToObj(i -> Jurisdiction.of(codes[i]))
        .collect(ImmutableList.toImmutableList());
  }

  // ---- small pieces -------------------------------------------------------------------------

  /** A non-empty or empty set of up to {@code max} members drawn from {@code pool}. */
  static <T> Gen<Set<T>> subsetsOf(List<T> pool, int min, int max) {
    return lists().of(Generate.pick(pool)).ofSizeBetween(min, max).map(ImmutableSet::copyOf);
  }

  /** Countries, mostly from the pool, sometimes any assigned ISO 3166-1 code. */
  @SuppressWarnings("unchecked")
  public static Gen<Jurisdiction> countries() {
    return Generate.frequency(
        Pair.of(4, Generate.pick(COUNTRY_POOL)), Pair.of(1, Generate.pick(Jurisdiction.countries())));
  }

  /** Subdivisions of the shape CC-XXX, e.g. US-CA, CN-JL. */
  public static Gen<Jurisdiction> subdivisions() {
    return Generate.pick(SUBDIVISION_POOL);
  }

  /** Countries and subdivisions. */
  @SuppressWarnings("unchecked")
  public static Gen<Jurisdiction> knownJurisdictions() {
    return Generate.frequency(Pair.of(3, countries()), Pair.of(2, subdivisions()));
  }

  /** Unknown jurisdictions, one per reason. */
  public static Gen<Jurisdiction> unknownJurisdictions() {
    return Generate.enumValues(UnknownReason.class).map(Jurisdiction::unknown);
  }

  /** Any jurisdiction, unknown about one time in six. */
  @SuppressWarnings("unchecked")
  public static Gen<Jurisdiction> jurisdictions() {
    return Generate.frequency(Pair.of(5, knownJurisdictions()), Pair.of(1, unknownJurisdictions()));
  }

  /** Every known jurisdiction the generators use that lies within {@code scope}. */
  static List<Jurisdiction> placesWithin(Scope scope) {
    List<Jurisdiction> places = new ArrayList<>(scope.members());
    for (Jurisdiction j : SUBDIVISION_POOL) {
      if (scope.covers(j) && !places.contains(j)) {
        places.add(j);
      }
    }
    places.sort(Comparator.naturalOrder());
    return places;
  }

  /** Every known jurisdiction the generators use that lies outside {@code scope}; never empty. */
  static List<Jurisdiction> placesOutside(Scope scope) {
    return EVERY_PLACE.stream().filter(j -> !scope.covers(j)).toList();
  }

  /** Scopes of one to three places inside {@code territory}. */
  public static Gen<Scope> scopesWithin(Scope territory) {
    return subsetsOf(placesWithin(territory), 1, 3).map(s -> Scope.of(s));
  }

  /** Scopes that name at least one place outside {@code territory} (and maybe some inside). */
  public static Gen<Scope> scopesLeaving(Scope territory) {
    Gen<Set<Jurisdiction>> inside = subsetsOf(placesWithin(territory), 0, 2);
    Gen<Set<Jurisdiction>> outside = subsetsOf(placesOutside(territory), 1, 2);
    return inside.zip(
        outside, (in, out) -> Scope.of(ImmutableSet.<Jurisdiction>builder().addAll(in).addAll(out).build()));
  }

  /** Days near {@link #BASE_DAY}. */
  public static Gen<LocalDate> days() {
    return integers().between(-3, 12).map(BASE_DAY::plusDays);
  }

  /**
   * Instants near {@link #BASE_DAY}, often exactly at or a hair either side of midnight UTC,
   * where the in-force boundaries are.
   */
  @SuppressWarnings("unchecked")
  public static Gen<Instant> instants() {
    Gen<Integer> secondOfDay =
        Generate.frequency(
            Pair.of(2, Generate.pick(List.of(0, 1, 86_399))),
            Pair.of(1, integers().between(0, 86_399)));
    Gen<Integer> nanos = Generate.pick(List.of(0, 1, 999_999_999));
    return days()
        .zip(secondOfDay, nanos, (day, s, n) ->
            day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(s).plusNanos(n));
  }

  /** Instants near the base day, plus now and then the ends of time. */
  @SuppressWarnings("unchecked")
  public static Gen<Instant> anyInstants() {
    return Generate.frequency(
        Pair.of(9, instants()),
        Pair.of(1, Generate.pick(List.of(Instant.MIN, Instant.EPOCH, Instant.MAX))));
  }

  // ---- legal bases, conditions, effects -------------------------------------------------------

  /**
   * Optional in-force dates: mostly none, else only effective, only expires, or both with expiry
   * after effect.
   */
  @SuppressWarnings("unchecked")
  private static Gen<LocalDate[]> inForceDates() {
    Gen<Integer> shape =
        Generate.frequency(
            Pair.of(3, Generate.constant(0)), Pair.of(1, integers().between(1, 3)));
    Gen<Integer> length = integers().between(1, 6);
    return shape.zip(days(), length, (s, effective, n) -> {
      switch (s) {
        case 1:
          return new LocalDate[] {effective, null};
        case 2:
          return new LocalDate[] {null, effective.plusDays(n)};
        case 3:
          return new LocalDate[] {effective, effective.plusDays(n)};
        default:
          return new LocalDate[] {null, null};
      }
    });
  }

  /**
   * Territories for a law made by {@code home}: home itself (the default), part of home, or home
   * and elsewhere (which needs an extraterritorial statement).
   */
  @SuppressWarnings("unchecked")
  static Gen<Scope> territories(Jurisdiction home) {
    Scope own = Scope.of(List.of(home));
    List<Jurisdiction> parts = placesWithin(own);
    Gen<Scope> abroad =
        subsetsOf(placesOutside(own), 1, 2)
            .map(out -> Scope.of(ImmutableSet.<Jurisdiction>builder().add(home).addAll(out).build()));
    return Generate.frequency(
        Pair.of(4, Generate.constant(own)),
        Pair.of(1, subsetsOf(parts, 1, 2).map(s -> Scope.of(s))),
        Pair.of(2, abroad));
  }

  /** Valid legal bases: a statement wherever the territory leaves home; expiry after effect. */
  public static Gen<LegalBasis> legalBases() {
    return knownJurisdictions().flatMap(home -> legalBasesFrom(home, territories(home)));
  }

  /** Valid legal bases made by {@code home} with a territory from {@code territories}. */
  static Gen<LegalBasis> legalBasesFrom(Jurisdiction home, Gen<Scope> territories) {
    Gen<Pair<String, String>> law =
        integers().between(0, AUTHORITIES.size() - 1)
            .map(i -> Pair.of(AUTHORITIES.get(i), CITATIONS.get(i)));
    return territories.zip(law, Generate.enumValues(InstrumentKind.class), inForceDates(),
        (territory, who, kind, dates) -> {
          LegalBasis.Builder b =
              LegalBasis.builder()
                  .authority(home.code() + DECLARED)
                  .citation(who._2)
                  .home(home)
                  .territory(territory)
                  .kind(kind);
          if (!territory.within(Scope.of(List.of(home)))) {
            // Outside home only the operator's own sanctions reach: OFAC, operator subject to US.
            b = LegalBasis.builder()
                .authority("OFAC")
                .citation("31 CFR part 560")
                .territory(territory)
                .kind(InstrumentKind.SANCTIONS)
                .extraterritorial("applies to conduct abroad affecting " + home);
          }
          if (dates[0] != null) {
            b.effective(dates[0]);
          }
          if (dates[1] != null) {
            b.expires(dates[1]);
          }
          return b.build();
        });
  }

  /** Conditions; about half always hold. */
  @SuppressWarnings("unchecked")
  public static Gen<Condition> conditions() {
    Gen<Condition> some =
        subsetsOf(TAGS, 0, 2)
            .zip(subsetsOf(TAGS, 0, 1), subsetsOf(List.of(Feature.values()), 0, 2), Condition::new);
    return Generate.frequency(Pair.of(1, Generate.constant(Condition.always())), Pair.of(1, some));
  }

  /** Meetings with a few tags and features in use. */
  public static Gen<Meeting> meetings() {
    return subsetsOf(TAGS, 0, 3).zip(subsetsOf(List.of(Feature.values()), 0, 3), Meeting::new);
  }

  /** Every kind of effect. */
  @SuppressWarnings("unchecked")
  public static Gen<Effect> effects() {
    return Generate.oneOf(
        Generate.<Effect>constant(Effect.denyJoin()),
        subsetsOf(List.of(Feature.values()), 1, 3).map(f -> (Effect) Effect.disable(f)),
        Generate.pick(NOTICE_KEYS).map(k -> (Effect) Effect.notice(k)));
  }

  /** Mostly enforced rules. */
  @SuppressWarnings("unchecked")
  public static Gen<Mode> modes() {
    return Generate.frequency(
        Pair.of(3, Generate.constant(Mode.ENFORCE)), Pair.of(1, Generate.constant(Mode.SHADOW)));
  }

  /** Mostly skip on unknown. */
  @SuppressWarnings("unchecked")
  public static Gen<OnUnknown> onUnknowns() {
    return Generate.frequency(
        Pair.of(3, Generate.constant(OnUnknown.SKIP)), Pair.of(1, Generate.constant(OnUnknown.APPLY)));
  }

  // ---- rules, exemptions, policies ----------------------------------------------------------

  /** Valid rules with this id: the scope is drawn from places inside the basis's territory. */
  public static Gen<Rule> rules(String id) {
    return legalBases().flatMap(
        basis -> rulesUnder(id, basis, scopesWithin(basis.territory().orElseThrow())));
  }

  /** Rules with this id, basis and a scope from {@code scopes}, not validated. */
  static Gen<Rule> rulesUnder(String id, LegalBasis basis, Gen<Scope> scopes) {
    Gen<Pair<Mode, OnUnknown>> switches = modes().zip(onUnknowns(), Pair::of);
    return scopes.zip(conditions(), effects(), switches, (scope, when, effect, sw) ->
        new Rule(id, basis, scope, when, effect, sw._1,
            isOperatorLaw(basis) ? sw._2 : OnUnknown.SKIP));
  }

  /** Rules whose scope leaves the basis's territory: invalid, built without validation. */
  public static Gen<Rule> rulesLeavingTerritory(String id) {
    return legalBases().flatMap(
        basis -> rulesUnder(id, basis, scopesLeaving(basis.territory().orElseThrow())));
  }

  /**
   * Valid exemptions with this id lifting one or two of {@code rules} (not empty). Mostly they
   * rest on the same territory as the first lifted rule and cover part of its scope, as a general
   * licence does; sometimes they rest on any law at all.
   */
  @SuppressWarnings("unchecked")
  public static Gen<Exemption> exemptions(String id, List<Rule> rules) {
    Gen<List<Rule>> lifted = lists().of(Generate.pick(rules)).ofSizeBetween(1, 2);
    return lifted.flatMap(lifts -> {
      Rule first = lifts.get(0);
      Set<String> ids = lifts.stream().map(Rule::id).collect(ImmutableSet.toImmutableSet());
      Gen<Exemption> alongside =
          subsetsOf(placesWithin(first.appliesIn()), 1, 2)
              .map(scope -> new Exemption(id, licence(first.basis()), Scope.of(scope), ids));
      Gen<Exemption> anywhere =
          legalBases().flatMap(basis -> scopesWithin(basis.territory().orElseThrow())
              .map(scope -> new Exemption(id, licence(basis), scope, ids)));
      return Generate.frequency(Pair.of(3, alongside), Pair.of(1, anywhere));
    });
  }

  private static final String DECLARED = "-authority";

  /** True for the bases the generated operator's own law makes (OFAC's). */
  static boolean isOperatorLaw(LegalBasis basis) {
    return !basis.authority().endsWith(DECLARED);
  }

  /**
   * {@code basis} if it is the operator's own law, else OFAC sanctions over the same territory
   * (with a statement where that leaves the US) and the same dates: what a rule needs to act on
   * participants it cannot place ({@code on-unknown}, {@code evidence: any}...).
   */
  static LegalBasis asOperatorLaw(LegalBasis basis) {
    if (isOperatorLaw(basis)) {
      return basis;
    }
    Scope territory = basis.territory().orElseThrow();
    LegalBasis.Builder b = LegalBasis.builder()
        .authority("OFAC")
        .citation("31 CFR part 560")
        .territory(territory)
        .kind(InstrumentKind.SANCTIONS);
    if (!territory.within(Scope.of("US"))) {
      b.extraterritorial("US sanctions bind the US operator's service in " + territory);
    }
    basis.effective().ifPresent(b::effective);
    basis.expires().ifPresent(b::expires);
    return b.build();
  }

  /** An exemption's basis under {@code basis}'s authority: a general licence where OFAC's. */
  static LegalBasis licence(LegalBasis basis) {
    if (!isOperatorLaw(basis)) {
      return basis;
    }
    LegalBasis.Builder b = LegalBasis.builder()
        .authority(basis.authority())
        .citation("OFAC General License D-2")
        .territory(basis.territory().orElseThrow())
        .kind(InstrumentKind.GENERAL_LICENCE);
    basis.extraterritorial().ifPresent(b::extraterritorial);
    return b.build();
  }

  /** The generated operator: subject to US law. */
  static final Operator OPERATOR = Operator.of("Generated Operator", "US");

  /** The {@code XX-authority} authorities the rules and exemptions name, declared. */
  static List<Authority> declaredFor(List<Rule> rules, List<Exemption> exemptions) {
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    rules.forEach(r -> names.add(r.basis().authority()));
    exemptions.forEach(e -> names.add(e.basis().authority()));
    List<Authority> out = new java.util.ArrayList<>();
    for (String n : names) {
      if (n.endsWith(DECLARED)) {
        out.add(Authority.declared(n, n, Jurisdiction.of(n.substring(0, n.length() - DECLARED.length())),
            java.util.Optional.empty()));
      }
    }
    return out;
  }

  /** The ids {@code r0}, {@code r1}... of a generated policy's rules. */
  static List<String> ruleIds(int n) {
    return IntStream.range(0, n).mapToObj(i -> "r" + i).toList();
  }

  /** A list of {@code n} generated values. */
  static <T> Gen<List<T>> sequence(List<Gen<T>> gens) {
    Gen<List<T>> out = Generate.constant(List.of());
    for (Gen<T> g : gens) {
      out = out.zip(g, (list, t) -> ImmutableList.<T>builder().addAll(list).add(t).build());
    }
    return out;
  }

  /**
   * The same elements in an order drawn at random; shrinks toward the original order.
   */
  public static <T> Gen<List<T>> permutations(List<T> items) {
    return lists().of(integers().between(0, 1000)).ofSize(items.size()).map(keys -> {
      List<Integer> order = new ArrayList<>(IntStream.range(0, items.size()).boxed().toList());
      order.sort(Comparator.comparing(keys::get));
      return order.stream().map(items::get).toList();
    });
  }

  /** Valid policies of zero to six rules and up to two exemptions, rules in shuffled order. */
  public static Gen<Policy> policies() {
    return integers().between(0, 6).flatMap(n -> policiesOf(n));
  }

  /** Valid policies of {@code n} rules ({@code r0}...) and up to two exemptions. */
  static Gen<Policy> policiesOf(int n) {
    Gen<List<Rule>> rules = sequence(ruleIds(n).stream().map(Generators::rules).toList());
    return rules
        .flatMap(rs -> exemptionsFor(rs).flatMap(es -> permutations(rs)
            .map(shuffled -> validPolicy(shuffled, es))))
        .describedAs(Generators::describe);
  }

  /** Up to two exemptions ({@code x0}, {@code x1}) lifting some of {@code rules}. */
  static Gen<List<Exemption>> exemptionsFor(List<Rule> rules) {
    if (rules.isEmpty()) {
      return Generate.constant(List.of());
    }
    return integers().between(0, 2).flatMap(k -> sequence(
        IntStream.range(0, k).mapToObj(i -> exemptions("x" + i, rules)).toList()));
  }

  /** Builds a policy that is valid by construction; a rejection is a bug in the generators. */
  static Policy validPolicy(List<Rule> rules, List<Exemption> exemptions) {
    try {
      return Policy.of("generated", java.util.Optional.of(OPERATOR), declaredFor(rules, exemptions),
          rules, exemptions);
    } catch (PolicyValidationException e) {
      throw new AssertionError("generator produced an invalid policy: " + e.getMessage(), e);
    }
  }

  /** A readable policy for failure reports. */
  static String describe(Policy p) {
    StringBuilder sb = new StringBuilder("Policy:");
    for (Rule r : p.rules()) {
      sb.append("\n  rule ").append(r.id()).append(" in ").append(r.appliesIn())
          .append(" basis ").append(r.basis().authority()).append(r.basis().territory())
          .append(' ').append(r.basis().effective().map(d -> "from " + d).orElse(""))
          .append(' ').append(r.basis().expires().map(d -> "until " + d).orElse(""))
          .append(" when ").append(r.when()).append(" -> ").append(r.effect())
          .append(' ').append(r.mode()).append(" unknown:").append(r.onUnknown());
    }
    for (Exemption e : p.exemptions()) {
      sb.append("\n  exemption ").append(e.id()).append(" in ").append(e.appliesIn())
          .append(" lifts ").append(e.lifts())
          .append(' ').append(e.basis().effective().map(d -> "from " + d).orElse(""))
          .append(' ').append(e.basis().expires().map(d -> "until " + d).orElse(""));
    }
    return sb.toString();
  }

  /**
   * When a decision is asked for: the meeting and the instant.
   *
   * @param meeting the meeting
   * @param at the instant
   */
  public record Occasion(Meeting meeting, Instant at) {}

  /** Meetings at instants near the base day. */
  public static Gen<Occasion> occasions() {
    return meetings().zip(instants(), Occasion::new);
  }

  // ---- participants -------------------------------------------------------------------------

  /** Evidence for a jurisdiction from {@code jurisdictions}, by any source. */
  public static Gen<Evidence> evidence(Gen<Jurisdiction> jurisdictions) {
    return jurisdictions.zip(
        Generate.enumValues(LocationSource.class), (j, source) -> Evidence.of(j, source, "generated"));
  }

  /** Participants in any role and any jurisdiction (unknown included). */
  public static Gen<Participant> participants() {
    return participants("p", jurisdictions());
  }

  /** Participants with this id, any role, placed in a jurisdiction from {@code jurisdictions}. */
  public static Gen<Participant> participants(String id, Gen<Jurisdiction> jurisdictions) {
    return Generate.enumValues(Role.class)
        .zip(evidence(jurisdictions), (role, ev) -> new Participant(id, role, ev));
  }

  /**
   * Jurisdictions biased toward where {@code policy} acts: two times in three a place inside some
   * rule's or exemption's scope, else any jurisdiction (unknown included).
   */
  @SuppressWarnings("unchecked")
  public static Gen<Jurisdiction> jurisdictionsNear(Policy policy) {
    Set<Jurisdiction> near = new java.util.TreeSet<>();
    policy.rules().forEach(r -> near.addAll(placesWithin(r.appliesIn())));
    policy.exemptions().forEach(e -> near.addAll(placesWithin(e.appliesIn())));
    if (near.isEmpty()) {
      return jurisdictions();
    }
    return Generate.frequency(
        Pair.of(2, Generate.pick(List.copyOf(near))), Pair.of(1, jurisdictions()));
  }

  /** Participants with this id, placed {@linkplain #jurisdictionsNear near} {@code policy}. */
  public static Gen<Participant> participantsNear(Policy policy) {
    return participants("p", jurisdictionsNear(policy));
  }

  /** Rosters of one to eight participants placed {@linkplain #jurisdictionsNear near} policy. */
  public static Gen<List<Participant>> rostersNear(Policy policy) {
    return rosters(jurisdictionsNear(policy));
  }

  /** Rosters of one to eight participants {@code p0}, {@code p1}..., any roles and places. */
  public static Gen<List<Participant>> rosters() {
    return rosters(jurisdictions());
  }

  /** Rosters of one to eight participants placed in {@code jurisdictions}. */
  public static Gen<List<Participant>> rosters(Gen<Jurisdiction> jurisdictions) {
    return integers().between(1, 8).flatMap(n -> sequence(
        IntStream.range(0, n).mapToObj(i -> participants("p" + i, jurisdictions)).toList()));
  }
}
