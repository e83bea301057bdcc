package io.geoscope.micrometer;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.AppliedRule;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.DecisionListener;
import io.geoscope.core.Role;
import io.geoscope.event.DecisionTable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.StringJoiner;

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
 * the counter for a prebuilt decision is found by the decision's identity (see {@link
 * DecisionTable}), so counting a decision seen before allocates nothing and takes no lock; the
 * registry is consulted once per distinct decision.
 *
 * <p>{@link #listenerFailures(DecisionEngine, MeterRegistry)} exposes an engine's count of
 * listener failures as the gauge {@value #FAILURES}.
 */
public final class DecisionMetrics implements DecisionListener {
  /** The meter's name. */
  public static final String METER = "geoscope.decisions";

  /** The listener-failure meter's name. */
  public static final String FAILURES = "geoscope.listener.failures";

  private final MeterRegistry registry;
  private final DecisionTable<Counter> counters = DecisionTable.computing(this::register);

  private DecisionMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A listener counting into {@code registry}. */
  public static DecisionMetrics of(MeterRegistry registry) {
    return new DecisionMetrics(requireNonNull(registry, "registry"));
  }

  /**
   * Registers {@code engine}'s {@link DecisionEngine#listenerFailures()} in {@code registry} as
   * the function counter {@value #FAILURES}; the registry holds the engine weakly.
   */
  public static void listenerFailures(DecisionEngine engine, MeterRegistry registry) {
    requireNonNull(engine, "engine");
    FunctionCounter.builder(FAILURES, engine, DecisionEngine::listenerFailures)
        .description("Exceptions thrown by decision listeners (decisions were unaffected)")
        .register(requireNonNull(registry, "registry"));
  }

  @Override
  public void onDecision(Instant at, String participantId, Role role, Decision decision) {
    counters.get(decision).increment();
  }

  private Counter register(Decision decision) {
    StringJoiner rules = new StringJoiner("+");
    for (AppliedRule a : decision.applied()) {
      rules.add(a.ruleId());
    }
    return Counter.builder(METER)
        .description("Participant decisions by outcome and applied rules")
        .tag("outcome", decision.outcome().code())
        .tag("rule", decision.applied().isEmpty() ? "none" : rules.toString())
        .register(registry);
  }
}
