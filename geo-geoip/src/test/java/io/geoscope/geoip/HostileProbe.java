package io.geoscope.geoip;

import io.geoscope.core.Evidence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Run by {@link HostileDatabaseTest} in a child JVM with {@code -Xmx256m}: builds and reloads
 * every {@code *.mmdb} in a directory, printing one line per file, then runs lookups against
 * reloads. Output lines are parsed by the test; anything thrown that is not a DatabaseException
 * (an OutOfMemoryError, a StackOverflowError, a RuntimeException) is printed as an error.
 */
public final class HostileProbe {

  private HostileProbe() {}

  /** {@code HostileProbe <dir> <stress seconds>}; {@code dir/good.mmdb} must be a good file. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    double seconds = Double.parseDouble(args[1]);
    Path good = dir.resolve("good.mmdb");
    System.out.println("MAXHEAP " + Runtime.getRuntime().maxMemory());
    List<Path> hostile = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(p -> p.toString().endsWith(".mmdb") && !p.equals(good)).sorted()
          .forEach(hostile::add);
    }
    GeoResolver resolver = GeoResolver.builder().database(good).build();
    for (Path p : hostile) {
      String name = p.getFileName().toString().replace(".mmdb", "");
      long t0 = System.nanoTime();
      String built = outcome(() -> GeoResolver.builder().database(p).build());
      long t1 = System.nanoTime();
      String reloaded = outcome(() -> {
        resolver.reload(p, true);
        return resolver;
      });
      long t2 = System.nanoTime();
      resolver.reload(good, true);
      System.out.println("FILE " + name + " " + built + " " + (t1 - t0) / 1_000_000 + " "
          + reloaded + " " + (t2 - t1) / 1_000_000);
    }
    stress(resolver, good, hostile, seconds);
  }

  private interface Build {
    GeoResolver run() throws DatabaseException;
  }

  private static String outcome(Build b) {
    try {
      b.run();
      return "ACCEPTED";
    } catch (DatabaseException e) {
      if (e.getMessage().contains("\n")) {
        return "MULTILINE";
      }
      return e.reason().name();
    } catch (Throwable t) {
      return "ERROR:" + t.getClass().getSimpleName();
    }
  }

  /** Two lookup threads and one reloader alternating hostile and good files, for a fixed time. */
  private static void stress(GeoResolver resolver, Path good, List<Path> hostile, double seconds)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong lookups = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong reloads = new AtomicLong();
    AtomicLong refusals = new AtomicLong();
    AtomicLong reloadErrors = new AtomicLong();
    CyclicBarrier start = new CyclicBarrier(4);
    List<Thread> threads = new ArrayList<>();
    String[] addresses = {"81.2.69.160", "64.1.2.3", "200.1.2.3", "2a00::1"};
    for (int t = 0; t < 2; t++) {
      threads.add(new Thread(() -> {
        long n = 0;
        try {
          start.await();
          while (!stop.get()) {
            Evidence e = resolver.resolve(addresses[(int) (n & 3)]);
            if (e == null || e.jurisdiction() == null) {
              errors.incrementAndGet();
            }
            n++;
          }
        } catch (Throwable e) {
          errors.incrementAndGet();
        }
        lookups.addAndGet(n);
      }));
    }
    threads.add(new Thread(() -> {
      try {
        start.await();
        int i = 0;
        while (!stop.get()) {
          Path next = (i & 1) == 0 ? hostile.get((i / 2) % hostile.size()) : good;
          i++;
          try {
            resolver.reload(next, true);
          } catch (DatabaseException e) {
            refusals.incrementAndGet();
          }
          reloads.incrementAndGet();
        }
      } catch (Throwable e) {
        reloadErrors.incrementAndGet();
      }
    }));
    threads.forEach(Thread::start);
    start.await();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
      Thread.yield();
    }
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    System.out.println("STRESS " + lookups.get() + " " + errors.get() + " " + reloads.get() + " "
        + refusals.get() + " " + reloadErrors.get());
  }
}
