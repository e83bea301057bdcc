package io.geoscope.benchmarks;

import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Evidence;
import io.geoscope.core.Feature;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.Role;
import io.geoscope.event.TransparencyCollector;
import io.geoscope.geoip.GeoResolver;
import io.geoscope.geoip.TrustedProxies;
import io.geoscope.micrometer.DecisionMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The join path wired as the README recommends: the socket peer and {@code X-Forwarded-For}
 * through {@link TrustedProxies}, the resolver, and an engine with a {@link TransparencyCollector}
 * and {@link DecisionMetrics} as listeners, deciding by participant id, role and evidence (the
 * join-path form, no {@link Participant} per join).
 * {@code proxiesAndResolve} is the proxies-and-resolve part alone.
 * {@code resolveOnly} is the reference (the same addresses, text resolve alone); {@code wiredAdmit}
 * admits (addresses where no rule applies to a recorded meeting), {@code wiredLimited} limits
 * (addresses in DE: recording-consent notice) and {@code wiredDeny} denies (addresses in CN).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class JoinPathBenchmark {
  /** {@code synthetic}, {@code real} or a path to a MaxMind DB file. */
  @Param({"synthetic"})
  public String db = "synthetic";

  static final String PROXY = "10.0.0.7";

  GeoResolver resolver;
  TrustedProxies proxies;
  DecisionEngine engine;
  Meeting meeting;
  Instant at;
  String[] admit;
  String[] limited;
  String[] deny;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    Path path = Databases.location(db);
    resolver = GeoResolver.builder().database(path).build();
    proxies = TrustedProxies.of("10.0.0.0/8");
    engine = DecisionEngine.builder(Policies.realistic())
        .listener(TransparencyCollector.create())
        .listener(DecisionMetrics.of(new SimpleMeterRegistry()))
        .build();
    meeting = new Meeting(Set.of(Policies.TAG), EnumSet.of(Feature.RECORDING));
    at = Instant.parse("2026-06-17T12:00:00Z");
    List<String> a = new ArrayList<>();
    List<String> l = new ArrayList<>();
    List<String> d = new ArrayList<>();
    Addresses all = Addresses.ipv4(path, "uniform", Databases.SEED);
    for (String ip : all.text) {
      Decision decision = engine.decide(resolver.resolve(ip), meeting, at);
      switch (decision.outcome()) {
        case ADMIT -> a.add(ip);
        case ADMIT_LIMITED -> l.add(ip);
        case DENY -> d.add(ip);
      }
    }
    admit = cycle(a);
    limited = cycle(l);
    deny = cycle(d);
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

  private Decision join(String forwardedFor) {
    // The header read in place (GeoResolver.resolve(TrustedProxies, ...)): no client string, no
    // ClientAddress; the participant's id and role go to the engine and its listeners as they
    // are, with no Participant object.
    Evidence where = resolver.resolve(proxies, PROXY, forwardedFor);
    return engine.decide("participant-1", Role.ATTENDEE, where, meeting, at);
  }

  /** Proxies and resolve alone, in place: what the wiring adds to the text resolve. */
  @Benchmark
  public Evidence proxiesAndResolve(Cursor c) {
    return resolver.resolve(proxies, PROXY, admit[c.next()]);
  }

  /** Text resolve alone, on the admit-path addresses: the reference. */
  @Benchmark
  public Evidence resolveOnly(Cursor c) {
    return resolver.resolve(admit[c.next()]);
  }

  /** Proxies, resolve, decide with collector and metrics: admitted. */
  @Benchmark
  public Decision wiredAdmit(Cursor c) {
    return join(admit[c.next()]);
  }

  /** Proxies, resolve, decide with collector and metrics: admitted with a notice. */
  @Benchmark
  public Decision wiredLimited(Cursor c) {
    return join(limited[c.next()]);
  }

  /** Proxies, resolve, decide with collector and metrics: denied. */
  @Benchmark
  public Decision wiredDeny(Cursor c) {
    return join(deny[c.next()]);
  }
}
