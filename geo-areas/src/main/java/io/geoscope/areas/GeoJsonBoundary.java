package io.geoscope.areas;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.geoscope.areas.AreaProblem;
import io.geoscope.areas.AreaProblem.Code;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads a GeoJSON Polygon or MultiPolygon (or a Feature of one) into a JTS geometry, collecting
 * every problem with its path instead of stopping at the first. Coordinates are (longitude,
 * latitude) in degrees, as RFC 7946 says.
 *
 * <p>Bounded: the text length, nesting depth, number length and vertex count are capped before
 * JTS sees anything, so a hostile file costs at most a linear scan. Stateless and thread-safe.
 */
final class GeoJsonBoundary {
  private static final ObjectMapper JSON =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(16)
                          .maxNumberLength(64)
                          .maxStringLength(100_000)
                          .build())
                  .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The one geometry factory: floating precision, SRID 4326 (WGS 84 longitude/latitude). */
  public static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

  /**
   * What reading gave: the geometry when there were no problems, and the problems.
   *
   * @param geometry the Polygon or MultiPolygon, or null if any problem was found
   * @param problems every problem found, empty when the geometry is usable
   */
  public record Result(@Nullable Geometry geometry, List<AreaProblem> problems) {}

  private final String area;
  private final int maxVertices;
  private final List<AreaProblem> problems = new ArrayList<>();
  private int vertices;

  private GeoJsonBoundary(String area, int maxVertices) {
    this.area = area;
    this.maxVertices = maxVertices;
  }

  /**
   * Reads {@code text} for the area {@code area}, with paths starting at {@code "boundary"}.
   *
   * @param maxChars the longest text read at all
   * @param maxVertices the most positions (over all rings) a boundary may have
   */
  public static Result read(String area, String text, int maxChars, int maxVertices) {
    GeoJsonBoundary reader = new GeoJsonBoundary(area, maxVertices);
    Geometry g = reader.readText(text, maxChars);
    if (g != null && reader.problems.isEmpty()) {
      reader.checkValidity(g);
    }
    return reader.problems.isEmpty()
        ? new Result(g, List.of())
        : new Result(null, List.copyOf(reader.problems));
  }

  private void problem(Code code, String path, String message) {
    problems.add(new AreaProblem(code, area, path, message));
  }

  private @Nullable Geometry readText(String text, int maxChars) {
    if (text.length() > maxChars) {
      problem(
          Code.INVALID_GEOJSON,
          "boundary",
          "GeoJSON text of " + text.length() + " characters is longer than the " + maxChars
              + " allowed");
      return null;
    }
    JsonNode root;
    try (JsonParser p = JSON.createParser(text)) {
      root = JSON.readTree(p);
    } catch (JsonProcessingException e) {
      com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
      problem(
          Code.INVALID_GEOJSON,
          at == null
              ? "boundary"
              : "boundary (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")",
          "not JSON: " + e.getOriginalMessage());
      return null;
    } catch (java.io.IOException e) {
      problem(Code.INVALID_GEOJSON, "boundary", "not JSON: " + e.getMessage());
      return null;
    }
    if (root == null || !root.isObject()) {
      problem(Code.NOT_A_POLYGON, "boundary", "GeoJSON must be an object");
      return null;
    }
    String path = "boundary";
    if ("Feature".equals(root.path("type").asText(null))) {
      root = root.path("geometry");
      path = "boundary.geometry";
      if (!root.isObject()) {
        problem(Code.NOT_A_POLYGON, path, "the Feature has no geometry object");
        return null;
      }
    }
    JsonNode type = root.get("type");
    JsonNode coordinates = root.get("coordinates");
    String typeName = type != null && type.isTextual() ? type.asText() : "";
    if (!typeName.equals("Polygon") && !typeName.equals("MultiPolygon")) {
      problem(
          Code.NOT_A_POLYGON,
          path + ".type",
          "type must be Polygon or MultiPolygon"
              + (typeName.isEmpty() ? "" : ", not " + printable(typeName)));
      return null;
    }
    if (coordinates == null || !coordinates.isArray()) {
      problem(Code.BAD_COORDINATES, path + ".coordinates", "coordinates must be an array");
      return null;
    }
    String cp = path + ".coordinates";
    if (typeName.equals("Polygon")) {
      return polygon(coordinates, cp);
    }
    if (coordinates.isEmpty()) {
      problem(Code.TOO_FEW_POINTS, cp, "a MultiPolygon needs at least one polygon");
      return null;
    }
    Polygon[] polygons = new Polygon[coordinates.size()];
    boolean ok = true;
    for (int i = 0; i < polygons.length; i++) {
      polygons[i] = polygon(coordinates.get(i), cp + "[" + i + "]");
      ok &= polygons[i] != null;
    }
    return ok ? GEOMETRY.createMultiPolygon(polygons) : null;
  }

  private @Nullable Polygon polygon(JsonNode rings, String path) {
    if (!rings.isArray()) {
      problem(Code.BAD_COORDINATES, path, "a polygon must be an array of rings");
      return null;
    }
    if (rings.isEmpty()) {
      problem(Code.TOO_FEW_POINTS, path, "a polygon needs an outer ring");
      return null;
    }
    LinearRing[] ring = new LinearRing[rings.size()];
    boolean ok = true;
    for (int i = 0; i < ring.length; i++) {
      ring[i] = ring(rings.get(i), path + "[" + i + "]");
      ok &= ring[i] != null;
    }
    if (!ok) {
      return null;
    }
    LinearRing[] holes = new LinearRing[ring.length - 1];
    System.arraycopy(ring, 1, holes, 0, holes.length);
    return GEOMETRY.createPolygon(ring[0], holes);
  }

  private @Nullable LinearRing ring(JsonNode positions, String path) {
    if (!positions.isArray()) {
      problem(Code.BAD_COORDINATES, path, "a ring must be an array of positions");
      return null;
    }
    int n = positions.size();
    vertices += n;
    if (vertices > maxVertices) {
      // Reported once, where the cap is crossed; the rest is not read.
      if (vertices - n <= maxVertices) {
        problem(
            Code.TOO_MANY_VERTICES,
            path,
            "the boundary has more than " + maxVertices + " vertices");
      }
      return null;
    }
    Coordinate[] c = new Coordinate[n];
    boolean ok = true;
    for (int i = 0; i < n; i++) {
      c[i] = position(positions.get(i), path + "[" + i + "]");
      ok &= c[i] != null;
    }
    if (!ok) {
      return null;
    }
    if (n < 4) {
      problem(
          Code.TOO_FEW_POINTS,
          path,
          "a ring needs at least 4 positions (the last repeating the first), it has " + n);
      return null;
    }
    if (!c[0].equals2D(c[n - 1])) {
      problem(
          Code.UNCLOSED_RING,
          path + "[" + (n - 1) + "]",
          "the ring's last position " + show(c[n - 1]) + " differs from its first " + show(c[0]));
      return null;
    }
    return GEOMETRY.createLinearRing(c);
  }

  private @Nullable Coordinate position(JsonNode p, String path) {
    if (!p.isArray() || p.size() < 2 || p.size() > 3) {
      problem(Code.BAD_COORDINATES, path, "a position must be [longitude, latitude]");
      return null;
    }
    for (int k = 0; k < p.size(); k++) {
      if (!p.get(k).isNumber() || !Double.isFinite(p.get(k).asDouble())) {
        problem(Code.BAD_COORDINATES, path + "[" + k + "]", "not a finite number");
        return null;
      }
    }
    double lon = p.get(0).asDouble();
    double lat = p.get(1).asDouble();
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      problem(
          Code.COORDINATE_OUT_OF_RANGE,
          path,
          "longitude must be in [-180, 180] and latitude in [-90, 90], got " + show(lon, lat));
      return null;
    }
    return new Coordinate(lon, lat);
  }

  private void checkValidity(Geometry g) {
    org.locationtech.jts.geom.Envelope e = g.getEnvelopeInternal();
    if (e.getWidth() == 0 || e.getHeight() == 0) {
      problem(Code.EMPTY_BOUNDARY, "boundary", "the boundary encloses no area (it is a line)");
      return;
    }
    TopologyValidationError error = new IsValidOp(g).getValidationError();
    if (error == null) {
      if (g.getArea() <= 0) {
        problem(Code.EMPTY_BOUNDARY, "boundary", "the boundary encloses no area");
      }
      return;
    }
    int type = error.getErrorType();
    Code code =
        type == TopologyValidationError.SELF_INTERSECTION
                || type == TopologyValidationError.RING_SELF_INTERSECTION
            ? Code.SELF_INTERSECTING
            : Code.INVALID_GEOMETRY;
    Coordinate at = error.getCoordinate();
    problem(
        code,
        "boundary",
        error.getMessage() + (at == null ? "" : " near " + show(at.x, at.y)));
  }

  private static String show(Coordinate c) {
    return show(c.x, c.y);
  }

  /** (longitude, latitude) as written. */
  public static String show(double lon, double lat) {
    return "[" + lon + ", " + lat + "]";
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && i < 24; i++) {
      char ch = s.charAt(i);
      b.append(ch >= 0x20 && ch < 0x7F ? ch : '?');
    }
    return "'" + b + (s.length() > 24 ? "...'" : "'");
  }
}
