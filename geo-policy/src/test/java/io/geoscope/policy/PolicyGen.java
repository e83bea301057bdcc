package io.geoscope.policy;

import io.geoscope.core.Authority;
import io.geoscope.core.Condition;
import io.geoscope.core.Operator;
import io.geoscope.core.PolicyValidator;
import io.geoscope.core.Effect;
import io.geoscope.core.Evidence;
import io.geoscope.core.Exemption;
import io.geoscope.core.Feature;
import io.geoscope.core.InstrumentKind;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Meeting;
import io.geoscope.core.Mode;
import io.geoscope.core.EvidenceStandard;
import io.geoscope.core.OnAnonymizer;
import io.geoscope.core.OnImprecise;
import io.geoscope.core.OnUnknown;
import io.geoscope.core.Policy;
import io.geoscope.core.Rule;
import io.geoscope.core.Scope;
import io.geoscope.core.UnknownReason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Generators of valid policies, participants, meetings and instants for the policy-file
 * properties. Built from small pieces over a small world (a dozen places, a few tags), so rules
 * overlap often and shrinking stays readable. Every generated policy passes {@link Policy#of} by
 * construction: scopes are drawn from inside territories, and reaches outside home carry a
 * statement.
 */
final class PolicyGen {
  static final List<String> PLACES =
      List.of("CN", "HK", "TW", "MO", "US", "US-CA", "US-TX", "IR", "DE", "DE-BY", "FR", "NO", "RU");
  static final List<String> TAGS = List.of("june-fourth", "election", "board", "public");
  /** Strings a naive YAML writer would spoil: booleans, numbers, colons, quotes, comments. */
  static final List<String> TEXTS =
      List.of("31 CFR part 560", "NO", "yes", "true", "1.5", "007", "Art. 12: para 3",
          "quote \" and 'apostrophe'", "hash # not a comment", "  padded  ", "caf\u00e9 \u4e2d\u6587",
          "line one\nline two", "- dash", "[brackets]", "{braces}", "*star", "&amp", "!bang", "~");
  static final List<String> NOTICES = List.of("recording-consent", "export-control", "a1");

  static final String DECLARED = "-authority";
  static final Operator OPERATOR = Operator.of("Generated Operator", "US");

  private PolicyGen() {}

  /** An exemption's basis under {@code basis}'s authority: a general licence where OFAC's. */
  static LegalBasis licence(LegalBasis basis) {
    if (basis.authority().endsWith(DECLARED)) {
      return basis;
    }
    return new LegalBasis(basis.authority(), basis.home(), basis.territory(),
        basis.extraterritorial(), InstrumentKind.GENERAL_LICENCE, basis.citation(),
        basis.reference(), basis.effective(), basis.expires());
  }

  /** The {@code XX-authority} authorities a policy's parts name, declared. */
  static List<Authority> declaredFor(List<Rule> rules, List<Exemption> exemptions) {
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    rules.forEach(r -> names.add(r.basis().authority()));
    exemptions.forEach(e -> names.add(e.basis().authority()));
    List<Authority> out = new ArrayList<>();
    for (String n : names) {
      if (n.endsWith(DECLARED)) {
        out.add(Authority.declared(n.replace('-', '.').toLowerCase(java.util.Locale.ROOT), n,
            Jurisdiction.of(n.substring(0, n.length() - DECLARED.length())), Optional.empty()));
      }
    }
    return out;
  }

  static <T> T pick(RandomnessSource in, List<T> from) {
    return from.get(Generate.range(0, from.size() - 1).generate(in));
  }

  static boolean coin(RandomnessSource in) {
    return Generate.booleans().generate(in);
  }

  static <T> Set<T> nonEmptySubset(RandomnessSource in, List<T> from) {
    Set<T> out = new LinkedHashSet<>();
    int n = Generate.range(1, Math.min(3, from.size())).generate(in);
    for (int i = 0; i < n; i++) {
      out.add(pick(in, from));
    }
    return out;
  }

  static <T> Set<T> subset(RandomnessSource in, List<T> from) {
    return coin(in) ? Set.of() : nonEmptySubset(in, from);
  }

  static Scope scopeOf(Set<String> codes) {
    return Scope.of(codes.toArray(String[]::new));
  }

  static Gen<LegalBasis> bases() {
    return in -> {
      Jurisdiction home = Jurisdiction.of(pick(in, PLACES));
      Scope territory = coin(in) ? Scope.of(home.code()) : scopeOf(nonEmptySubset(in, PLACES));
      boolean reaches = !territory.within(Scope.of(home.code()));
      String citation = pick(in, TEXTS);
      LegalBasis.Builder b =
          LegalBasis.builder()
              .authority(reaches ? "OFAC" : home.code() + DECLARED)
              .territory(territory)
              .kind(reaches ? InstrumentKind.SANCTIONS
                  : Generate.enumValues(InstrumentKind.class).generate(in))
              .citation(PolicyValidator.isPlaceholder(citation) ? "31 CFR part 560" : citation);
      if (!reaches) {
        b.home(home);
      }
      if (reaches || coin(in)) {
        b.extraterritorial(pick(in, TEXTS) + " (US sanctions bind the US operator)");
      }
      if (coin(in)) {
        b.reference(pick(in, TEXTS));
      }
      LocalDate effective = LocalDate.of(2020, 1, 1).plusDays(Generate.range(0, 1500).generate(in));
      if (coin(in)) {
        b.effective(effective);
      }
      if (coin(in)) {
        b.expires(effective.plusDays(Generate.range(1, 800).generate(in)));
      }
      return b.build();
    };
  }

  /** A non-empty scope inside {@code territory}, drawn from the world's places. */
  static Scope inside(RandomnessSource in, Scope territory) {
    List<String> candidates = new ArrayList<>();
    for (String p : PLACES) {
      if (territory.covers(Jurisdiction.of(p))) {
        candidates.add(p);
      }
    }
    return scopeOf(nonEmptySubset(in, candidates));
  }

  static Gen<Effect> effects() {
    return in -> {
      switch (Generate.range(0, 2).generate(in)) {
        case 0:
          return Effect.denyJoin();
        case 1:
          return Effect.disable(nonEmptySubset(in, List.of(Feature.values())));
        default:
          return Effect.notice(pick(in, NOTICES));
      }
    };
  }

  static Gen<Condition> conditions() {
    return in -> coin(in)
        ? Condition.always()
        : new Condition(subset(in, TAGS), subset(in, TAGS), subset(in, List.of(Feature.values())));
  }

  static Gen<Rule> rules(String id) {
    return in -> {
      LegalBasis basis = bases().generate(in);
      // only the operator's own law (the catalogue authorities here) may act on unplaced people
      boolean unplaced = !basis.authority().endsWith(DECLARED);
      return new Rule(
          id,
          basis,
          inside(in, basis.territory().orElseThrow()),
          conditions().generate(in),
          effects().generate(in),
          Generate.enumValues(Mode.class).generate(in),
          unplaced ? Generate.enumValues(OnUnknown.class).generate(in) : OnUnknown.SKIP,
          unplaced ? Generate.enumValues(EvidenceStandard.class).generate(in)
              : EvidenceStandard.PRIMARY,
          unplaced ? Generate.enumValues(OnImprecise.class).generate(in) : OnImprecise.SKIP,
          unplaced ? Generate.enumValues(OnAnonymizer.class).generate(in) : OnAnonymizer.IGNORE);
    };
  }

  /** Valid policies of up to six rules and three exemptions. */
  static Gen<Policy> policies() {
    return in -> {
      int ruleCount = Generate.range(0, 6).generate(in);
      List<Rule> rules = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < ruleCount; i++) {
        String id = "rule-" + i;
        ids.add(id);
        rules.add(rules(id).generate(in));
      }
      List<Exemption> exemptions = new ArrayList<>();
      int exemptionCount = ids.isEmpty() ? 0 : Generate.range(0, 3).generate(in);
      for (int i = 0; i < exemptionCount; i++) {
        LegalBasis basis = licence(bases().generate(in));
        exemptions.add(
            new Exemption("exemption-" + i, basis, inside(in, basis.territory().orElseThrow()),
                nonEmptySubset(in, ids)));
      }
      String version = coin(in) ? "v" + Generate.range(1, 99).generate(in) : pick(in, TEXTS);
      try {
        return Policy.of(version, Optional.of(OPERATOR), declaredFor(rules, exemptions), rules,
            exemptions);
      } catch (io.geoscope.core.PolicyValidationException e) {
        throw new AssertionError("generator built an invalid policy: " + e.getMessage(), e);
      }
    };
  }

  /** Evidence in one of the world's places, or unknown. */
  static Gen<Evidence> evidence() {
    return in -> coin(in) && coin(in)
        ? Evidence.of(Jurisdiction.unknown(Generate.enumValues(UnknownReason.class).generate(in)),
            LocationSource.IP_GEOLOCATION, "gen")
        : Evidence.of(Jurisdiction.of(pick(in, PLACES)), LocationSource.DECLARED, "gen");
  }

  static Gen<Meeting> meetings() {
    return in -> new Meeting(subset(in, TAGS), subset(in, List.of(Feature.values())));
  }

  /** Instants from 2019 to 2026, so dates are before, inside and after validity windows. */
  static Gen<Instant> instants() {
    return Generate.longRange(Instant.parse("2019-06-01T00:00:00Z").getEpochSecond(),
            Instant.parse("2026-06-01T00:00:00Z").getEpochSecond())
        .map(s -> Instant.ofEpochSecond(s));
  }


  /**
   * Pairs of a policy and an edited version of it: some rules dropped, some flipped between
   * enforce and shadow, some re-cited, some added; exemptions kept where their lifted rules
   * remain. Close pairs exercise "changed" as well as "added" and "removed".
   */
  static Gen<List<Policy>> edits() {
    return in -> {
      Policy a = policies().generate(in);
      List<Rule> rules = new ArrayList<>();
      for (Rule r : a.rules()) {
        switch (Generate.range(0, 4).generate(in)) {
          case 0:
            break;
          case 1:
            rules.add(new Rule(r.id(), r.basis(), r.appliesIn(), r.when(), r.effect(),
                r.mode() == Mode.ENFORCE ? Mode.SHADOW : Mode.ENFORCE, r.onUnknown()));
            break;
          case 2:
            LegalBasis b = r.basis();
            rules.add(new Rule(r.id(),
                new LegalBasis(b.authority(), b.home(), b.territory(), b.extraterritorial(),
                    b.kind(), b.citation() + " (amended)", b.reference(), b.effective(),
                    b.expires()),
                r.appliesIn(), r.when(), r.effect(), r.mode(), r.onUnknown()));
            break;
          default:
            rules.add(r);
        }
      }
      int extra = Generate.range(0, 2).generate(in);
      for (int i = 0; i < extra; i++) {
        rules.add(rules("added-" + i).generate(in));
      }
      Set<String> ids = new LinkedHashSet<>();
      rules.forEach(r -> ids.add(r.id()));
      List<Exemption> exemptions = new ArrayList<>();
      for (Exemption e : a.exemptions()) {
        if (!ids.containsAll(e.lifts()) || !coin(in)) {
          continue;
        }
        if (coin(in)) {
          exemptions.add(e);
        } else {
          // Same licence, new validity: a reviewer must see this.
          LegalBasis b = e.basis();
          LocalDate from = LocalDate.of(2021, 1, 1).plusDays(Generate.range(0, 900).generate(in));
          exemptions.add(new Exemption(e.id(),
              new LegalBasis(b.authority(), b.home(), b.territory(), b.extraterritorial(),
                  b.kind(), b.citation(), b.reference(), java.util.Optional.of(from),
                  java.util.Optional.of(from.plusDays(Generate.range(1, 400).generate(in)))),
              e.appliesIn(), e.lifts()));
        }
      }
      try {
        return List.of(a, Policy.of(a.version() + "-edited", a.operator(),
            declaredFor(rules, exemptions), rules, exemptions));
      } catch (io.geoscope.core.PolicyValidationException e) {
        throw new AssertionError("generator built an invalid edit: " + e.getMessage(), e);
      }
    };
  }
}
