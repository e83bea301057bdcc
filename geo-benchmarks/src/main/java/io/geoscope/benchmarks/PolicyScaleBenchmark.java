package io.geoscope.benchmarks;

import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Evidence;
import io.geoscope.core.Feature;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Meeting;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One decision by policies of 10 and of 10,000 rules. The participant is in {@code US-CA}, which
 * five rules name in both policies (see {@link Policies#scaled(int, long)}); the other rules name
 * other countries and their subdivisions. A compiled policy should cost the same at both sizes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class PolicyScaleBenchmark {

  /** Number of rules in the policy. */
  @Param({"10", "10000"})
  public int rules = 10;

  DecisionEngine engine;
  Evidence evidence;
  Meeting plain;
  Meeting recorded;
  Instant at;

  @Setup(Level.Trial)
  public void setup() {
    engine = DecisionEngine.builder(Policies.scaled(rules, Databases.SEED)).build();
    evidence = Evidence.of(Jurisdiction.of("US-CA"), LocationSource.IP_GEOLOCATION, "benchmark");
    plain = Meeting.tagged("all-hands");
    recorded = new Meeting(Set.of("all-hands"), EnumSet.of(Feature.RECORDING));
    at = Instant.parse("2026-06-17T12:00:00Z");
    if (!engine.decide(evidence, plain, at).applied().isEmpty()
        || engine.decide(evidence, recorded, at).applied().size() != 1) {
      throw new IllegalStateException("the scaled policy does not behave as designed");
    }
  }

  /** The five rules naming the participant's jurisdiction are checked; none matches: admit. */
  @Benchmark
  public Decision admit() {
    return engine.decide(evidence, plain, at);
  }

  /** One of the five matches (recording-consent notice): an explained admit-limited decision. */
  @Benchmark
  public Decision notice() {
    return engine.decide(evidence, recorded, at);
  }

  /** {@link #admit} on two threads sharing one engine. */
  @Benchmark
  @Threads(2)
  public Decision admitTwoThreads() {
    return engine.decide(evidence, plain, at);
  }
}
