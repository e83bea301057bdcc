package io.geoscope.policy;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Policy;
import io.geoscope.core.PolicyValidationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A policy file in service: the {@link DecisionEngine} built from it, and {@link #reload()} to
 * replace it while decisions run. A reload is whole or nothing: the new file is read, validated
 * and compiled into a new engine first, and only then swapped in; if any step fails the engine in
 * service stays and the failure is thrown.
 *
 * <pre>{@code
 * LivePolicy live = LivePolicy.load(Path.of("policy.yaml"),
 *     policy -> DecisionEngine.builder(policy).listener(collector).build());
 * // on every join:
 * Decision d = live.engine().decide(participant, meeting);
 * // when the file changes (a file watcher, an admin endpoint...):
 * try {
 *   live.reload();
 * } catch (PolicyValidationException e) {
 *   // e.problems() name file, line and column; the previous policy is still deciding
 * }
 * }</pre>
 *
 * <p>Thread-safe: {@link #engine()} is one volatile read and never blocks; reloads are serialized.
 * A decision already running finishes on the engine it started with.
 */
public final class LivePolicy {
  private final Path file;
  private final Function<Policy, DecisionEngine> engines;
  private volatile DecisionEngine engine;
  private long reloads;
  private long refusals;

  private LivePolicy(Path file, Function<Policy, DecisionEngine> engines, DecisionEngine engine) {
    this.file = file;
    this.engines = engines;
    this.engine = engine;
  }

  /**
   * Loads {@code file} with {@link PolicyFiles#load(Path)} and builds its engine with {@code
   * engines} (for example {@code p -> DecisionEngine.builder(p).clock(clock).build()}), which is
   * used again for every reload.
   *
   * @throws IOException if the file cannot be read
   * @throws PolicyValidationException listing every problem in the file
   */
  public static LivePolicy load(Path file, Function<Policy, DecisionEngine> engines)
      throws IOException, PolicyValidationException {
    requireNonNull(file, "file");
    requireNonNull(engines, "engines");
    return new LivePolicy(file, engines, build(engines, PolicyFiles.load(file)));
  }

  /** Loads {@code file} into an engine with the default clock (UTC) and no listener. */
  public static LivePolicy load(Path file) throws IOException, PolicyValidationException {
    return load(file, policy -> DecisionEngine.builder(policy).build());
  }

  private static DecisionEngine build(Function<Policy, DecisionEngine> engines, Policy policy) {
    DecisionEngine built = engines.apply(policy);
    if (built == null || !built.policy().equals(policy)) {
      throw new IllegalStateException(
          "the engine factory must build an engine over the policy it is given");
    }
    return built;
  }

  /** The engine in service. Read it for each decision (or roster) rather than keeping it. */
  public DecisionEngine engine() {
    return engine;
  }

  /** The policy in service. */
  public Policy policy() {
    return engine.policy();
  }

  /** The file this policy is read from. */
  public Path file() {
    return file;
  }

  /**
   * Reads the file again and puts its policy in service. On any failure the policy in service
   * stays and the failure is thrown (and counted in {@link #refusals()}).
   *
   * @return the policy now in service
   * @throws IOException if the file cannot be read
   * @throws PolicyValidationException listing every problem in the file
   */
  public synchronized Policy reload() throws IOException, PolicyValidationException {
    DecisionEngine next;
    try {
      next = build(engines, PolicyFiles.load(file));
    } catch (IOException | PolicyValidationException | RuntimeException e) {
      refusals++;
      throw e;
    }
    engine = next;
    reloads++;
    return next.policy();
  }

  /** How many reloads put a policy in service. */
  public synchronized long reloads() {
    return reloads;
  }

  /** How many reloads were refused, leaving the previous policy in service. */
  public synchronized long refusals() {
    return refusals;
  }
}
