package io.geoscope.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.geoscope.core.Authority;
import io.geoscope.core.AuthorityCatalogue;
import io.geoscope.core.InstrumentKind;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.PolicyProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, points 3 and 4, over generated policy files: a catalogue authority, one of its kinds,
 * a scope of one to three places (inside and outside its home), an operator subject to a random
 * set of countries, a real or a placeholder statement, and {@code on-unknown} either way. The
 * expectation is computed here from the catalogue's data by the rule as the issue states it, not
 * by asking the validator: reach outside the home is lawful only for sanctions or export controls
 * of an authority whose home the operator is subject to, with a real statement; {@code on-unknown:
 * apply} only under the operator's own law.
 */
class LawfulReachPropertiesTest {

  private static final List<Authority> AUTHORITIES = AuthorityCatalogue.standard().authorities()
      .stream().filter(a -> !a.kinds().isEmpty() && !a.home().isEmpty()).collect(Collectors.toList());
  private static final List<Jurisdiction> COUNTRIES = Jurisdiction.countries();
  private static final List<String> SUBJECT_TO = List.of("US", "GB", "CN", "DE", "FR", "HK", "RU");
  private static final List<String> PLACEHOLDERS = List.of(".", "-", "n/a", "TBD", "TODO", "x");
  private static final String STATEMENT =
      "These measures follow the operator's own service wherever the user is.";

  /** One generated rule file and what the principle says of it. */
  record Case(String text, boolean outside, boolean overreach, boolean placeholder, boolean unknownOutsideLaw,
      String why) {}

  private static Case generate(long seed) {
    Random r = new Random(seed);
    Authority a = AUTHORITIES.get(r.nextInt(AUTHORITIES.size()));
    List<InstrumentKind> kinds = new ArrayList<>(a.kinds());
    kinds.remove(InstrumentKind.GENERAL_LICENCE);
    InstrumentKind kind = kinds.isEmpty() ? InstrumentKind.STATUTE : kinds.get(r.nextInt(kinds.size()));
    Set<Jurisdiction> scope = new LinkedHashSet<>();
    int places = 1 + r.nextInt(3);
    List<Jurisdiction> home = new ArrayList<>(a.home());
    while (scope.size() < places) {
      if (!home.isEmpty() && r.nextBoolean()) {
        scope.add(home.get(r.nextInt(home.size())));
      } else {
        scope.add(COUNTRIES.get(r.nextInt(COUNTRIES.size())));
      }
    }
    Set<String> subjectTo = new LinkedHashSet<>();
    subjectTo.add(SUBJECT_TO.get(r.nextInt(SUBJECT_TO.size())));
    if (r.nextBoolean()) {
      subjectTo.add(SUBJECT_TO.get(r.nextInt(SUBJECT_TO.size())));
    }
    boolean placeholder = r.nextInt(3) == 0;
    String statement = placeholder ? PLACEHOLDERS.get(r.nextInt(PLACEHOLDERS.size())) : STATEMENT;
    boolean onUnknownApply = r.nextInt(4) == 0;
    String name = r.nextBoolean() ? a.id() : a.name();

    // The expectation, from the data: the operator's own law when a home place lies within a
    // country the operator is subject to.
    boolean operatorLaw = a.home().stream().anyMatch(h ->
        subjectTo.stream().anyMatch(s -> h.within(Jurisdiction.country(s))));
    boolean outside = scope.stream().anyMatch(j -> !a.isHome(j));
    boolean reachAllowed = (kind == InstrumentKind.SANCTIONS || kind == InstrumentKind.EXPORT_CONTROL)
        && operatorLaw && !placeholder;
    String codes = scope.stream().map(Jurisdiction::code).collect(Collectors.joining(", "));
    String text = "geoscope: 2\n"
        + "operator: { name: Example Meetings Inc., subject-to: [" + String.join(", ", subjectTo)
        + "] }\n"
        + "rules:\n"
        + "  - id: generated\n"
        + "    basis:\n"
        + "      authority: \"" + name + "\"\n"
        + "      kind: " + kind.code() + "\n"
        + "      citation: \"Instrument 12 of the generated authority\"\n"
        + "      extraterritorial: \"" + statement + "\"\n"
        + "    applies-in: [" + codes + "]\n"
        + "    effect: deny-join\n"
        + (onUnknownApply ? "    on-unknown: apply\n" : "");
    String why = a.id() + " (home " + a.homeText() + ") " + kind.code() + " in [" + codes
        + "], operator subject to " + subjectTo + (placeholder ? ", placeholder statement" : "");
    return new Case(text, outside, outside && !reachAllowed, placeholder, onUnknownApply && !operatorLaw,
        why);
  }

  private static Set<String> problemCodes(Case c) {
    try {
      PolicyFiles.parse(c.text(), "generated.yaml", PolicyFormat.YAML);
      return Set.of();
    } catch (PolicyFileException e) {
      return e.problems().stream().map(PolicyFileProblem::codeName).collect(Collectors.toSet());
    }
  }

  @Test
  void reachOutsideTheHomeIsRefusedExactlyWhenThePrincipleForbidsIt() {
    qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
      Case c = generate(seed);
      Set<String> codes = problemCodes(c);
      if (c.overreach()) {
        // A forbidden reach is refused as a reach (or, when that is what is missing, for the
        // placeholder statement that was meant to justify it).
        assertThat(codes).as(c.why()).containsAnyOf(PolicyProblem.Code.UNLAWFUL_REACH.name(),
            c.placeholder() ? PolicyProblem.Code.PLACEHOLDER_STATEMENT.name() : "(none)");
      } else {
        assertThat(codes).as(c.why()).doesNotContain(PolicyProblem.Code.UNLAWFUL_REACH.name());
      }
    });
  }

  @Test
  void onUnknownApplyIsRefusedExactlyOutsideTheOperatorsOwnLaw() {
    qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
      Case c = generate(seed);
      boolean refused = problemCodes(c)
          .contains(PolicyProblem.Code.ON_UNKNOWN_OUTSIDE_OPERATOR_LAW.name());
      assertThat(refused).as(c.why() + (c.text().contains("on-unknown") ? ", on-unknown apply" : ""))
          .isEqualTo(c.unknownOutsideLaw());
    });
  }

  @Test
  void anAuthorityWithoutAHomeIsRefusedWhateverItsScope() {
    // The UN Security Council binds through members' national instruments: never cited directly.
    Case c = generate(1);
    String un = c.text().replaceAll("authority: \"[^\"]*\"", "authority: \"UNSC\"")
        .replaceAll("kind: [a-z-]+", "kind: sanctions");
    assertThat(problemCodes(new Case(un, true, true, false, false, "UNSC")))
        .contains(PolicyProblem.Code.AUTHORITY_WITHOUT_HOME.name());
  }

  @Test
  void theGeneratorReachesEveryBranch() {
    List<Case> cases = new ArrayList<>();
    for (long seed = 0; seed < 2000; seed++) {
      cases.add(generate(seed));
    }
    assertThat(cases).anyMatch(Case::overreach).anyMatch(c -> !c.overreach())
        .anyMatch(Case::unknownOutsideLaw)
        // a lawful reach abroad (sanctions or export controls under the operator's own law)
        .anyMatch(c -> c.outside() && !c.overreach());
  }
}
