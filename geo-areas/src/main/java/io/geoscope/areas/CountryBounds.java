package io.geoscope.areas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Each country's bounding box, a sanity check that a boundary was drawn in the right country (not
 * swapped latitude and longitude, not a typo in the country code). It is not a border.
 *
 * <p>The boxes come from Natural Earth's 1:50m Admin 0 countries (public domain), computed by
 * {@code geo-areas/tools/country-bounds.mjs} into {@code country-bounds.tsv}. Natural Earth draws
 * one line where borders are disputed and 1:50m is coarse, so each box is widened by {@link
 * #MARGIN_DEGREES} on every side; a country absent from the table (no Natural Earth polygon of its
 * own) gets the whole globe, i.e. no check.
 *
 * <p>Immutable and thread-safe.
 */
final class CountryBounds {
  /** Degrees added on every side of each box. */
  public static final double MARGIN_DEGREES = 1.0;

  private static final Map<String, double[]> BOXES = load();

  private CountryBounds() {}

  private static Map<String, double[]> load() {
    Map<String, double[]> boxes = new HashMap<>();
    try (InputStream in =
            Objects.requireNonNull(
                CountryBounds.class.getResourceAsStream("/io/geoscope/areas/country-bounds.tsv"),
                "country-bounds.tsv missing from the jar");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        boxes.put(
            f[0],
            new double[] {
              Math.max(-180, Double.parseDouble(f[1]) - MARGIN_DEGREES),
              Math.max(-90, Double.parseDouble(f[2]) - MARGIN_DEGREES),
              Math.min(180, Double.parseDouble(f[3]) + MARGIN_DEGREES),
              Math.min(90, Double.parseDouble(f[4]) + MARGIN_DEGREES)
            });
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(boxes);
  }

  /**
   * The widened box of {@code alpha2} as {min lon, min lat, max lon, max lat} (a copy), or null
   * when the table has none.
   */
  public static double @Nullable [] box(String alpha2) {
    double[] b = BOXES.get(alpha2);
    return b == null ? null : b.clone();
  }

  /** How many countries have a box. */
  public static int size() {
    return BOXES.size();
  }
}
