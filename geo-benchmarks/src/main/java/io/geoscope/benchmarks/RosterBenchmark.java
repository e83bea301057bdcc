package io.geoscope.benchmarks;

import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.ParticipantDecision;
import io.geoscope.core.Role;
import io.geoscope.geoip.GeoResolver;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * A whole roster of 1,000 participants decided at once by the {@link Policies#realistic() ten-rule
 * policy} for a {@code june-fourth} meeting: with their evidence already resolved ({@code
 * decideRoster}), and from their address text ({@code resolveAndDecideRoster}). The addresses are
 * the benchmark inputs, so a few participants are in a denied country.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RosterBenchmark {

  static final int PARTICIPANTS = 1_000;

  /** {@code synthetic}, {@code real} or a path to a MaxMind DB file. */
  @Param({"synthetic"})
  public String db = "synthetic";

  GeoResolver resolver;
  DecisionEngine engine;
  Meeting meeting;
  Instant at;
  String[] ids;
  String[] addresses;
  List<Participant> roster;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    Path path = Databases.location(db);
    resolver = GeoResolver.builder().database(path).build();
    engine = DecisionEngine.builder(Policies.realistic()).build();
    meeting = Meeting.tagged(Policies.TAG);
    at = Instant.parse("2026-06-17T12:00:00Z");
    Addresses in = Addresses.ipv4(path, "uniform", Databases.SEED);
    ids = new String[PARTICIPANTS];
    addresses = new String[PARTICIPANTS];
    List<Participant> people = new ArrayList<>();
    for (int i = 0; i < PARTICIPANTS; i++) {
      ids[i] = "p-" + i;
      addresses[i] = in.text[i];
      Role role = i == 0 ? Role.HOST : Role.ATTENDEE;
      people.add(new Participant(ids[i], role, resolver.resolve(addresses[i])));
    }
    roster = List.copyOf(people);
  }

  /** 1,000 decisions for participants whose evidence is already resolved. */
  @Benchmark
  public List<ParticipantDecision> decideRoster() {
    return engine.decideRoster(roster, meeting, at);
  }

  /** 1,000 addresses parsed and resolved, then the roster decided. */
  @Benchmark
  public List<ParticipantDecision> resolveAndDecideRoster() {
    List<Participant> people = new ArrayList<>(PARTICIPANTS);
    for (int i = 0; i < PARTICIPANTS; i++) {
      people.add(
          new Participant(
              ids[i], i == 0 ? Role.HOST : Role.ATTENDEE, resolver.resolve(addresses[i])));
    }
    return engine.decideRoster(people, meeting, at);
  }
}
