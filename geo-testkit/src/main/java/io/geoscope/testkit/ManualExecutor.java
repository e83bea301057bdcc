package io.geoscope.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An executor for testing scheduled refreshes without waiting: it records every task given to
 * {@link #scheduleWithFixedDelay}, so a test runs a refresh by hand, when it chooses, and sees
 * whether closing the refreshing object cancelled it. The real schedule is kept too (a refresh
 * period of a day never fires during a test).
 *
 * <pre>{@code
 * ManualExecutor executor = new ManualExecutor();
 * livePolicy.refreshEvery(Duration.ofDays(1), executor);
 * Files.writeString(file, newPolicy);
 * executor.scheduled().get(0).run();   // the refresh, now
 * livePolicy.close();
 * assertThat(executor.futures().get(0).isCancelled()).isTrue();
 * executor.shutdownNow();
 * }</pre>
 *
 * <p>Thread-safe as an executor; the recorded lists are meant to be read by the test thread that
 * scheduled the tasks. Shut it down when the test ends.
 */
public final class ManualExecutor extends ScheduledThreadPoolExecutor {
  private final List<Runnable> scheduled = Collections.synchronizedList(new ArrayList<>());
  private final List<ScheduledFuture<?>> futures = Collections.synchronizedList(new ArrayList<>());

  /** An executor with one thread for the real schedule. */
  public ManualExecutor() {
    super(1);
  }

  /** Records {@code command} and its future, then schedules it as usual. */
  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    scheduled.add(command);
    ScheduledFuture<?> future = super.scheduleWithFixedDelay(command, initialDelay, delay, unit);
    futures.add(future);
    return future;
  }

  /** The tasks scheduled with a fixed delay so far, in order; run one to refresh now. */
  public List<Runnable> scheduled() {
    return List.copyOf(scheduled);
  }

  /** The futures of {@link #scheduled()}, in the same order; cancelled once the owner closes. */
  public List<ScheduledFuture<?>> futures() {
    return List.copyOf(futures);
  }
}
