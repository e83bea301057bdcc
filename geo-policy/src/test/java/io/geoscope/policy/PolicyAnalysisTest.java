package io.geoscope.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import io.geoscope.core.AppliedRule;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Evidence;
import io.geoscope.core.Exemption;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.Mode;
import io.geoscope.core.Policy;
import io.geoscope.core.Rule;
import io.geoscope.core.Scope;
import io.geoscope.policy.PolicyReport.Exposure;
import io.geoscope.policy.PolicyReport.ExposureKey;
import io.geoscope.policy.PolicyReport.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyAnalysisTest {

  static Policy example() throws Exception {
    return PolicyFiles.load(PolicyFilesTest.resource("example.yaml"));
  }

  static boolean placedIn(Jurisdiction j, String where) {
    return placedIn(new Evidence(j, LocationSource.DECLARED, "", ""), where);
  }

  /** Whether a report row's place names {@code e}, in every form a row's place takes. */
  static boolean placedIn(Evidence e, String where) {
    Jurisdiction j = e.jurisdiction();
    if (where.equals("anonymizer")) {
      return e.anonymized();
    }
    String place = where.replace(" (any signal)", "");
    String imprecise = " (placed only at country level)";
    if (place.endsWith(imprecise)) {
      return j == Jurisdiction.of(place.substring(0, place.length() - imprecise.length()));
    }
    return place.equals("unknown") ? !j.isKnown() : j.isKnown() && j.within(Jurisdiction.of(place));
  }

  /**
   * True if {@code appliesIn} names a place outside {@code b}'s authority's home: declared
   * authorities are local only, and the generators' only other authority is OFAC, home US.
   */
  static boolean reachesOutsideHome(LegalBasis b, Scope appliesIn) {
    return !b.authority().endsWith(PolicyGen.DECLARED)
        && appliesIn.members().stream().anyMatch(j -> !j.country().code().equals("US"));
  }

  /** The example with its one licence valid from {@code effective} until {@code expires}. */
  static Policy withLicenceValidity(
      Policy policy, Optional<LocalDate> effective, Optional<LocalDate> expires) throws Exception {
    Exemption licence = policy.exemptions().get(0);
    LegalBasis b = licence.basis();
    Exemption changed = new Exemption(licence.id(),
        new LegalBasis(b.authority(), b.home(), b.territory(), b.extraterritorial(), b.kind(),
            b.citation(), b.reference(), effective, expires),
        licence.appliesIn(), licence.lifts());
    return Policy.of("licence-changed", policy.operator(), policy.authorities(), policy.rules(),
        List.of(changed));
  }

  @Test
  void theExampleReportListsChinaAndIranWithTheirEffectsAndTheLicence() throws Exception {
    PolicyReport report = PolicyReport.of(example(), Instant.parse("2020-07-01T00:00:00Z"));

    assertThat(report.jurisdictions()).containsExactly("CN", "IR");
    assertThat(report.exposures()).extracting(e -> e.key().where(), e -> e.key().effect().kind(),
            e -> e.key().when().tagsAny(), e -> e.key().mode())
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("CN", "deny-join", Set.of("june-fourth"), Mode.ENFORCE),
            org.assertj.core.api.Assertions.tuple("IR", "deny-join", Set.of(), Mode.ENFORCE));
    assertThat(report.reliefs()).singleElement()
        .satisfies(r -> assertThat(r.exemptionId()).isEqualTo("ofac-gl-d2"));
    assertThat(report.toText())
        .contains("US sanctions bind the US provider for users located in Iran")
        .contains("general licence")
        .contains("GL D-2");
    assertThat(report.toJson()).contains("\"statement\" : \"US sanctions bind the US provider");
  }

  @Test
  void ruleStandingFollowsTheReportInstant() throws Exception {
    Policy policy = example();

    assertThat(PolicyReport.of(policy, Instant.parse("2019-01-01T00:00:00Z")).rules())
        .filteredOn(r -> r.ruleId().equals("cn-topic-restriction"))
        .extracting(PolicyReport.RuleStatus::status).containsExactly(Status.NOT_YET_EFFECTIVE);
    assertThat(PolicyReport.of(policy, Instant.parse("2020-06-01T00:00:00Z")).rules())
        .filteredOn(r -> r.ruleId().equals("cn-topic-restriction"))
        .extracting(PolicyReport.RuleStatus::status).containsExactly(Status.IN_FORCE);
    assertThat(PolicyReport.of(policy, Instant.parse("2021-06-01T00:00:00Z")).rules())
        .filteredOn(r -> r.ruleId().equals("cn-topic-restriction"))
        .extracting(PolicyReport.RuleStatus::status).containsExactly(Status.EXPIRED);
    assertThat(PolicyReport.of(policy, Instant.parse("2021-06-01T00:00:00Z")).toText())
        .contains("expired");
  }

  @Test
  void aLicenceThatHasLapsedIsShownAsExpired() throws Exception {
    Policy withLapsed = withLicenceValidity(example(),
        Optional.of(LocalDate.of(2022, 1, 1)), Optional.of(LocalDate.of(2023, 1, 1)));

    PolicyReport report = PolicyReport.of(withLapsed, Instant.parse("2024-01-01T00:00:00Z"));

    assertThat(report.exemptions()).extracting(PolicyReport.ExemptionStatus::status)
        .containsExactly(Status.EXPIRED);
    assertThat(report.toText()).contains("ofac-gl-d2").contains("exemption").contains("expired");
  }

  @Test
  void everyRuleThatCanActOnAParticipantIsInTheReportForTheirPlace() {
    qt().withExamples(1000)
        .forAll(PolicyGen.policies(), PolicyGen.evidence(), PolicyGen.meetings(), PolicyGen.instants())
        .checkAssert((policy, evidence, meeting, at) -> {
          Decision d = DecisionEngine.builder(policy).build().decide(evidence, meeting, at);
          List<Exposure> exposures = PolicyReport.of(policy, at).exposures();
          for (AppliedRule a : d.applied()) {
            assertThat(exposures).as("applied %s", a.ruleId()).anySatisfy(e -> {
              assertThat(e.sources()).anySatisfy(s -> assertThat(s.ruleId()).isEqualTo(a.ruleId()));
              assertThat(e.key().mode()).isEqualTo(Mode.ENFORCE);
              assertThat(e.key().effect()).isEqualTo(a.effect());
              assertThat(placedIn(evidence, e.key().where())).isTrue();
            });
          }
          for (AppliedRule s : d.shadowed()) {
            assertThat(exposures).as("shadowed %s", s.ruleId()).anySatisfy(e -> {
              assertThat(e.sources()).anySatisfy(src -> assertThat(src.ruleId()).isEqualTo(s.ruleId()));
              assertThat(e.key().mode()).isEqualTo(Mode.SHADOW);
              assertThat(placedIn(evidence, e.key().where())).isTrue();
            });
          }
        });
  }

  @Test
  void everyExtraterritorialReachIsShownWithItsStatement() {
    qt().withExamples(1000)
        .forAll(PolicyGen.policies())
        .checkAssert(policy -> {
          PolicyReport report = PolicyReport.of(policy, Instant.EPOCH);
          Set<String> reaching = new HashSet<>();
          for (Rule r : policy.rules()) {
            if (reachesOutsideHome(r.basis(), r.appliesIn())) {
              reaching.add(r.id());
            }
          }
          for (Exemption e : policy.exemptions()) {
            if (reachesOutsideHome(e.basis(), e.appliesIn())) {
              reaching.add(e.id());
            }
          }
          assertThat(report.extraterritorialReaches())
              .extracting(PolicyReport.Reach::subject).containsExactlyInAnyOrderElementsOf(reaching);
          String text = report.toText();
          for (PolicyReport.Reach r : report.extraterritorialReaches()) {
            assertThat(text).contains(r.statement().replace("\n", "\\n"));
          }
          PolicyDiff fromNothing = PolicyDiff.between(Policy.empty("none"), policy);
          assertThat(fromNothing.reachesAdded()).isEqualTo(report.extraterritorialReaches());
          for (PolicyReport.Reach r : report.extraterritorialReaches()) {
            assertThat(fromNothing.toText()).contains(r.statement().replace("\n", "\\n"));
          }
        });
  }

  @Test
  void theJsonReportAndDiffCarryEveryRowOfTheirTextForms() {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    qt().withExamples(1000)
        .forAll(PolicyGen.edits(), PolicyGen.instants())
        .checkAssert((pair, at) -> {
          PolicyReport report = PolicyReport.of(pair.get(1), at);
          PolicyDiff diff = PolicyDiff.between(pair.get(0), pair.get(1));
          try {
            com.fasterxml.jackson.databind.JsonNode r = json.readTree(report.toJson());
            assertThat(r.get("exposures").size()).isEqualTo(report.exposures().size());
            assertThat(r.get("rules").size()).isEqualTo(report.rules().size());
            assertThat(r.get("exemptions").size()).isEqualTo(report.exemptions().size());
            assertThat(r.get("reliefs").size()).isEqualTo(report.reliefs().size());
            for (int i = 0; i < report.extraterritorialReaches().size(); i++) {
              assertThat(r.get("extraterritorialReaches").get(i).get("statement").asText())
                  .isEqualTo(report.extraterritorialReaches().get(i).statement());
            }
            com.fasterxml.jackson.databind.JsonNode d = json.readTree(diff.toJson());
            assertThat(d.get("added").size()).isEqualTo(diff.added().size());
            assertThat(d.get("removed").size()).isEqualTo(diff.removed().size());
            assertThat(d.get("changed").size()).isEqualTo(diff.changed().size());
            assertThat(d.get("reachesAdded").size()).isEqualTo(diff.reachesAdded().size());
            assertThat(d.get("empty").asBoolean()).isEqualTo(diff.isEmpty());
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void aPolicyComparedWithItselfHasNothingToSignOff() {
    qt().withExamples(1000)
        .forAll(PolicyGen.policies())
        .checkAssert(p -> {
          PolicyDiff diff = PolicyDiff.between(p, p);
          assertThat(diff.isEmpty()).isTrue();
          assertThat(diff.toText()).contains("No change");
        });
  }

  @Test
  void applyingTheDiffToTheOldPolicyDescribesTheNewOneExactly() {
    qt().withExamples(1000)
        .forAll(PolicyGen.edits().mix(PolicyGen.policies().zip(PolicyGen.policies(), List::of)))
        .checkAssert(pair -> {
          Policy a = pair.get(0);
          Policy b = pair.get(1);
          PolicyDiff diff = PolicyDiff.between(a, b);

          Map<ExposureKey, Exposure> applied = new LinkedHashMap<>();
          PolicyReport.of(a, Instant.EPOCH).exposures().forEach(e -> applied.put(e.key(), e));
          diff.removed().forEach(e -> assertThat(applied.remove(e.key())).isEqualTo(e));
          diff.added().forEach(e -> assertThat(applied.put(e.key(), e)).isNull());
          diff.changed().forEach(c -> {
            assertThat(c.before().key()).isEqualTo(c.after().key());
            assertThat(c.before()).isNotEqualTo(c.after());
            assertThat(applied.put(c.after().key(), c.after())).isEqualTo(c.before());
          });
          assertThat(new HashSet<>(applied.values()))
              .isEqualTo(new HashSet<>(PolicyReport.of(b, Instant.EPOCH).exposures()));

          Set<PolicyReport.Relief> reliefs = new HashSet<>(PolicyReport.of(a, Instant.EPOCH).reliefs());
          diff.reliefsRemoved().forEach(reliefs::remove);
          reliefs.addAll(diff.reliefsAdded());
          assertThat(reliefs).isEqualTo(new HashSet<>(PolicyReport.of(b, Instant.EPOCH).reliefs()));

          Set<PolicyReport.Reach> reaches =
              new HashSet<>(PolicyReport.of(a, Instant.EPOCH).extraterritorialReaches());
          diff.reachesRemoved().forEach(reaches::remove);
          reaches.addAll(diff.reachesAdded());
          assertThat(reaches)
              .isEqualTo(new HashSet<>(PolicyReport.of(b, Instant.EPOCH).extraterritorialReaches()));
          assertThat(diff.isEmpty()).isEqualTo(
              PolicyReport.of(a, Instant.EPOCH).exposures().equals(PolicyReport.of(b, Instant.EPOCH).exposures())
                  && diff.reliefsAdded().isEmpty() && diff.reliefsRemoved().isEmpty()
                  && diff.reachesAdded().isEmpty() && diff.reachesRemoved().isEmpty());
        });
  }

  @Test
  void policiesWithNothingToSignOffDecideAlikeForEveryParticipant() {
    java.util.concurrent.atomic.AtomicInteger checked = new java.util.concurrent.atomic.AtomicInteger();
    qt().withExamples(1000)
        .forAll(PolicyGen.edits(), lists().of(PolicyGen.evidence()).ofSize(8),
            PolicyGen.meetings(), PolicyGen.instants())
        .checkAssert((pair, people, meeting, at) -> {
          if (!PolicyDiff.between(pair.get(0), pair.get(1)).isEmpty()) {
            return;
          }
          checked.incrementAndGet();
          DecisionEngine a = DecisionEngine.builder(pair.get(0)).build();
          DecisionEngine b = DecisionEngine.builder(pair.get(1)).build();
          for (Evidence e : people) {
            assertThat(b.decide(e, meeting, at)).usingRecursiveComparison()
                .ignoringFields("policyVersion").isEqualTo(a.decide(e, meeting, at));
          }
        });
    // The edits generator must produce enough no-op edits for this to mean something.
    assertThat(checked.get()).isGreaterThan(30);
  }

  @Test
  void aChangedLicenceValidityIsSomethingToSignOff() throws Exception {
    Policy policy = example();

    PolicyDiff diff = PolicyDiff.between(policy,
        withLicenceValidity(policy, Optional.empty(), Optional.of(LocalDate.of(2027, 1, 1))));

    assertThat(diff.isEmpty()).isFalse();
    assertThat(diff.reliefsAdded()).singleElement()
        .satisfies(r -> assertThat(r.expires()).contains(LocalDate.of(2027, 1, 1)));
    assertThat(diff.toText()).contains("until 2027-01-01");
  }

  @Test
  void flippingARuleToShadowShowsAsOneExposureRemovedAndOneAdded() throws Exception {
    Policy before = example();
    List<Rule> rules = new ArrayList<>();
    for (Rule r : before.rules()) {
      rules.add(r.id().equals("cn-topic-restriction")
          ? new Rule(r.id(), r.basis(), r.appliesIn(), r.when(), r.effect(), Mode.SHADOW, r.onUnknown())
          : r);
    }
    Policy after = Policy.of("shadowed", before.operator(), before.authorities(), rules,
        before.exemptions());

    PolicyDiff diff = PolicyDiff.between(before, after);

    assertThat(diff.removed()).extracting(e -> e.key().where(), e -> e.key().mode())
        .containsExactly(org.assertj.core.api.Assertions.tuple("CN", Mode.ENFORCE));
    assertThat(diff.added()).extracting(e -> e.key().where(), e -> e.key().mode())
        .containsExactly(org.assertj.core.api.Assertions.tuple("CN", Mode.SHADOW));
    assertThat(diff.changed()).isEmpty();
    assertThat(PolicyReport.of(after, Instant.EPOCH).shadowRules())
        .containsExactly("cn-topic-restriction");
    assertThat(diff.toText()).contains("New exposures").contains("Removed exposures").contains("shadow");
    assertThat(diff.toJson()).contains("\"mode\" : \"shadow\"");
  }
}
