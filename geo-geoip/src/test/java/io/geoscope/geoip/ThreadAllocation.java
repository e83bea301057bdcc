package io.geoscope.geoip;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the current thread, from the JVM's per-thread allocation counter; the test
 * is skipped (not passed) on a JVM without one. No timing.
 */
final class ThreadAllocation {
  private final com.sun.management.ThreadMXBean threads;

  private ThreadAllocation(com.sun.management.ThreadMXBean threads) {
    this.threads = threads;
  }

  /** The counter, or the test skipped with the reason. */
  static ThreadAllocation counter() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
        "this JVM has no com.sun.management.ThreadMXBean to count allocated bytes");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
        "thread allocation accounting is not enabled on this JVM");
    return new ThreadAllocation(threads);
  }

  /** Bytes this thread has allocated so far. */
  long bytes() {
    return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
  }
}
