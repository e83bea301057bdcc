package io.geoscope.benchmarks;

import io.geoscope.core.Evidence;
import io.geoscope.dialin.DialInResolver;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What placing a PSTN caller costs on the join path: libphonenumber's parse and validation plus
 * Geoscope's prefix lookup, over a mix of NANP, Ukrainian, European and Asian numbers. Run with
 * {@code -prof gc} for B/op: the prefix lookup and the evidence allocate nothing, libphonenumber's
 * parse does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DialInBenchmark {
  private static final String[] NUMBERS = {
    "+14155552671", "+12125550123", "+16135550123", "+380652123456", "+380501234567",
    "+442079460000", "+8613800138000", "+4930123456", "+18005550123", "+12506361234",
  };

  private final DialInResolver dialIn = DialInResolver.standard();
  private int next;

  /** One number placed, cycling through the mix. */
  @Benchmark
  public Evidence resolve() {
    next = (next + 1) % NUMBERS.length;
    return dialIn.resolve(NUMBERS[next]);
  }
}
