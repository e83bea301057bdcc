package io.geoscope.areas;

import io.geoscope.core.Placement;
import static io.geoscope.areas.Boundaries.rectangle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.geoscope.core.Jurisdiction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.quicktheories.core.Gen;

/**
 * Invariants of the classifier over generated rectangles in Ukraine's box and generated circles.
 * The expected answers come from plain geometry on the rectangle (distance to its edges), not from
 * the classifier's code.
 */
class AreaPropertiesTest {
  static final int EXAMPLES = 1000;
  static final Jurisdiction UA = Jurisdiction.of("UA");
  static final double NaN = Double.NaN;

  /** A rectangle well inside Ukraine's box: west, south, width, height (degrees). */
  record Rect(double west, double south, double width, double height) {
    double east() {
      return west + width;
    }

    double north() {
      return south + height;
    }

    AreaSet compile() {
      try {
        return AreaSet.compile(
            List.of(
                Area.builder("r").name("R").country(UA).source("generated")
                    .boundary(rectangle(west, south, east(), north())).build()));
      } catch (AreaException e) {
        throw new AssertionError(e);
      }
    }
  }

  static Gen<Rect> rects() {
    return doubles().between(23, 37).zip(doubles().between(45.5, 49), doubles().between(0.3, 2),
        doubles().between(0.3, 2), Rect::new);
  }

  /** A radius (km) whose conservative disk at {@code lat} is below {@code fraction} x {@code gapDegrees}. */
  static double radiusWithin(double gapDegrees, double lat, double fraction) {
    return fraction * gapDegrees * CompiledArea.KM_PER_DEGREE * Math.cos(Math.toRadians(lat + gapDegrees));
  }

  @Test
  void aCircleFarInsideIsInside() {
    qt().withExamples(EXAMPLES)
        .forAll(rects(), doubles().between(0, 0.9))
        .checkAssert((r, f) -> {
          double lat = r.south() + r.height() / 2;
          double lon = r.west() + r.width() / 2;
          double gap = Math.min(r.width(), r.height()) / 2;
          assertThat(r.compile().place(0, UA, null, lat, lon, radiusWithin(gap, lat, f)))
              .isEqualTo(Placement.INSIDE_BY_BOUNDARY);
        });
  }

  @Test
  void aCircleFarOutsideIsOutside() {
    qt().withExamples(EXAMPLES)
        .forAll(rects(), doubles().between(0.05, 3), integers().between(0, 3), doubles().between(0, 0.9))
        .checkAssert((r, gap, side, f) -> {
          double lat = side == 0 ? r.north() + gap : side == 1 ? r.south() - gap : r.south() + r.height() / 2;
          double lon = side == 2 ? r.east() + gap : side == 3 ? r.west() - gap : r.west() + r.width() / 2;
          assertThat(r.compile().place(0, UA, null, lat, lon, radiusWithin(gap, lat, f)))
              .isEqualTo(Placement.OUTSIDE_BY_BOUNDARY);
        });
  }

  @Test
  void aCircleStraddlingTheBoundaryIsUncertain() {
    qt().withExamples(EXAMPLES)
        .forAll(rects(), doubles().between(0, 1), integers().between(0, 3), doubles().between(0.001, 1000))
        .checkAssert((r, t, side, km) -> {
          // A point on an edge, and a circle reaching past it by at least 1 m both ways.
          double lat = side == 0 ? r.north() : side == 1 ? r.south() : r.south() + t * r.height();
          double lon = side == 2 ? r.east() : side == 3 ? r.west() : r.west() + t * r.width();
          assertThat(r.compile().place(0, UA, null, lat, lon, km))
              .isEqualTo(Placement.UNCERTAIN_STRADDLES_BOUNDARY);
        });
  }

  @Test
  void shrinkingTheRadiusNeverTurnsInsideIntoOutsideNorOutsideIntoInside() {
    qt().withExamples(EXAMPLES)
        .forAll(rects(), doubles().between(-3, 3).zip(doubles().between(-3, 3), (a, b) -> new double[] {a, b}),
            doubles().between(0, 600), doubles().between(0, 1))
        .checkAssert((r, d, big, shrink) -> {
          AreaSet s = r.compile();
          double lat = r.south() + r.height() / 2 + d[0];
          double lon = r.west() + r.width() / 2 + d[1];
          Placement wide = s.place(0, UA, null, lat, lon, big);
          Placement narrow = s.place(0, UA, null, lat, lon, big * shrink);
          if (wide.isInside()) {
            assertThat(narrow).isEqualTo(Placement.INSIDE_BY_BOUNDARY);
          }
          if (wide.isOutside()) {
            assertThat(narrow).isEqualTo(Placement.OUTSIDE_BY_BOUNDARY);
          }
        });
  }

