package io.geoscope.event;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.DecisionEvent;
import io.geoscope.core.Outcome;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Counts of decisions over a time window {@code [from, to)}: by outcome, by jurisdiction and
 * outcome, by applied rule, by shadow rule and by legal basis (citation). The kind of figures a
 * provider publishes in a transparency report: it holds no participant id and no address, only
 * counts.
 *
 * <p>A decision counts once in {@link #total()}, once for its outcome and jurisdiction, and once
 * for each distinct rule and citation it applied. Jurisdictions are codes such as {@code CN},
 * {@code US-CA} or {@code unknown:anonymizer}.
 *
 * <p>Build one from events with {@link #of}, or from a running {@link TransparencyCollector}.
 * Instances are immutable and thread-safe; equality is by window and counts.
 */
public final class TransparencyReport {
  private final Instant from;
  private final Instant to;
  private final long total;
  private final Map<Outcome, Long> byOutcome;
  private final Map<String, Map<Outcome, Long>> byJurisdiction;
  private final Map<String, Long> byRule;
  private final Map<String, Long> byShadowRule;
  private final Map<String, Long> byCitation;

  private TransparencyReport(Instant from, Instant to, Tally tally) {
    this.from = from;
    this.to = to;
    this.total = tally.total;
    this.byOutcome = Collections.unmodifiableMap(new EnumMap<>(tally.byOutcome));
    Map<String, Map<Outcome, Long>> j = new TreeMap<>();
    tally.byJurisdiction.forEach(
        (k, v) -> j.put(k, Collections.unmodifiableMap(new EnumMap<>(v))));
    this.byJurisdiction = Collections.unmodifiableMap(j);
    this.byRule = Collections.unmodifiableMap(new TreeMap<>(tally.byRule));
    this.byShadowRule = Collections.unmodifiableMap(new TreeMap<>(tally.byShadowRule));
    this.byCitation = Collections.unmodifiableMap(new TreeMap<>(tally.byCitation));
  }

  /**
   * The report of the {@code events} whose instant lies in {@code [from, to)}.
   *
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public static TransparencyReport of(Iterable<DecisionEvent> events, Instant from, Instant to) {
    requireNonNull(events, "events");
    checkWindow(from, to);
    Tally tally = new Tally();
    for (DecisionEvent e : events) {
      if (!e.at().isBefore(from) && e.at().isBefore(to)) {
        tally.add(e.jurisdiction().code(), e.outcome(), e.ruleIds(), e.citations(),
            e.shadowRuleIds(), 1);
      }
    }
    return new TransparencyReport(from, to, tally);
  }

  static TransparencyReport of(Instant from, Instant to, Tally tally) {
    return new TransparencyReport(from, to, tally);
  }

  static void checkWindow(Instant from, Instant to) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("window end " + to + " is before its start " + from);
    }
  }

  /** The window's start, inclusive. */
  public Instant from() {
    return from;
  }

  /** The window's end, exclusive. */
  public Instant to() {
    return to;
  }

  /** Decisions in the window. */
  public long total() {
    return total;
  }

  /** Decisions by outcome; outcomes that never occurred are absent. */
  public Map<Outcome, Long> byOutcome() {
    return byOutcome;
  }

  /** Decisions by jurisdiction code, then outcome, sorted by code. */
  public Map<String, Map<Outcome, Long>> byJurisdiction() {
    return byJurisdiction;
  }

  /** Decisions each enforced rule applied to, by rule id. */
  public Map<String, Long> byRule() {
    return byRule;
  }

  /** Decisions each shadow rule matched (without effect), by rule id. */
  public Map<String, Long> byShadowRule() {
    return byShadowRule;
  }

  /** Decisions each legal basis applied to, by citation. */
  public Map<String, Long> byCitation() {
    return byCitation;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransparencyReport r
        && from.equals(r.from) && to.equals(r.to) && total == r.total
        && byOutcome.equals(r.byOutcome) && byJurisdiction.equals(r.byJurisdiction)
        && byRule.equals(r.byRule) && byShadowRule.equals(r.byShadowRule)
        && byCitation.equals(r.byCitation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to, total, byOutcome, byJurisdiction, byRule, byShadowRule, byCitation);
  }

  @Override
  public String toString() {
    return "TransparencyReport[" + from + ", " + to + ", total=" + total + "]";
  }

  /** Mutable counts being added up. Not thread-safe. */
  static final class Tally {
    long total;
    final Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
    final Map<String, Map<Outcome, Long>> byJurisdiction = new TreeMap<>();
    final Map<String, Long> byRule = new TreeMap<>();
    final Map<String, Long> byShadowRule = new TreeMap<>();
    final Map<String, Long> byCitation = new TreeMap<>();

    void add(String jurisdiction, Outcome outcome, List<String> rules, List<String> citations,
        List<String> shadowRules, long n) {
      total += n;
      byOutcome.merge(outcome, n, Long::sum);
      byJurisdiction.computeIfAbsent(jurisdiction, k -> new EnumMap<>(Outcome.class))
          .merge(outcome, n, Long::sum);
      for (String r : new LinkedHashSet<>(rules)) {
        byRule.merge(r, n, Long::sum);
      }
      for (String r : new LinkedHashSet<>(shadowRules)) {
        byShadowRule.merge(r, n, Long::sum);
      }
      for (String c : new LinkedHashSet<>(citations)) {
        byCitation.merge(c, n, Long::sum);
      }
    }
  }
}
