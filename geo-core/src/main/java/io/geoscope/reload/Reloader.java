package io.geoscope.reload;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The reload machinery shared by everything Geoscope keeps in service: it remembers the source
 * file, runs the owner's load-and-swap action on {@link #reload()}, skips it in {@link
 * #reloadIfChanged()} when the file's size and modification time are those of the last accepted
 * load, counts accepted and refused reloads, remembers the last success, tells listeners, and can
 * refresh on a schedule until {@link #close()}.
 *
 * <p>The action must be whole or nothing (load, check, then swap) and throw on refusal; this
 * class never half-applies anything itself. Thread-safe: reloads are serialized; counters are read
 * without blocking.
 *
 * @param <E> the checked exception the action throws on refusal
 */
public final class Reloader<E extends Exception> implements AutoCloseable {
  /** The owner's load-and-swap: returns a description of what is now in service. */
  @FunctionalInterface
  public interface Action<E extends Exception> {
    /** Loads {@code source} and swaps it into service, or throws leaving the old in service. */
    String load(Path source) throws E, IOException;
  }

  private final Path source;
  private final Action<E> action;
  private final Clock clock;
  private final List<ReloadListener> listeners = new CopyOnWriteArrayList<>();
  private volatile long reloads;
  private volatile long refusals;
  private volatile @Nullable Instant lastSuccess;
  private volatile @Nullable Instant lastAttempt;
  private @Nullable Object fingerprint;
  private @Nullable ScheduledFuture<?> schedule;
  private @Nullable ScheduledExecutorService ownExecutor;

  private Reloader(Path source, Action<E> action, Clock clock, @Nullable Object fingerprint) {
    this.source = source;
    this.action = action;
    this.clock = clock;
    this.fingerprint = fingerprint;
  }

  /**
   * A reloader for {@code source}, whose content was just loaded (at {@code clock.instant()}) by
   * the owner.
   */
  public static <E extends Exception> Reloader<E> of(Path source, Action<E> action, Clock clock) {
    requireNonNull(source, "source");
    requireNonNull(action, "action");
    requireNonNull(clock, "clock");
    Reloader<E> r = new Reloader<>(source, action, clock, fingerprintOf(source));
    r.lastSuccess = clock.instant();
    return r;
  }

  private static @Nullable Object fingerprintOf(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return List.of(a.size(), a.lastModifiedTime(), String.valueOf(a.fileKey()));
    } catch (IOException e) {
      return null; // unreadable now: a later reload will say why
    }
  }

  /** The remembered source. */
  public Path source() {
    return source;
  }

  /** Adds a listener for every later reload attempt. */
  public void addListener(ReloadListener listener) {
    listeners.add(requireNonNull(listener, "listener"));
  }

  /**
   * Loads the source again and swaps it in; on refusal the old content stays, the refusal is
   * counted and the failure thrown.
   *
   * @return what is now in service, as the action describes it
   */
  public synchronized String reload() throws E, IOException {
    Object seen = fingerprintOf(source);
    String described;
    try {
      described = action.load(source);
    } catch (Exception e) {
      refusals++;
      lastAttempt = clock.instant();
      tell(new ReloadEvent(lastAttempt, source, false, String.valueOf(e.getMessage())));
      throw e;
    }
    fingerprint = seen;
    reloads++;
    Instant now = clock.instant();
    lastAttempt = now;
    lastSuccess = now;
    tell(new ReloadEvent(now, source, true, described));
    return described;
  }

  /**
   * Reloads only if the file's size, modification time or identity differ from the last accepted
   * load (or could not be read then).
   *
   * @return true if a reload was attempted and accepted, false if the file is unchanged
   */
  public synchronized boolean reloadIfChanged() throws E, IOException {
    Object now = fingerprintOf(source);
    if (now != null && now.equals(fingerprint)) {
      return false;
    }
    reload();
    return true;
  }

  private void tell(ReloadEvent event) {
    for (ReloadListener l : listeners) {
      try {
        l.onReload(event);
      } catch (RuntimeException ignored) {
        // A listener's failure never undoes a reload.
      }
    }
  }

  /**
   * Calls {@link #reloadIfChanged()} every {@code period} on {@code executor} (first after one
   * period), until {@link #close()}; a refusal is counted and heard by listeners, and the next run
   * tries again. The executor stays the caller's: close cancels the task only.
   *
   * @throws IllegalStateException if a refresh is already scheduled
   * @throws IllegalArgumentException if {@code period} is not positive
   */
  public synchronized void refreshEvery(Duration period, ScheduledExecutorService executor) {
    requireNonNull(period, "period");
    requireNonNull(executor, "executor");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("refresh period " + period + " must be positive");
    }
    if (schedule != null) {
      throw new IllegalStateException("a refresh is already scheduled for " + source);
    }
    long nanos = period.toNanos();
    schedule = executor.scheduleWithFixedDelay(this::refreshQuietly, nanos, nanos,
        TimeUnit.NANOSECONDS);
  }

  /**
   * Calls {@link #reloadIfChanged()} every {@code period} on a daemon thread this reloader owns
   * and stops in {@link #close()}.
   */
  public synchronized void refreshEvery(Duration period) {
    ScheduledExecutorService own = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread t = new Thread(task, "geoscope-refresh " + source.getFileName());
      t.setDaemon(true);
      return t;
    });
    try {
      refreshEvery(period, own);
    } catch (RuntimeException e) {
      own.shutdownNow();
      throw e;
    }
    ownExecutor = own;
  }

  private void refreshQuietly() {
    try {
      reloadIfChanged();
    } catch (Exception refused) {
      // Counted and heard in reload(); the content in service stays and the next run tries again.
    }
  }

  /** Stops the scheduled refresh, if any (and the thread this reloader started for it). */
  @Override
  public synchronized void close() {
    ScheduledFuture<?> s = schedule;
    if (s != null) {
      s.cancel(false);
      schedule = null;
    }
    ScheduledExecutorService own = ownExecutor;
    if (own != null) {
      own.shutdownNow();
      ownExecutor = null;
    }
  }

  /** Whether a scheduled refresh is running. */
  public synchronized boolean refreshing() {
    return schedule != null;
  }

  /** Reloads that put new content in service. */
  public long reloads() {
    return reloads;
  }

  /** Reloads refused, leaving the previous content in service. */
  public long refusals() {
    return refusals;
  }

  /** When content was last put in service (the initial load counts). */
  public Instant lastSuccess() {
    Instant s = lastSuccess;
    return s == null ? Instant.EPOCH : s;
  }
}
