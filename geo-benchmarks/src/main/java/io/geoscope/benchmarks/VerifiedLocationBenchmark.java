package io.geoscope.benchmarks;

import io.geoscope.appeals.Appeal;
import io.geoscope.appeals.AppealRequest;
import io.geoscope.appeals.AppealStore;
import io.geoscope.appeals.Review;
import io.geoscope.appeals.VerificationKind;
import io.geoscope.appeals.VerifiedLocations;
import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The join path's verified-location lookup with a warm cache, over a real embedded store with
 * 256 approved accounts and 256 accounts without one: {@code verifiedHit} returns a verified
 * evidence, {@code absentHit} the caller's own (a remembered miss). Run with {@code -prof gc}:
 * both must be allocation-free (about 0 B/op).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class VerifiedLocationBenchmark {
  static final int ACCOUNTS = 256;

  Path dir;
  AppealStore store;
  VerifiedLocations locations;
  String[] verified;
  String[] absent;
  Evidence byIp;
  int next;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    dir = Files.createTempDirectory("geoscope-appeals-bench");
    store = AppealStore.embedded(dir.resolve("appeals.db"));
    Instant now = Instant.now();
    verified = new String[ACCOUNTS];
    absent = new String[ACCOUNTS];
    for (int i = 0; i < ACCOUNTS; i++) {
      verified[i] = "acct-v" + i;
      absent[i] = "acct-a" + i;
      Appeal a = store.file(new AppealRequest(verified[i], Jurisdiction.of("UA-43"),
          Jurisdiction.of("UA-30"), Set.of(VerificationKind.PROOF_OF_ADDRESS), verified[i],
          now, "bench"));
      store.approve(a.id(), new Review("rev-bench", "bench", now, "bench"),
          now.plus(Duration.ofDays(365)));
    }
    byIp = Evidence.of(Jurisdiction.of("UA-43"), LocationSource.IP_GEOLOCATION, "bench");
    // Long refresh so the measured reads are hits, not background reloads.
    locations = VerifiedLocations.builder(store).refreshAfter(Duration.ofHours(1))
        .serveStaleFor(Duration.ofHours(2)).build();
    for (int i = 0; i < ACCOUNTS; i++) {
      if (locations.evidenceFor(verified[i], byIp).source() != LocationSource.VERIFIED
          || locations.evidenceFor(absent[i], byIp) != byIp) {
        throw new IllegalStateException("warm-up did not load account " + i);
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    store.close();
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  @Benchmark
  public Evidence verifiedHit() {
    int i = next++ & (ACCOUNTS - 1);
    return locations.evidenceFor(verified[i], byIp);
  }

  @Benchmark
  public Evidence absentHit() {
    int i = next++ & (ACCOUNTS - 1);
    return locations.evidenceFor(absent[i], byIp);
  }
}
