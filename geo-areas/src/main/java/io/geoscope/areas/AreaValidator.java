package io.geoscope.areas;

import io.geoscope.areas.AreaProblem.Code;
import io.geoscope.core.Jurisdiction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The one validator of areas: returns every problem as data, never throws for bad content. {@link
 * AreaSet#compile}, policy loaders and the CLI all call it.
 *
 * <p>Checks: id, name and source are present; the country is a country and the subdivision (if
 * any) lies in it; there is a definition; postal codes are well formed and bounded in number; the
 * boundary is GeoJSON Polygon/MultiPolygon text of at most {@link #MAX_GEOJSON_CHARS} characters
 * and {@link #MAX_VERTICES} vertices, each ring closed with at least four positions, valid by JTS
 * (no self-intersection), enclosing some area, and inside the country's bounding box (Natural
 * Earth, widened by one degree: a check against mistakes, not a border). Whether it lies inside
 * the stated subdivision is not checked (no subdivision boundaries are shipped).
 *
 * <p>Stateless and thread-safe.
 */
public final class AreaValidator {
  /**
   * The most vertices one boundary may have. An order's annex map digitised at street level has a
   * few thousand; the cap keeps compile time and memory of a hostile file bounded.
   */
  public static final int MAX_VERTICES = 50_000;

  /** The longest GeoJSON text read (4 MiB of characters). */
  public static final int MAX_GEOJSON_CHARS = 4 << 20;

  /** The most postal codes plus prefixes one area may list. */
  public static final int MAX_POSTAL_CODES = 100_000;

  /** The longest postal code or prefix (after normalisation). */
  public static final int MAX_POSTAL_CODE_LENGTH = 12;

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern POSTAL = Pattern.compile("[A-Z0-9]{1," + MAX_POSTAL_CODE_LENGTH + "}");

  private AreaValidator() {}

  /** Every problem with {@code area}; empty when it can be compiled. */
  public static List<AreaProblem> validate(Area area) {
    List<AreaProblem> problems = new ArrayList<>();
    check(area, problems);
    return List.copyOf(problems);
  }

  /** Every problem with {@code areas}, each area's in order, then duplicate ids. */
  public static List<AreaProblem> validate(List<Area> areas) {
    List<AreaProblem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Area a : areas) {
      check(a, problems);
      if (!seen.add(a.id())) {
        problems.add(
            new AreaProblem(Code.DUPLICATE_AREA_ID, a.id(), "id", "another area has this id"));
      }
    }
    return List.copyOf(problems);
  }

  /** Checks {@code area}, adding its problems; returns its geometry when the boundary is usable. */
  static @Nullable Geometry check(Area area, List<AreaProblem> problems) {
    String id = area.id();
    if (!ID.matcher(id).matches()) {
      problems.add(
          new AreaProblem(
              Code.BAD_FIELD, id, "id", "an id is 1-64 lower-case letters, digits and '-'"));
    }
    if (area.name().isBlank()) {
      problems.add(new AreaProblem(Code.BAD_FIELD, id, "name", "the name is blank"));
    }
    if (area.source().isBlank()) {
      problems.add(
          new AreaProblem(
              Code.BAD_FIELD, id, "source", "cite the order, list or map that defines the area"));
    }
    Jurisdiction country = area.country();
    if (country.kind() != Jurisdiction.Kind.COUNTRY) {
      problems.add(
          new AreaProblem(
              Code.BAD_COUNTRY, id, "country", "'" + country.code() + "' is not a country"));
    }
    area.subdivision()
        .filter(s -> !s.isSubdivision() || s.country() != country)
        .ifPresent(
            s ->
                problems.add(
                    new AreaProblem(
                        Code.BAD_COUNTRY,
                        id,
                        "subdivision",
                        "'" + s.code() + "' is not a subdivision of " + country.code())));
    if (area.postalCodes().isEmpty()
        && area.postalPrefixes().isEmpty()
        && area.boundary().isEmpty()) {
      problems.add(
          new AreaProblem(
              Code.NO_DEFINITION, id, "", "an area needs postal codes, prefixes or a boundary"));
    }
    checkPostal(id, "postal-codes", area.postalCodes(), problems);
    checkPostal(id, "postal-code-prefixes", area.postalPrefixes(), problems);
    if (area.postalCodes().size() + area.postalPrefixes().size() > MAX_POSTAL_CODES) {
      problems.add(
          new AreaProblem(
              Code.TOO_MANY_POSTAL_CODES,
              id,
              "postal-codes",
              "more than " + MAX_POSTAL_CODES + " postal codes and prefixes"));
    }
    if (area.boundary().isEmpty()) {
      return null;
    }
    GeoJsonBoundary.Result r =
        GeoJsonBoundary.read(id, area.boundary().get(), MAX_GEOJSON_CHARS, MAX_VERTICES);
    problems.addAll(r.problems());
    Geometry g = r.geometry();
    if (g == null || country.kind() != Jurisdiction.Kind.COUNTRY) {
      return null;
    }
    double[] box = CountryBounds.box(country.code());
    if (box != null) {
      Envelope e = g.getEnvelopeInternal();
      if (e.getMinX() < box[0]
          || e.getMinY() < box[1]
          || e.getMaxX() > box[2]
          || e.getMaxY() > box[3]) {
        problems.add(
            new AreaProblem(
                Code.OUTSIDE_COUNTRY,
                id,
                "boundary",
                "the boundary spans "
                    + GeoJsonBoundary.show(e.getMinX(), e.getMinY())
                    + " to "
                    + GeoJsonBoundary.show(e.getMaxX(), e.getMaxY())
                    + ", outside "
                    + country.code()
                    + "'s bounding box "
                    + GeoJsonBoundary.show(box[0], box[1])
                    + " to "
                    + GeoJsonBoundary.show(box[2], box[3])));
        return null;
      }
    }
    return g;
  }

  private static void checkPostal(
      String id, String field, List<String> codes, List<AreaProblem> problems) {
    for (int i = 0; i < codes.size(); i++) {
      if (!POSTAL.matcher(codes.get(i)).matches()) {
        problems.add(
            new AreaProblem(
                Code.BAD_POSTAL_CODE,
                id,
                field + "[" + i + "]",
                "a postal code is 1-" + MAX_POSTAL_CODE_LENGTH
                    + " letters and digits (spaces and '-' are ignored)"));
      }
    }
  }
}
