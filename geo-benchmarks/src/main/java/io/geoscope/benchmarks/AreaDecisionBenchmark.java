package io.geoscope.benchmarks;

import io.geoscope.areas.Area;
import io.geoscope.areas.AreaSet;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Effect;
import io.geoscope.core.Evidence;
import io.geoscope.core.InstrumentKind;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Meeting;
import io.geoscope.core.Operator;
import io.geoscope.core.Policy;
import io.geoscope.core.Rule;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decisions under a policy with an area rule (OFAC on a {@code vertices}-vertex made-up zone in
 * UA-14): {@code decideInAreaCountry} for 4,096 participants in UA-14 scattered around the zone
 * with radii of 1 to 1,000 km (inside: denied; outside and uncertain: admitted), their evidence
 * placed ahead as a resolver does; {@code admitElsewhere} and {@code admitWithoutAreas} for a
 * participant in FR under the same policy and under the policy without the area rule, so the
 * admit path of countries without areas can be compared in one run; {@code
 * admitWithoutAreasSameIndex} is the control, a policy without areas whose jurisdiction index
 * spans FR as the area policy's does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class AreaDecisionBenchmark {
  static final int PLACES = 4096;
  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  /** Vertices of the boundary. */
  @Param({"5000"})
  public int vertices = 5000;

  DecisionEngine withAreas;
  DecisionEngine withoutAreas;
  DecisionEngine sameIndexWithoutAreas;
  final Evidence[] inUa = new Evidence[PLACES];
  final Meeting meeting = Meeting.plain();
  Evidence inFrance;
  int next;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    Jurisdiction ua14 = Jurisdiction.of("UA-14");
    AreaSet areas = AreaSet.compile(List.of(Area.builder("zone").name("Zone")
        .country(Jurisdiction.of("UA")).subdivision(ua14).source("benchmark: made up")
        .boundary(AreaBenchmark.boundary(vertices)).build()));
    LegalBasis ofac = LegalBasis.builder().authority("OFAC").kind(InstrumentKind.SANCTIONS)
        .citation("EO 14065").extraterritorial("US sanctions bind the US provider for users there")
        .build();
    Rule cn = Rule.builder("cn").basis(LegalBasis.builder()
            .authority("Cyberspace Administration of China").kind(InstrumentKind.STATUTE)
            .citation("Cybersecurity Law of the PRC, art. 12").build())
        .appliesIn("CN").effect(Effect.denyJoin()).build();
    Operator operator = Operator.of("Example Meetings Inc.", "US");
    withAreas = DecisionEngine.builder(Policy.builder("areas").operator(operator).areas(areas)
        .rule(cn).rule(Rule.builder("zone").basis(ofac)
            .appliesIn(io.geoscope.core.Scope.ofAreas(areas.ref("zone")))
            .effect(Effect.denyJoin()).build())
        .build()).build();
    withoutAreas = DecisionEngine.builder(Policy.builder("plain").operator(operator).rule(cn)
        .build()).build();
    // The control: no areas, but a rule on UA, so its jurisdiction index spans FR as the area
    // policy's does (an area rule is indexed under its country).
    sameIndexWithoutAreas = DecisionEngine.builder(Policy.builder("plain-ua").operator(operator)
        .rule(cn).rule(Rule.builder("ua").basis(ofac).appliesIn("UA").effect(Effect.denyJoin())
            .build())
        .build()).build();
    SplittableRandom random = new SplittableRandom(Databases.SEED);
    Map<Evidence, Evidence> shared = new HashMap<>();
    Evidence base = Evidence.of(ua14, LocationSource.IP_GEOLOCATION, "benchmark");
    for (int i = 0; i < PLACES; i++) {
      double lat = 48 + random.nextDouble(-1.5, 1.5);
      double lon = 37 + random.nextDouble(-2, 2);
      double radius = Math.exp(random.nextDouble(0, Math.log(1000)));
      Evidence e = base.withAreas(areas.place(ua14, null, lat, lon, radius));
      inUa[i] = shared.computeIfAbsent(e, k -> k);
    }
    inFrance = Evidence.of(Jurisdiction.of("FR"), LocationSource.IP_GEOLOCATION, "benchmark");
  }

  /** A participant in the area's country: inside, outside or uncertain, from the evidence. */
  @Benchmark
  public Decision decideInAreaCountry() {
    return withAreas.decide(inUa[next++ & (PLACES - 1)], meeting, NOW);
  }

  /** A participant in a country without areas, under the policy with the area rule. */
  @Benchmark
  public Decision admitElsewhere() {
    return withAreas.decide(inFrance, meeting, NOW);
  }

  /** The same participant under a policy without areas whose index spans FR too (a UA rule). */
  @Benchmark
  public Decision admitWithoutAreasSameIndex() {
    return sameIndexWithoutAreas.decide(inFrance, meeting, NOW);
  }

  /** The same participant under the policy without the area rule. */
  @Benchmark
  public Decision admitWithoutAreas() {
    return withoutAreas.decide(inFrance, meeting, NOW);
  }
}
