package io.geoscope.areas;

import java.util.Locale;

/** GeoJSON text for tests, written by hand so tests do not trust the reader they test. */
final class Boundaries {
  private Boundaries() {}

  /** A closed ring [lon, lat] pairs as GeoJSON positions; the first position is repeated last. */
  static String ring(double... lonLat) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < lonLat.length; i += 2) {
      b.append(pos(lonLat[i], lonLat[i + 1])).append(',');
    }
    return b.append(pos(lonLat[0], lonLat[1])).append(']').toString();
  }

  static String pos(double lon, double lat) {
    return String.format(Locale.ROOT, "[%s,%s]", lon, lat);
  }

  static String polygon(String... rings) {
    return "{\"type\":\"Polygon\",\"coordinates\":[" + String.join(",", rings) + "]}";
  }

  /** An axis-aligned rectangle. */
  static String rectangle(double west, double south, double east, double north) {
    return polygon(ring(west, south, east, south, east, north, west, north));
  }

  /** A regular polygon of {@code vertices} around (lon, lat) with radius {@code r} degrees. */
  static String regular(double lon, double lat, double r, int vertices) {
    double[] c = new double[vertices * 2];
    for (int i = 0; i < vertices; i++) {
      double t = 2 * Math.PI * i / vertices;
      c[2 * i] = lon + r * Math.cos(t);
      c[2 * i + 1] = lat + r * Math.sin(t);
    }
    return polygon(ring(c));
  }
}
