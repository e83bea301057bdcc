package io.geoscope.benchmarks;

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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What loading costs: building a {@link GeoResolver} (read the file, walk every node, decode every
 * distinct record, compile the range tables), one build per measurement in a fresh-ish JVM.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
@State(Scope.Benchmark)
public class CompileBenchmark {

  /**
   * {@code synthetic}, {@code real}, {@code city28} (the 28 MB GeoLite2-City-shaped IPv4 file) or a
   * path to a MaxMind DB file.
   */
  @Param({"real", "synthetic", "city28"})
  public String db = "real";

  Path path;

  @Setup(Level.Trial)
  public void locate() {
    path = Databases.location(db);
  }

  /** Loads and compiles the whole database. */
  @Benchmark
  public GeoResolver buildResolver() throws Exception {
    return GeoResolver.builder().database(path).build();
  }
}
