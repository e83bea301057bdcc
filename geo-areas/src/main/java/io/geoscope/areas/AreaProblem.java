package io.geoscope.areas;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with an area: what kind, which area, where in its definition, and a message for
 * people. Never carries an address or a phone number: areas hold none.
 *
 * @param code the kind of problem
 * @param area the area's id (empty when the id itself is missing)
 * @param path where in the area's definition, in file-format spelling, e.g. {@code
 *     boundary.coordinates[0][3]} or {@code postal-codes[2]}
 * @param message what is wrong, for people
 */
public record AreaProblem(Code code, String area, String path, String message) {

  /** Checks for nulls. */
  public AreaProblem {
    requireNonNull(code, "code");
    requireNonNull(area, "area");
    requireNonNull(path, "path");
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return code + " in area '" + area + "' at " + path + ": " + message;
  }

  /** The kinds of problem; the complete list (fuzzed input yields nothing else). */
  public enum Code {
    /** The id, name or source citation is blank or the id is not lower-case letters, digits, '-'. */
    BAD_FIELD,
    /** Two areas share an id. */
    DUPLICATE_AREA_ID,
    /** The country is not a country, or the parent subdivision is not in it. */
    BAD_COUNTRY,
    /** Neither postal codes nor a boundary: the area would contain nobody, or everybody. */
    NO_DEFINITION,
    /** A postal code or prefix is empty, too long, or has characters other than A-Z, 0-9, space, '-'. */
    BAD_POSTAL_CODE,
    /** More postal codes and prefixes than {@link AreaValidator#MAX_POSTAL_CODES}. */
    TOO_MANY_POSTAL_CODES,
    /** The GeoJSON text is not JSON, is nested too deep, or is longer than {@link AreaValidator#MAX_GEOJSON_CHARS}. */
    INVALID_GEOJSON,
    /** The GeoJSON is not a Polygon or MultiPolygon geometry (a Feature wrapping one is accepted). */
    NOT_A_POLYGON,
    /** A coordinate is not an array of two or three finite numbers, or a ring/polygon is not an array. */
    BAD_COORDINATES,
    /** A longitude outside [-180, 180] or a latitude outside [-90, 90]. */
    COORDINATE_OUT_OF_RANGE,
    /** A ring's last position differs from its first. */
    UNCLOSED_RING,
    /** A ring with fewer than four positions, or a polygon or multipolygon with none. */
    TOO_FEW_POINTS,
    /** More vertices than {@link AreaValidator#MAX_VERTICES} in one boundary. */
    TOO_MANY_VERTICES,
    /** A ring crosses itself or another ring of the same polygon (JTS validity). */
    SELF_INTERSECTING,
    /** Another JTS validity error: a hole outside its shell, nested shells, a disconnected interior. */
    INVALID_GEOMETRY,
    /** The boundary encloses no area (all rings degenerate). */
    EMPTY_BOUNDARY,
    /** Part of the boundary lies outside the country's bounding box (with its margin). */
    OUTSIDE_COUNTRY
  }
}
