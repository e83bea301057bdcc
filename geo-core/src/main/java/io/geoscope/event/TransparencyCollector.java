package io.geoscope.event;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.AppliedRule;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionListener;
import io.geoscope.core.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link DecisionListener} that counts decisions in time buckets, for {@link
 * TransparencyReport}s over any window aligned to the bucket width. It keeps counts only: no
 * participant id, no event.
 *
 * <pre>{@code
 * TransparencyCollector collector = TransparencyCollector.create();
 * DecisionEngine engine = DecisionEngine.builder(policy).listener(collector).build();
 * // ... later
 * TransparencyReport lastHour = collector.report(hourStart, hourStart.plus(Duration.ofHours(1)));
 * }</pre>
 *
 * <p>Memory grows with the number of buckets times the distinct decisions in each; call {@link #discardBefore(Instant)} to drop what has been reported.
 *
 * <p>Thread-safe: {@link #onDecision} may be called from any number of deciding threads at once,
 * without locks and, for a decision already seen in the current bucket, without allocating (it
 * counts by the prebuilt decision's identity, see {@link DecisionTable}); a report taken meanwhile
 * sees each decision either wholly or not at all.
 */
public final class TransparencyCollector implements DecisionListener {
  private final long resolutionMillis;
  private final ConcurrentMap<Long, DecisionTable<LongAdder>> buckets = new ConcurrentHashMap<>();
  /** The latest bucket, for the hot path: a decision in it is counted without any map lookup. */
  private volatile Current current = new Current(Long.MIN_VALUE, newBucket());

  private record Current(long bucket, DecisionTable<LongAdder> counts) {}

  private TransparencyCollector(long resolutionMillis) {
    this.resolutionMillis = resolutionMillis;
  }

  private static DecisionTable<LongAdder> newBucket() {
    return DecisionTable.computing(d -> new LongAdder());
  }

  /** A collector with one-minute buckets. */
  public static TransparencyCollector create() {
    return withResolution(Duration.ofMinutes(1));
  }

  /**
   * A collector with buckets of {@code resolution}; report windows must be aligned to it.
   *
   * @throws IllegalArgumentException if {@code resolution} is under a millisecond or does not
   *     divide a day evenly
   */
  public static TransparencyCollector withResolution(Duration resolution) {
    requireNonNull(resolution, "resolution");
    long millis = resolution.toMillis();
    if (millis < 1 || Duration.ofDays(1).toMillis() % millis != 0) {
      throw new IllegalArgumentException(
          "resolution " + resolution + " must be at least 1ms and divide a day evenly");
    }
    return new TransparencyCollector(millis);
  }

  /**
   * Counts the decision. For a decision the collector has seen in the current bucket this is a
   * table read and an adder increment: no allocation, no lock. Never throws.
   */
  @Override
  public void onDecision(Instant at, String participantId, Role role, Decision decision) {
    long bucket = Math.floorDiv(at.toEpochMilli(), resolutionMillis);
    Current c = current;
    DecisionTable<LongAdder> counts = c.bucket == bucket ? c.counts : bucket(bucket);
    counts.get(decision).increment();
  }

  /** A new bucket, or a late decision for an older one: the cold path. */
  private DecisionTable<LongAdder> bucket(long bucket) {
    DecisionTable<LongAdder> counts =
        buckets.computeIfAbsent(bucket, b -> newBucket());
    synchronized (this) {
      if (bucket > current.bucket) {
        current = new Current(bucket, counts);
      }
    }
    return counts;
  }

  /**
   * The report for {@code [from, to)}.
   *
   * @throws IllegalArgumentException if {@code to} is before {@code from}, or either is not a
   *     multiple of the resolution since the epoch (counts inside a bucket cannot be split)
   */
  public TransparencyReport report(Instant from, Instant to) {
    TransparencyReport.checkWindow(from, to);
    long first = bucketOf(from, "from");
    long end = bucketOf(to, "to");
    TransparencyReport.Tally tally = new TransparencyReport.Tally();
    for (Map.Entry<Long, DecisionTable<LongAdder>> b : buckets.entrySet()) {
      long bucket = b.getKey();
      if (bucket < first || bucket >= end) {
        continue;
      }
      b.getValue().forEach((d, count) -> {
        long n = count.sum();
        if (n > 0) {
          tally.add(d.jurisdiction().code(), d.outcome(), ids(d.applied()), citations(d.applied()),
              ids(d.shadowed()), n);
        }
      });
    }
    return TransparencyReport.of(from, to, tally);
  }

  /** Drops the counts of every bucket that ends at or before {@code instant}. */
  public void discardBefore(Instant instant) {
    long limit = Math.floorDiv(instant.toEpochMilli(), resolutionMillis);
    buckets.keySet().removeIf(b -> b < limit);
  }

  private static List<String> ids(List<AppliedRule> rules) {
    return rules.stream().map(AppliedRule::ruleId).toList();
  }

  private static List<String> citations(List<AppliedRule> rules) {
    return rules.stream().map(AppliedRule::citation).toList();
  }

  @SuppressWarnings("JavaInstantGetSecondsGetNano") // sub-millisecond part, on purpose
  private long bucketOf(Instant instant, String name) {
    long millis = instant.toEpochMilli();
    if (Math.floorMod(millis, resolutionMillis) != 0 || instant.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException(
          name + " " + instant + " is not aligned to the collector's resolution of "
              + Duration.ofMillis(resolutionMillis));
    }
    return Math.floorDiv(millis, resolutionMillis);
  }
}
