package io.geoscope.event;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.DecisionEvent;
import io.geoscope.core.DecisionListener;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>Memory grows with the number of buckets times the distinct (jurisdiction, outcome, rules)
 * combinations in each; call {@link #discardBefore(Instant)} to drop what has been reported.
 *
 * <p>Thread-safe: {@link #onDecision} may be called from any number of deciding threads at once,
 * without locks; a report taken meanwhile sees each event either wholly or not at all.
 */
public final class TransparencyCollector implements DecisionListener {
  private final long resolutionMillis;
  private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

  private record Key(
      long bucket,
      Jurisdiction jurisdiction,
      Outcome outcome,
      List<String> ruleIds,
      List<String> citations,
      List<String> shadowRuleIds) {}

  private TransparencyCollector(long resolutionMillis) {
    this.resolutionMillis = resolutionMillis;
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

  /** Counts the event. Never throws for a well-formed event. */
  @Override
  public void onDecision(DecisionEvent event) {
    Key key =
        new Key(
            Math.floorDiv(event.at().toEpochMilli(), resolutionMillis),
            event.jurisdiction(),
            event.outcome(),
            event.ruleIds(),
            event.citations(),
            event.shadowRuleIds());
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
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
    for (Map.Entry<Key, LongAdder> e : counts.entrySet()) {
      Key k = e.getKey();
      long n = e.getValue().sum();
      if (k.bucket() >= first && k.bucket() < end && n > 0) {
        tally.add(k.jurisdiction().code(), k.outcome(), k.ruleIds(), k.citations(),
            k.shadowRuleIds(), n);
      }
    }
    return TransparencyReport.of(from, to, tally);
  }

  /** Drops the counts of every bucket that ends at or before {@code instant}. */
  public void discardBefore(Instant instant) {
    long limit = Math.floorDiv(instant.toEpochMilli(), resolutionMillis);
    counts.keySet().removeIf(k -> k.bucket() < limit);
  }

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
