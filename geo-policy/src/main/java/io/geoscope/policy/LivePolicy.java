package io.geoscope.policy;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Policy;
import java.io.IOException;
import io.geoscope.reload.ReloadListener;
import io.geoscope.reload.Reloader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
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
 * } catch (PolicyFileException e) {
 *   // e.problems() name file, line and column; the previous policy is still deciding
 * }
 * }</pre>
 *
 * <p>The reload shape is the one {@code GeoResolver} has too ({@link Reloader}): the file is
 * remembered, {@link #reloadIfChanged()} skips an unchanged file, {@link #refreshEvery(Duration,
 * ScheduledExecutorService)} checks on a schedule until {@link #close()}, and {@link #reloads()},
 * {@link #refusals()}, {@link #lastSuccess()} and {@link #addReloadListener} report.
 *
 * <p>Thread-safe: {@link #engine()} is one volatile read and never blocks; reloads are serialized.
 * A decision already running finishes on the engine it started with.
 */
public final class LivePolicy implements AutoCloseable {
  private final Path file;
  private final Function<Policy, DecisionEngine> engines;
  private volatile DecisionEngine engine;
  private final Reloader<PolicyFileException> reloader;

  private LivePolicy(
      Path file, Function<Policy, DecisionEngine> engines, DecisionEngine engine, Clock clock) {
    this.file = file;
    this.engines = engines;
    this.engine = engine;
    this.reloader = Reloader.of(file, this::swap, clock);
  }

  private String swap(Path source) throws IOException, PolicyFileException {
    DecisionEngine next = build(engines, PolicyFiles.load(source));
    engine = next;
    return "policy version " + next.policy().version();
  }

  /**
   * Loads {@code file} with {@link PolicyFiles#load(Path)} and builds its engine with {@code
   * engines} (for example {@code p -> DecisionEngine.builder(p).clock(clock).build()}), which is
   * used again for every reload.
   *
   * @throws IOException if the file cannot be read
   * @throws PolicyFileException listing every problem in the file
   */
  public static LivePolicy load(Path file, Function<Policy, DecisionEngine> engines)
      throws IOException, PolicyFileException {
    requireNonNull(file, "file");
    requireNonNull(engines, "engines");
    return load(file, engines, Clock.systemUTC());
  }

  /** As {@link #load(Path, Function)}, with the clock that times reloads (for tests). */
  public static LivePolicy load(Path file, Function<Policy, DecisionEngine> engines, Clock clock)
      throws IOException, PolicyFileException {
    requireNonNull(file, "file");
    requireNonNull(engines, "engines");
    requireNonNull(clock, "clock");
    return new LivePolicy(file, engines, build(engines, PolicyFiles.load(file)), clock);
  }

  /** Loads {@code file} into an engine with the default clock (UTC) and no listener. */
  public static LivePolicy load(Path file) throws IOException, PolicyFileException {
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
   * @throws PolicyFileException listing every problem in the file
   */
  public Policy reload() throws IOException, PolicyFileException {
    reloader.reload();
    return engine.policy();
  }

  /**
   * Reloads only if the file changed (size, modification time or identity) since the last
   * accepted load.
   *
   * @return true if a new policy went into service
   * @throws IOException if the changed file cannot be read
   * @throws PolicyFileException listing every problem in the changed file
   */
  public boolean reloadIfChanged() throws IOException, PolicyFileException {
    return reloader.reloadIfChanged();
  }

  /**
   * Checks the file every {@code period} on {@code executor} and reloads it when it changed, until
   * {@link #close()}; refusals are counted and heard by reload listeners.
   */
  public void refreshEvery(Duration period, ScheduledExecutorService executor) {
    reloader.refreshEvery(period, executor);
  }

  /** As {@link #refreshEvery(Duration, ScheduledExecutorService)}, on a daemon thread of its own. */
  public void refreshEvery(Duration period) {
    reloader.refreshEvery(period);
  }

  /** Adds a listener for every later reload attempt, accepted or refused. */
  public void addReloadListener(ReloadListener listener) {
    reloader.addListener(listener);
  }

  /** Stops the scheduled refresh, if any. The engine in service keeps deciding. */
  @Override
  public void close() {
    reloader.close();
  }

  /** How many reloads put a policy in service. */
  public long reloads() {
    return reloader.reloads();
  }

  /** How many reloads were refused, leaving the previous policy in service. */
  public long refusals() {
    return reloader.refusals();
  }

  /** When a policy was last put in service (the initial load counts). */
  public Instant lastSuccess() {
    return reloader.lastSuccess();
  }
}
