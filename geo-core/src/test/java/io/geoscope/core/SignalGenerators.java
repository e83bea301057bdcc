package io.geoscope.core;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Generators for several location signals and for rules with every evidence setting. */
final class SignalGenerators {
  private SignalGenerators() {}

  private static final List<LocationSource> SIGNAL_SOURCES =
      List.of(
          LocationSource.IP_GEOLOCATION, LocationSource.DIAL_IN, LocationSource.ROOM_SYSTEM,
          LocationSource.DECLARED, LocationSource.VERIFIED);

  /** Anonymizer facts: none three times in four. */
  @SuppressWarnings("unchecked")
  static Gen<Set<Anonymizer>> anonymizerFacts() {
    Gen<Set<Anonymizer>> some =
        Generators.subsetsOf(List.of(Anonymizer.values()), 1, 2).map(s -> (Set<Anonymizer>) EnumSet.copyOf(s));
    return Generate.frequency(
        Pair.of(3, Generate.constant((Set<Anonymizer>) Set.<Anonymizer>of())), Pair.of(1, some));
  }

  /** One signal from a source a hook has, placed in {@code jurisdictions}. */
  static Gen<Evidence> signals(Gen<Jurisdiction> jurisdictions) {
    return jurisdictions.zip(
        Generate.pick(SIGNAL_SOURCES),
        anonymizerFacts(),
        integers().between(0, 3),
        (j, source, anon, producer) ->
            new Evidence(j, source, "producer-" + producer, "", 0, anon));
  }

  /** Two to five signals placed in {@code jurisdictions}. */
  static Gen<List<Evidence>> signalLists(Gen<Jurisdiction> jurisdictions) {
    return lists().of(signals(jurisdictions)).ofSizeBetween(2, 5);
  }

  /**
   * Rules with id {@code id}, with every evidence standard and on-imprecise/on-anonymizer value;
   * those that act on unplaced participants rest on the operator's own law (OFAC).
   */
  static Gen<Rule> rules(String id) {
    return Generators.rules(id)
        .zip(
            Generate.enumValues(EvidenceStandard.class),
            Generate.enumValues(OnImprecise.class),
            Generate.enumValues(OnAnonymizer.class),
            (r, ev, imp, anon) ->
                new Rule(
                    r.id(),
                    // acting on unplaced participants needs the operator's own law
                    ev == EvidenceStandard.ANY || imp == OnImprecise.APPLY
                            || anon == OnAnonymizer.APPLY
                        ? Generators.asOperatorLaw(r.basis()) : r.basis(),
                    r.appliesIn(), r.when(), r.effect(), r.mode(), r.onUnknown(), ev, imp, anon));
  }

  /** Policies of one to six rules from {@link #rules}, no exemptions. */
  static Gen<Policy> policies() {
    return integers().between(1, 6).flatMap(n -> Generators.sequence(
        java.util.stream.IntStream.range(0, n).mapToObj(i -> rules("r" + i)).toList()))
        .map(rules -> Generators.validPolicy(rules, List.of()));
  }
}
