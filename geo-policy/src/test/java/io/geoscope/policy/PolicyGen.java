package io.geoscope.policy;

import io.geoscope.core.Authority;
import io.geoscope.core.Evidence;
import io.geoscope.core.Exemption;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.Meeting;
import io.geoscope.core.Mode;
import io.geoscope.core.Policy;
import io.geoscope.core.PolicyValidator;
import io.geoscope.core.Rule;
import io.geoscope.testkit.Arbitrary;
import io.geoscope.testkit.Generators;
import io.geoscope.testkit.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;
import org.quicktheories.impl.Constraint;

/**
 * geo-testkit's policies, participants and meetings for the policy-file properties, driven by
 * QuickTheories (so it shrinks them), with one thing of the file format's own added: the free
 * text of every law (citations, references, extraterritorial statements, the version) is drawn
 * from strings a naive YAML writer would spoil. Every policy still passes {@link Policy#of}.
 */
final class PolicyGen {
  /** Strings a naive YAML writer would spoil: booleans, numbers, colons, quotes, comments. */
  static final List<String> TEXTS =
      List.of("31 CFR part 560", "NO", "yes", "true", "1.5", "007", "Art. 12: para 3",
          "quote \" and 'apostrophe'", "hash # not a comment", "  padded  ", "caf\u00e9 \u4e2d\u6587",
          "line one\nline two", "- dash", "[brackets]", "{braces}", "*star", "&amp", "!bang", "~");

  /** The suffix of the authorities the kit declares (home {@code XX}): local law only. */
  static final String DECLARED = "-authority";

  private PolicyGen() {}

  /** A QuickTheories generator drawing from a kit arbitrary. */
  static <T> Gen<T> gen(Arbitrary<T> arbitrary) {
    return in -> arbitrary.generate(source(in));
  }

  private static Source source(RandomnessSource in) {
    return (min, max) -> in.next(Constraint.between(min, max));
  }

  static <T> T pick(RandomnessSource in, List<T> from) {
    return from.get(Generate.range(0, from.size() - 1).generate(in));
  }

  private static String text(Source s) {
    String t = s.pick(TEXTS);
    return PolicyValidator.isPlaceholder(t) ? "31 CFR part 560" : t;
  }

  /** {@code b} with its free text drawn from {@link #TEXTS}; the same law otherwise. */
  private static LegalBasis retexted(Source s, LegalBasis b) {
    // A statement is optional where the territory stays at home, so sometimes write one there.
    Optional<String> statement = b.extraterritorial().isPresent() || s.chance(25)
        ? Optional.of(text(s) + " (US sanctions bind the US operator)") : Optional.empty();
    return new LegalBasis(b.authority(), b.home(), b.territory(), statement, b.kind(), text(s),
        s.chance(50) ? Optional.of(text(s)) : Optional.empty(), b.effective(), b.expires());
  }

  /** The kit's declared authorities with ids that differ from their names ({@code cn.authority}). */
  private static List<Authority> renamed(List<Authority> declared) {
    List<Authority> out = new ArrayList<>();
    for (Authority a : declared) {
      out.add(Authority.declared(a.name().replace('-', '.').toLowerCase(Locale.ROOT), a.name(),
          a.home().iterator().next(), a.source()));
    }
    return out;
  }

  /**
   * Valid policies of up to six rules and two exemptions: half plain, half with every evidence
   * setting, and every text spoilt-looking.
   */
  static Gen<Policy> policies() {
    Arbitrary<Policy> plain = Generators.policies(6, 2);
    Arbitrary<Policy> settings = Generators.policiesWithEvidenceSettings(6, 2);
    return gen(Arbitrary.of(s -> {
      Policy p = s.chance(50) ? settings.generate(s) : plain.generate(s);
      List<Rule> rules = new ArrayList<>();
      for (Rule r : p.rules()) {
        rules.add(new Rule(r.id(), retexted(s, r.basis()), r.appliesIn(), r.when(), r.effect(),
            r.mode(), r.onUnknown(), r.evidence(), r.onImprecise(), r.onAnonymizer()));
      }
      List<Exemption> exemptions = new ArrayList<>();
      for (Exemption e : p.exemptions()) {
        exemptions.add(new Exemption(e.id(), retexted(s, e.basis()), e.appliesIn(), e.lifts()));
      }
      String version = s.chance(50) ? text(s) : "v" + s.nextInt(1, 99);
      return Policy.of(version, p.operator(), renamed(p.authorities()), rules, exemptions);
    }));
  }

