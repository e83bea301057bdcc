package io.geoscope.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.geoscope.core.Condition;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Exemption;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.Meeting;
import io.geoscope.core.Mode;
import io.geoscope.core.Outcome;
import io.geoscope.core.Policy;
import io.geoscope.core.Rule;
import io.geoscope.policy.PolicyReport.NetExposure;
import io.geoscope.testkit.Generators;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetExposureReportTest {
  private static final Instant JUNE_2020 = Instant.parse("2020-07-01T00:00:00Z");

  private static Policy example() throws Exception {
    return PolicyAnalysisTest.example();
  }

  private static NetExposure row(PolicyReport report, String where, String when) {
    return report.netExposures().stream()
        .filter(n -> n.where().equals(where) && PolicyReport.describe(n.when()).equals(when))
        .findFirst().orElseThrow(() -> new AssertionError("no row " + where + " " + when
            + " in " + report.netExposures()));
  }

  private static Policy withRule(Policy p, Rule changed) {
    List<Rule> rules = p.rules().stream().map(r -> r.id().equals(changed.id()) ? changed : r)
        .toList();
    return Policy.of(p.version(), p.operator(), p.authorities(), rules, p.exemptions());
  }

  private static LegalBasis dated(LegalBasis b, Optional<LocalDate> from, Optional<LocalDate> to) {
    return new LegalBasis(b.authority(), b.home(), b.territory(), b.extraterritorial(), b.kind(),
        b.citation(), b.reference(), from, to);
  }

  @Test
  void aLiftedRuleShowsAsAdmitWithTheLicenceThatLiftsIt() throws Exception {
    PolicyReport report = PolicyReport.of(example(), JUNE_2020);
    NetExposure iran = row(report, "IR", "always");
    assertThat(iran.outcome()).isEqualTo(Outcome.ADMIT);
    assertThat(iran.why()).containsExactly(
        "ofac-iran-conferencing lifted by ofac-gl-d2 (GL D-2)");
    assertThat(report.toText()).startsWith("Policy ").contains("Net exposure on 2020-07-01")
        .contains("ofac-iran-conferencing lifted by ofac-gl-d2 (GL D-2)");
    assertThat(report.toText().indexOf("Net exposure"))
        .isLessThan(report.toText().indexOf("Everything the policy can do"));
    assertThat(report.toJson()).contains("\"netExposures\"").contains("\"outcome\" : \"admit\"");
  }

  @Test
  void theReadmeExcerptOfTheNetExposureIsWhatTheReportPrints() throws Exception {
    String text = PolicyReport.of(example(), JUNE_2020).toText();
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
    int from = readme.indexOf("Net exposure on 2020-07-01");
    int to = readme.indexOf("\n\n", from);
    assertThat(text).contains(readme.substring(from, to));
  }

  @Test
  void anInForceRuleDeniesOnlyInTheMeetingsItsConditionNames() throws Exception {
    PolicyReport report = PolicyReport.of(example(), JUNE_2020);
    assertThat(row(report, "CN", "always").outcome()).isEqualTo(Outcome.ADMIT);
    NetExposure tagged = row(report, "CN", "tags-any june-fourth");
    assertThat(tagged.outcome()).isEqualTo(Outcome.DENY);
    assertThat(tagged.applied()).containsExactly("cn-topic-restriction");
  }

  @Test
  void anExpiredRuleDoesNotShowAsDenyJoinEnforce() throws Exception {
    PolicyReport report = PolicyReport.of(example(), Instant.parse("2022-01-01T00:00:00Z"));
    NetExposure tagged = row(report, "CN", "tags-any june-fourth");
    assertThat(tagged.outcome()).isEqualTo(Outcome.ADMIT);
    assertThat(tagged.applied()).isEmpty();
    assertThat(tagged.why()).containsExactly("cn-topic-restriction expired on 2021-06-01");
  }

  @Test
  void aNotYetEffectiveRuleSaysFromWhen() throws Exception {
    PolicyReport report = PolicyReport.of(example(), Instant.parse("2019-01-01T00:00:00Z"));
    NetExposure tagged = row(report, "CN", "tags-any june-fourth");
    assertThat(tagged.outcome()).isEqualTo(Outcome.ADMIT);
    assertThat(tagged.why())
        .containsExactly("cn-topic-restriction not yet effective (from 2020-06-01)");
  }

  @Test
  void aShadowRuleSaysWhatItWouldDoAndChangesNothing() throws Exception {
    Policy p = example();
    Rule cn = p.rule("cn-topic-restriction").orElseThrow();
    Policy shadow = withRule(p, new Rule(cn.id(), cn.basis(), cn.appliesIn(), cn.when(),
        cn.effect(), Mode.SHADOW, cn.onUnknown(), cn.evidence(), cn.onImprecise(),
        cn.onAnonymizer()));
    NetExposure tagged = row(PolicyReport.of(shadow, JUNE_2020), "CN", "tags-any june-fourth");
    assertThat(tagged.outcome()).isEqualTo(Outcome.ADMIT);
    assertThat(tagged.why())
        .containsExactly("cn-topic-restriction shadow only: would deny-join, changes nothing");
  }

  @Test
  void removingAGeneralLicenceIsANewDenyForItsPlaces() throws Exception {
    Policy before = example();
    Policy after = Policy.of("v2", before.operator(), before.authorities(), before.rules(),
        List.of());
    PolicyDiff diff = PolicyDiff.between(before, after);
    assertThat(diff.lostReliefs()).singleElement().satisfies(l -> {
      assertThat(l.where()).isEqualTo("IR");
      assertThat(l.effect()).isEqualTo("deny-join");
      assertThat(l.after()).isEqualTo("removed");
    });
    assertThat(diff.toText()).contains("Exposure created by removed or delayed relief")
        .contains("NEW DENY-JOIN");
    assertThat(diff.toJson()).contains("\"newExposure\" : \"deny-join\"");
  }

  @Test
  void startingAnExemptionLaterIsANewDenyUntilThen() throws Exception {
    Policy before = example();
    Exemption gl = before.exemptions().get(0);
    Exemption later = new Exemption(gl.id(),
        dated(gl.basis(), Optional.of(LocalDate.parse("2030-01-01")), Optional.empty()),
        gl.appliesIn(), gl.lifts());
    Policy after = Policy.of("v2", before.operator(), before.authorities(), before.rules(),
        List.of(later));
    assertThat(PolicyDiff.between(before, after).lostReliefs()).singleElement()
        .satisfies(l -> assertThat(l.after()).isEqualTo("from 2030-01-01"));
    // and the other way round, an earlier start takes nothing away
    assertThat(PolicyDiff.between(after, before).lostReliefs()).isEmpty();
  }

  @Test
  void anUnchangedVersionLabelOnChangedContentIsFlagged() throws Exception {
    Policy before = example();
    Policy after = Policy.of(before.version(), before.operator(), before.authorities(),
        before.rules(), List.of());
    PolicyDiff diff = PolicyDiff.between(before, after);
    assertThat(diff.versionLabelUnchanged()).isTrue();
    assertThat(diff.toText()).contains("did not change while the content did");
    assertThat(PolicyDiff.between(before, before).versionLabelUnchanged()).isFalse();
    assertThat(PolicyDiff.between(before, before).isEmpty()).isTrue();
  }

  /**
   * Property (a): every net-exposure row is what the engine decides, on that day, for a
   * participant in that place, and every place a rule or exemption names has a row.
   */
  @Test
  void theNetExposureIsWhatTheEngineDecidesForEachListedPlace() {
    qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
      Policy policy = Generators.policies().sample(seed);
      List<Instant> instants = Generators.instantsFor(policy);
      Instant at = instants.get((int) Math.floorMod(seed, (long) instants.size()));
      PolicyReport report = PolicyReport.of(policy, at);
      DecisionEngine engine = DecisionEngine.builder(policy).build();
      java.util.Map<String, io.geoscope.core.Jurisdiction> places = new java.util.HashMap<>();
      NetExposures.placesOf(policy).forEach(j -> places.put(j.code(), j));
      for (NetExposure n : report.netExposures()) {
        Decision d = engine.decide(NetExposures.participantIn(places.get(n.where())),
            NetExposures.meetingFor(n.when()), at);
        assertThat(n.outcome()).as("%s on %s", n.where(), at).isEqualTo(d.outcome());
        assertThat(n.effects()).isEqualTo(d.effects());
      }
      for (Rule r : policy.rules()) {
        r.appliesIn().members().forEach(j -> assertThat(report.netExposures())
            .anyMatch(n -> n.where().equals(j.code()) && n.when().equals(Condition.always())));
      }
      for (Exemption e : policy.exemptions()) {
        e.appliesIn().members().forEach(j -> assertThat(report.netExposures())
            .anyMatch(n -> n.where().equals(j.code())));
      }
      // an admitted row never names an applied rule; a denied one always does
      for (NetExposure n : report.netExposures()) {
        assertThat(n.applied().isEmpty()).isEqualTo(n.effects().isEmpty());
      }
    });
  }

  @Test
  void theMeetingForAConditionSatisfiesIt() {
    Condition c = new Condition(java.util.Set.of("a", "b"), java.util.Set.of("c"),
        java.util.Set.of());
    Meeting m = NetExposures.meetingFor(c);
    assertThat(c.matches(m)).isTrue();
  }
}
