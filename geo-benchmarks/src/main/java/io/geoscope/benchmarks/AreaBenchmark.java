package io.geoscope.benchmarks;

import io.geoscope.areas.Area;
import io.geoscope.areas.AreaSet;
import io.geoscope.areas.PlaceSource;
import io.geoscope.core.Placement;
import io.geoscope.areas.PlacementTable;
import io.geoscope.core.Jurisdiction;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
 * Placing a participant relative to an area with a {@code vertices}-vertex boundary: from the
 * table {@link AreaSet#precompute} builds per distinct place ({@code placementFromTable}, the hot
 * path), and directly through JTS's indexes ({@code placeDirect}, what precomputing avoids). The
 * 4,096 places are scattered around the area with radii from 1 to 1,000 km, so all three verdicts
 * occur.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class AreaBenchmark {
  static final int PLACES = 4096;
  static final Jurisdiction UA = Jurisdiction.of("UA");

  /** Vertices of the boundary. */
  @Param({"5000"})
  public int vertices = 5000;

  AreaSet areas;
  PlacementTable table;
  double[] lat = new double[PLACES];
  double[] lon = new double[PLACES];
  double[] radius = new double[PLACES];
  int next;

  /** A wobbly circle of {@code vertices} around 37E 48N as GeoJSON: not convex, so JTS works. */
  static String boundary(int vertices) {
    StringBuilder ring = new StringBuilder();
    for (int i = 0; i <= vertices; i++) {
      double t = 2 * Math.PI * (i % vertices) / vertices;
      // A wobbly circle, so the boundary is not convex and the index has work to do.
      double r = 1.0 + 0.1 * Math.sin(17 * t);
      ring.append(i == 0 ? "" : ",")
          .append(String.format(Locale.ROOT, "[%s,%s]", 37 + r * Math.cos(t), 48 + 0.7 * r * Math.sin(t)));
    }
    return "{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}";
  }

  @Setup(Level.Trial)
  public void setup() throws Exception {
    areas = AreaSet.compile(List.of(Area.builder("zone").name("Zone").country(UA)
        .source("benchmark").boundary(boundary(vertices)).build()));
    SplittableRandom random = new SplittableRandom(Databases.SEED);
    for (int i = 0; i < PLACES; i++) {
      lat[i] = 48 + random.nextDouble(-1.5, 1.5);
      lon[i] = 37 + random.nextDouble(-2, 2);
      radius[i] = Math.exp(random.nextDouble(0, Math.log(1000)));
    }
    table = areas.precompute(new PlaceSource() {
      @Override public int size() { return PLACES; }
      @Override public Jurisdiction jurisdiction(int i) { return UA; }
      @Override public @Nullable String postalCode(int i) { return null; }
      @Override public double latitude(int i) { return lat[i]; }
      @Override public double longitude(int i) { return lon[i]; }
      @Override public double accuracyRadiusKm(int i) { return radius[i]; }
    });
  }

  /** The hot path: one precomputed placement. */
  @Benchmark
  public Placement placementFromTable() {
    int i = next++ & (PLACES - 1);
    return table.placement(0, i);
  }

  /** Without the table: JTS point-in-area and distance to the edges. */
  @Benchmark
  public Placement placeDirect() {
    int i = next++ & (PLACES - 1);
    return areas.place(0, UA, null, lat[i], lon[i], radius[i]);
  }
}