  /** Evidence anywhere the kit places participants, unknown included. */
  static Gen<Evidence> evidence() {
    Arbitrary<io.geoscope.core.Participant> anyone = Generators.participants();
    return gen(Arbitrary.of(s -> anyone.generate(s).evidence()));
  }

  /** Meetings with some of the kit's tags and features. */
  static Gen<Meeting> meetings() {
    return gen(Generators.meetings());
  }

  /** Instants from 2019 to 2031, so dates are before, inside and after validity windows. */
  static Gen<Instant> instants() {
    return Generate.longRange(Instant.parse("2019-06-01T00:00:00Z").getEpochSecond(),
            Instant.parse("2031-06-01T00:00:00Z").getEpochSecond())
        .map(s -> Instant.ofEpochSecond(s));
  }

  /**
   * Pairs of a policy and an edited version of it: some rules dropped, some flipped between
   * enforce and shadow, some re-cited, some added; exemptions kept where their lifted rules
   * remain, some with a new validity. Close pairs exercise "changed" as well as "added" and
   * "removed".
   */
  static Gen<List<Policy>> edits() {
    Gen<Policy> policies = policies();
    return in -> {
      Policy a = policies.generate(in);
      Source s = source(in);
      List<Rule> rules = new ArrayList<>();
      // Each rule is kept as it is half the time, and half the pairs add no rule, so enough
      // pairs have nothing to sign off for the properties about them to mean something.
      for (Rule r : a.rules()) {
        switch (s.nextInt(0, 5)) {
          case 0:
            break;
          case 1:
            rules.add(new Rule(r.id(), r.basis(), r.appliesIn(), r.when(), r.effect(),
                r.mode() == Mode.ENFORCE ? Mode.SHADOW : Mode.ENFORCE, r.onUnknown(),
                r.evidence(), r.onImprecise(), r.onAnonymizer()));
            break;
          case 2:
            LegalBasis b = r.basis();
            rules.add(new Rule(r.id(),
                new LegalBasis(b.authority(), b.home(), b.territory(), b.extraterritorial(),
                    b.kind(), b.citation() + " (amended)", b.reference(), b.effective(),
                    b.expires()),
                r.appliesIn(), r.when(), r.effect(), r.mode(), r.onUnknown(), r.evidence(),
                r.onImprecise(), r.onAnonymizer()));
            break;
          default:
            rules.add(r);
        }
      }
      for (int i = s.chance(50) ? s.nextInt(1, 2) : 0; i > 0; i--) {
        rules.add(Generators.rules("added-" + i).generate(s));
      }
      Set<String> ids = new LinkedHashSet<>();
      rules.forEach(r -> ids.add(r.id()));
      List<Exemption> exemptions = new ArrayList<>();
      for (Exemption e : a.exemptions()) {
        if (!ids.containsAll(e.lifts()) || !s.chance(50)) {
          continue;
        }
        if (s.chance(50)) {
          exemptions.add(e);
        } else {
          // Same licence, new validity: a reviewer must see this.
          LegalBasis b = e.basis();
          LocalDate from = LocalDate.of(2021, 1, 1).plusDays(s.nextInt(0, 900));
          exemptions.add(new Exemption(e.id(),
              new LegalBasis(b.authority(), b.home(), b.territory(), b.extraterritorial(),
                  b.kind(), b.citation(), b.reference(), Optional.of(from),
                  Optional.of(from.plusDays(s.nextInt(1, 400)))),
              e.appliesIn(), e.lifts()));
        }
      }
      return List.of(a, Policy.of(a.version() + "-edited", a.operator(),
          renamed(Generators.declaredFor(rules, exemptions)), rules, exemptions));
    };
  }
}
