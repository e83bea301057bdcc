package io.geoscope.micrometer;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.DecisionEvent;
import io.geoscope.core.DecisionListener;
import io.geoscope.core.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts decisions in a Micrometer registry as {@value #METER} with tags {@code outcome} ({@code
 * admit}, {@code admit-limited}, {@code deny}) and {@code rule}: the ids of the rules the decision
 * applied, joined with {@code +} in the engine's order, or {@code none}. Each decision increments
 * exactly one counter, so the counters sum to the number of decisions; the {@code rule} tag's
 * values are bounded by the rule combinations a policy can produce.
 *
 * <pre>{@code
 * DecisionEngine engine = DecisionEngine.builder(policy)
 *     .listener(DecisionMetrics.of(meterRegistry))
 *     .build();
 * }</pre>
 *
 * <p>Tags hold no participant id, jurisdiction below the rule level, or address. Thread-safe:
 * counters are looked up once per (outcome, rules) and cached.
 */
public final class DecisionMetrics implements DecisionListener {
  /** The meter's name. */
  public static final String METER = "geoscope.decisions";

  private final MeterRegistry registry;
  private final ConcurrentMap<Key, Counter> counters = new ConcurrentHashMap<>();

  private record Key(Outcome outcome, List<String> ruleIds) {}

  private DecisionMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A listener counting into {@code registry}. */
  public static DecisionMetrics of(MeterRegistry registry) {
    return new DecisionMetrics(requireNonNull(registry, "registry"));
  }

  @Override
  public void onDecision(DecisionEvent event) {
    counters.computeIfAbsent(new Key(event.outcome(), event.ruleIds()), this::register).increment();
  }

  private Counter register(Key key) {
    return Counter.builder(METER)
        .description("Participant decisions by outcome and applied rules")
        .tag("outcome", key.outcome().code())
        .tag("rule", key.ruleIds().isEmpty() ? "none" : String.join("+", key.ruleIds()))
        .register(registry);
  }
}