  @Test
  void anAreaNeverPlacesAnyoneOfAnotherCountryInsideOrUncertain() {
    List<Jurisdiction> others = new ArrayList<>(Jurisdiction.countries());
    others.remove(UA);
    qt().withExamples(EXAMPLES)
        .forAll(rects(), integers().between(0, others.size() - 1), doubles().between(0, 1000))
        .checkAssert((r, i, km) -> {
          double lat = r.south() + r.height() / 2;
          double lon = r.west() + r.width() / 2;
          assertThat(r.compile().place(0, others.get(i), "83000", lat, lon, km))
              .isEqualTo(Placement.OUTSIDE_BY_COUNTRY);
        });
  }

  /** A grid of postal-code cells and the cells an area takes. */
  record Layout(double west, double south, double cell, int columns, int rows, long taken) {
    boolean takes(int c, int r) {
      int bit = r * columns + c;
      return ((taken >>> bit) & 1) == 1 || (taken & ((1L << (columns * rows)) - 1)) == 0 && bit == 0;
    }

    static String code(int c, int r) {
      return String.format(Locale.ROOT, "%02d%02d0", c, r);
    }

    List<String> codes() {
      List<String> out = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          if (takes(c, r)) {
            out.add(code(c, r));
          }
        }
      }
      return out;
    }

    /** The union of the taken cells by JTS, written as GeoJSON. */
    String boundary() {
      GeometryFactory f = new GeometryFactory();
      List<Geometry> cells = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          if (takes(c, r)) {
            double x = west + c * cell;
            double y = south + r * cell;
            cells.add(f.toGeometry(new org.locationtech.jts.geom.Envelope(x, x + cell, y, y + cell)));
          }
        }
      }
      Geometry u = f.buildGeometry(cells).union();
      StringBuilder b = new StringBuilder("{\"type\":\"MultiPolygon\",\"coordinates\":[");
      for (int i = 0; i < u.getNumGeometries(); i++) {
        Polygon p = (Polygon) u.getGeometryN(i);
        b.append(i == 0 ? "[" : ",[");
        appendRing(b, p.getExteriorRing().getCoordinates());
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          b.append(',');
          appendRing(b, p.getInteriorRingN(h).getCoordinates());
        }
        b.append(']');
      }
      return b.append("]}").toString();
    }

    private static void appendRing(StringBuilder b, Coordinate[] ring) {
      b.append('[');
      for (int i = 0; i < ring.length; i++) {
        b.append(i == 0 ? "" : ",").append(Boundaries.pos(ring[i].x, ring[i].y));
      }
      b.append(']');
    }
  }

  static Gen<Layout> layouts() {
    return doubles().between(24, 36).zip(doubles().between(45.5, 49), doubles().between(0.05, 0.4),
            integers().between(1, 6), (w, s, c, cols) -> new double[] {w, s, c, cols})
        .zip(integers().between(1, 6), integers().allPositive(), (a, rows, bits) ->
            new Layout(a[0], a[1], a[2], (int) a[3], rows, bits));
  }

  @Test
  void aBoundaryAndItsEquivalentPostalCodesPlaceEveryoneAlike() {
    qt().withExamples(EXAMPLES)
        .forAll(layouts(), integers().between(0, 35), doubles().between(0, 0.9))
        .checkAssert((l, cellIndex, f) -> {
          int c = cellIndex % l.columns();
          int r = (cellIndex / l.columns()) % l.rows();
          AreaSet s;
          try {
            s = AreaSet.compile(List.of(
                Area.builder("by-codes").name("C").country(UA).source("g").postalCodes(l.codes()).build(),
                Area.builder("by-boundary").name("B").country(UA).source("g").boundary(l.boundary()).build()));
          } catch (AreaException e) {
            throw new AssertionError(e);
          }
          double lat = l.south() + (r + 0.5) * l.cell();
          double lon = l.west() + (c + 0.5) * l.cell();
          double km = radiusWithin(l.cell() / 2, lat, f);
          Placement byCode = s.place(0, UA, Layout.code(c, r), NaN, NaN, NaN);
          Placement byBoundary = s.place(1, UA, null, lat, lon, km);
          assertThat(byBoundary.verdict()).isEqualTo(byCode.verdict());
          assertThat(byCode.isInside()).isEqualTo(l.takes(c, r));
        });
  }
}
