package io.geoscope.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ManualExecutorTest {

  @Test
  void aScheduledTaskIsRecordedRunsByHandAndItsFutureShowsCancellation() {
    ManualExecutor executor = new ManualExecutor();
    try {
      AtomicInteger runs = new AtomicInteger();
      executor.scheduleWithFixedDelay(runs::incrementAndGet, 1, 1, TimeUnit.DAYS);

      assertThat(executor.scheduled()).hasSize(1);
      assertThat(runs).hasValue(0);
      executor.scheduled().get(0).run();
      executor.scheduled().get(0).run();
      assertThat(runs).hasValue(2);
      assertThat(executor.futures().get(0).isCancelled()).isFalse();
      executor.futures().get(0).cancel(false);
      assertThat(executor.futures().get(0).isCancelled()).isTrue();
    } finally {
      executor.shutdownNow();
    }
  }
}
