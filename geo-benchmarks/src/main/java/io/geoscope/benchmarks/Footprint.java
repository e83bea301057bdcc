package io.geoscope.benchmarks;

import io.geoscope.geoip.GeoResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jol.info.GraphLayout;

/**
 * Prints, as a markdown table, the heap a built {@link GeoResolver} holds (everything reachable
 * from it, measured by JOL) next to the size of the MaxMind DB file it was built from, for each
 * database named on the command line ({@code synthetic}, {@code real} or a path; default both).
 *
 * <pre>{@code
 * java -cp geo-benchmarks/target/benchmarks.jar io.geoscope.benchmarks.Footprint
 * }</pre>
 */
public final class Footprint {

  private Footprint() {}

  /** Measures each database given, or {@code synthetic} and {@code real}. */
  public static void main(String[] args) throws Exception {
    // Records hide their field offsets from Unsafe; JOL can find them another way.
    if (System.getProperty("jol.magicFieldOffset") == null) {
      System.setProperty("jol.magicFieldOffset", "true");
    }
    List<String> dbs = args.length == 0 ? List.of("synthetic", "real") : List.of(args);
    System.out.println(
        "| database | file bytes | heap objects | resolver heap bytes | heap / file | build ms |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (String db : dbs) {
      Path path = Databases.location(db);
      long t0 = System.nanoTime();
      GeoResolver resolver = GeoResolver.builder().database(path).build();
      long buildMs = (System.nanoTime() - t0) / 1_000_000;
      GraphLayout layout = GraphLayout.parseInstance(resolver);
      long heap = layout.totalSize();
      long file = Files.size(path);
      System.out.printf(
          "| %s (%s) | %,d | %,d | %,d | %.2fx | %,d |%n",
          db, path.getFileName(), file, layout.totalCount(), heap, (double) heap / file, buildMs);
    }
  }
}
