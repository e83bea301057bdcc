package io.geoscope.benchmarks;

import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.Meeting;
import io.geoscope.geoip.GeoResolver;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole join-hook decision: parse the address text, resolve it, and decide by the {@link
 * Policies#realistic() ten-rule policy} for a meeting tagged {@code june-fourth}. The admit path
 * uses addresses outside the denied countries (many of them where no rule matches, some where a
 * rule exists but its condition does not hold); the deny path uses addresses in CN. {@code
 * resolveOnly} resolves the same admit-path addresses without deciding, as the reference.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DecisionBenchmark {

  /** {@code synthetic}, {@code real} or a path to a MaxMind DB file. */
  @Param({"synthetic", "real"})
  public String db = "synthetic";

  GeoResolver resolver;
  DecisionEngine engine;
  Meeting meeting;
  Instant at;
  String[] admit;
  String[] deny;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    Path path = Databases.location(db);
    resolver = GeoResolver.builder().database(path).build();
    engine = DecisionEngine.builder(Policies.realistic()).build();
    meeting = Meeting.tagged(Policies.TAG);
    at = Instant.parse("2026-06-17T12:00:00Z");
    Addresses all = Addresses.ipv4(path, "uniform", Databases.SEED);
    List<String> allowed = new ArrayList<>();
    for (String ip : all.text) {
      if (!Policies.DENIED.contains(resolver.resolve(ip).jurisdiction().country().code())) {
        allowed.add(ip);
      }
    }
    admit = cycle(allowed);
    List<String> denied = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(Databases.SEED);
    Jurisdiction cn = Jurisdiction.country("CN");
    for (long tries = 0; denied.size() < 4096 && tries < 100_000_000L; tries++) {
      int a = random.nextInt();
      String ip =
          (a >>> 24) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF);
      if (resolver.resolve(ip).jurisdiction().country() == cn) {
        denied.add(ip);
      }
    }
    deny = cycle(denied);
    if (engine.decide(resolver.resolve(deny[0]), meeting, at).admitted()) {
      throw new IllegalStateException("deny-path address was admitted");
    }
  }

  private static String[] cycle(List<String> from) {
    if (from.isEmpty()) {
      throw new IllegalStateException("no addresses for this path in the database");
    }
    String[] out = new String[Addresses.SIZE];
    for (int i = 0; i < out.length; i++) {
      out[i] = from.get(i % from.size());
    }
    return out;
  }

  /** Per-thread position in the inputs. */
  @State(Scope.Thread)
  public static class Cursor {
    int i;

    int next() {
      return i++ & Addresses.MASK;
    }
  }

  /** Parse and resolve only, on the admit-path addresses: the reference for {@link #admit}. */
  @Benchmark
  public Evidence resolveOnly(Cursor c) {
    return resolver.resolve(admit[c.next()]);
  }

  /** Parse, resolve and decide; the participant is admitted. */
  @Benchmark
  public Decision admit(Cursor c) {
    return engine.decide(resolver.resolve(admit[c.next()]), meeting, at);
  }

  /** Parse, resolve and decide; the participant is denied (an explained decision is built). */
  @Benchmark
  public Decision deny(Cursor c) {
    return engine.decide(resolver.resolve(deny[c.next()]), meeting, at);
  }

  /** {@link #admit} on two threads sharing one resolver and one engine. */
  @Benchmark
  @Threads(2)
  public Decision admitTwoThreads(Cursor c) {
    return engine.decide(resolver.resolve(admit[c.next()]), meeting, at);
  }
}
