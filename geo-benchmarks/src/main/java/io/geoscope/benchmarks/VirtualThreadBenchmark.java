package io.geoscope.benchmarks;

import io.geoscope.core.Jurisdiction;
import io.geoscope.geoip.GeoResolver;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Text resolves on virtual threads (JDK 21+): the resolver keeps no per-thread buffer, so these
 * allocate nothing. Run on JDK 21 or later; the fork sets JMH's virtual-thread executor itself
 * ({@code -Djmh.executor=VIRTUAL}), and the setup refuses to measure on platform threads, so a
 * result in the table really came from virtual threads.
 *
 * <p>The fork also gives the virtual-thread scheduler one carrier per benchmark thread ({@code
 * -Djdk.virtualThreadScheduler.parallelism}, default: one per core). JMH's benchmark threads spin
 * (at the start and end of each iteration every thread runs the workload until all threads have
 * arrived) and never block, so a virtual thread never gives up its carrier: with 4 threads on the
 * 2 carriers of a 2-core machine, two spun forever waiting for two that could never be mounted,
 * and the first iteration never ended. With a carrier each the OS shares the cores, as it does
 * for platform threads. Per-thread state would still show: each of the 4 threads is a new
 * virtual thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Djmh.executor=VIRTUAL",
      "-Djdk.virtualThreadScheduler.parallelism=" + VirtualThreadBenchmark.THREADS
    })
@Threads(VirtualThreadBenchmark.THREADS)
@State(Scope.Benchmark)
public class VirtualThreadBenchmark {
  /** Benchmark threads, and carrier threads for them. */
  static final int THREADS = 4;

  /** {@code synthetic}, {@code real} or a path to a MaxMind DB file. */
  @Param({"synthetic"})
  public String db = "synthetic";

  GeoResolver resolver;
  Addresses v4;
  Addresses v6;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    Path path = Databases.location(db);
    resolver = GeoResolver.builder().database(path).build();
    v4 = Addresses.ipv4(path, "uniform", Databases.SEED);
    v6 = Addresses.ipv6(path, "uniform", Databases.SEED);
  }

  /** Per-thread position in the inputs; checks the thread is virtual. */
  @State(Scope.Thread)
  public static class Cursor {
    int i;

    @Setup(Level.Trial)
    public void requireVirtualThread() throws ReflectiveOperationException {
      // Thread.isVirtual is JDK 21+; the module is compiled for release 17.
      Object virtual = Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
      if (!Boolean.TRUE.equals(virtual)) {
        throw new IllegalStateException("run on JDK 21+ with -Djmh.executor=VIRTUAL (the @Fork sets it)");
      }
    }

    int next() {
      return i++ & Addresses.MASK;
    }
  }

  /** IPv4 text to jurisdiction on a virtual thread. */
  @Benchmark
  public Jurisdiction ipv4FromString(Cursor c) {
    return resolver.resolve(v4.text[c.next()]).jurisdiction();
  }

  /** IPv6 text to jurisdiction on a virtual thread. */
  @Benchmark
  public Jurisdiction ipv6FromString(Cursor c) {
    return resolver.resolve(v6.text[c.next()]).jurisdiction();
  }
}
