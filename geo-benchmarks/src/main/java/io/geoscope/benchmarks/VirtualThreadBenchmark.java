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
 * allocate nothing. Run on JDK 21 or later with JMH's virtual-thread executor ({@code
 * -jvmArgsAppend -Djmh.executor=VIRTUAL}, as {@code run-benchmarks.sh} does); the setup refuses to
 * measure on platform threads, so a result in the table really came from virtual threads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(4)
@State(Scope.Benchmark)
public class VirtualThreadBenchmark {
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
        throw new IllegalStateException("run with -jvmArgsAppend -Djmh.executor=VIRTUAL on JDK 21+");
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
