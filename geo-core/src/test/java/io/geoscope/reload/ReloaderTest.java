package io.geoscope.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared reload machinery, driven by hand: a fixed clock, a captured schedule, no sleeps. */
class ReloaderTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-04T08:00:00Z"),
      ZoneOffset.UTC);

  /** Loads the file's text into service unless it says "refuse". */
  static final class Service {
    final AtomicReference<String> inService = new AtomicReference<>("");

    String load(Path p) throws IOException {
      String text = Files.readString(p);
      if (text.contains("refuse")) {
        throw new IOException("refused: " + text);
      }
      inService.set(text);
      return "in service: " + text;
    }
  }

  static final class ManualExecutor extends ScheduledThreadPoolExecutor {
    final List<Runnable> tasks = new ArrayList<>();
    final List<ScheduledFuture<?>> futures = new ArrayList<>();

    ManualExecutor() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(
        Runnable command, long initialDelay, long delay, TimeUnit unit) {
      tasks.add(command);
      ScheduledFuture<?> f = super.scheduleWithFixedDelay(command, initialDelay, delay, unit);
      futures.add(f);
      return f;
    }
  }

  @Test
  void onlyAChangedFileIsReloadedAndEveryAttemptIsCountedAndHeard(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("source.txt");
    Files.writeString(file, "one");
    Service service = new Service();
    service.load(file);
    Reloader<IOException> r = Reloader.of(file, service::load, CLOCK);
    List<ReloadEvent> heard = new ArrayList<>();
    r.addListener(heard::add);
    r.addListener(e -> {
      throw new IllegalStateException("a broken listener never undoes a reload");
    });

    assertThat(r.source()).isEqualTo(file);
    assertThat(r.reloadIfChanged()).isFalse();
    Files.writeString(file, "two, longer");
    assertThat(r.reloadIfChanged()).isTrue();
    assertThat(service.inService.get()).isEqualTo("two, longer");
    Files.writeString(file, "refuse this one");
    assertThatThrownBy(r::reloadIfChanged).isInstanceOf(IOException.class);
    assertThat(service.inService.get()).isEqualTo("two, longer");
    assertThatThrownBy(r::reload).isInstanceOf(IOException.class);

    assertThat(r.reloads()).isEqualTo(1);
    assertThat(r.refusals()).isEqualTo(2);
    assertThat(r.lastSuccess()).isEqualTo(CLOCK.instant());
    assertThat(heard).extracting(ReloadEvent::accepted).containsExactly(true, false, false);
    assertThat(heard.get(0).detail()).isEqualTo("in service: two, longer");
    assertThat(heard.get(1).detail()).contains("refused");
  }

  @Test
  void aScheduleRunsReloadIfChangedUntilCloseAndSwallowsRefusals(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("source.txt");
    Files.writeString(file, "one");
    Service service = new Service();
    Reloader<IOException> r = Reloader.of(file, service::load, CLOCK);
    ManualExecutor executor = new ManualExecutor();
    try {
      assertThatThrownBy(() -> r.refreshEvery(Duration.ZERO, executor))
          .isInstanceOf(IllegalArgumentException.class);
      r.refreshEvery(Duration.ofDays(1), executor);
      assertThat(r.refreshing()).isTrue();
      assertThatThrownBy(() -> r.refreshEvery(Duration.ofDays(1), executor))
          .isInstanceOf(IllegalStateException.class);
      Runnable run = executor.tasks.get(0);
      run.run();
      assertThat(r.reloads()).isZero();
      Files.writeString(file, "refuse me");
      run.run();
      assertThat(r.refusals()).isEqualTo(1);
      Files.writeString(file, "three, accepted");
      run.run();
      assertThat(service.inService.get()).isEqualTo("three, accepted");
      r.close();
      assertThat(r.refreshing()).isFalse();
      assertThat(executor.futures.get(0).isCancelled()).isTrue();
      assertThat(executor.isShutdown()).isFalse();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void anOwnedRefreshThreadIsStoppedByClose(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("source.txt");
    Files.writeString(file, "one");
    Reloader<IOException> r = Reloader.of(file, new Service()::load, CLOCK);
    r.refreshEvery(Duration.ofDays(1));
    assertThat(r.refreshing()).isTrue();
    assertThatThrownBy(() -> r.refreshEvery(Duration.ofDays(1)))
        .isInstanceOf(IllegalStateException.class);
    r.close();
    assertThat(r.refreshing()).isFalse();
    r.close();
  }

  @Test
  void aMissingFileIsAlwaysTriedAgain(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("absent.txt");
    Reloader<IOException> r = Reloader.of(file, new Service()::load, CLOCK);
    assertThatThrownBy(r::reloadIfChanged).isInstanceOf(IOException.class);
    assertThat(r.refusals()).isEqualTo(1);
  }
}
