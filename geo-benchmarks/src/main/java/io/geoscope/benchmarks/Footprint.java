package io.geoscope.benchmarks;

import io.geoscope.areas.Area;
import io.geoscope.areas.AreaException;
import io.geoscope.areas.AreaSet;
import io.geoscope.core.Areas;
import io.geoscope.core.Jurisdiction;
import io.geoscope.geoip.GeoResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jol.info.GraphLayout;

/**
 * Prints, as a markdown table, the heap a built {@link GeoResolver} holds (everything reachable
 * from it, measured by JOL) next to the size of the MaxMind DB file it was built from, for each
 * database named on the command line ({@code synthetic}, {@code real}, {@code city28} or a path,
 * {@code +areas} to place every record against two areas at build; default all four).
 *
 * <pre>{@code
 * java -cp geo-benchmarks/target/benchmarks.jar io.geoscope.benchmarks.Footprint
 * }</pre>
 */
public final class Footprint {

  private Footprint() {}

  static Areas areas() throws AreaException {
    return AreaSet.compile(List.of(
        Area.builder("zone").name("Made-up zone").country(Jurisdiction.of("UA"))
            .source("benchmark: made up").boundary(AreaBenchmark.boundary(5000)).build(),
        Area.builder("postal").name("Made-up postal area").country(Jurisdiction.of("UA"))
            .source("benchmark: made up").postalPrefixes(List.of("1", "2", "3")).build()));
  }

  /** Measures each database given, or {@code synthetic} and {@code real}. */
  public static void main(String[] args) throws Exception {
    // Records hide their field offsets from Unsafe; JOL can find them another way.
    if (System.getProperty("jol.magicFieldOffset") == null) {
      System.setProperty("jol.magicFieldOffset", "true");
    }
    List<String> dbs =
        args.length == 0 ? List.of("synthetic", "real", "city28", "city28+areas") : List.of(args);
    System.out.println(
        "| database | file bytes | heap objects | resolver heap bytes | heap / file | build ms |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (String db : dbs) {
      boolean withAreas = db.endsWith("+areas");
      Path path = Databases.location(withAreas ? db.substring(0, db.length() - 6) : db);
      // With areas: a 5,000-vertex made-up zone and a postal-code area in UA, placed at build.
      Areas areas = withAreas ? areas() : Areas.none();
      long t0 = System.nanoTime();
      GeoResolver resolver = GeoResolver.builder().database(path).areas(areas).build();
      long buildMs = (System.nanoTime() - t0) / 1_000_000;
      // The areas belong to the policy, not the resolver: measure what the resolver adds.
      GraphLayout layout = GraphLayout.parseInstance(resolver)
          .subtract(withAreas ? GraphLayout.parseInstance(areas) : new GraphLayout());
      long heap = layout.totalSize();
      long file = Files.size(path);
      System.out.printf(
          "| %s (%s) | %,d | %,d | %,d | %.2fx | %,d |%n",
          db, path.getFileName(), file, layout.totalCount(), heap, (double) heap / file, buildMs);
    }
  }
}
