package io.geoscope.areas;

import io.geoscope.core.Placement;
import io.geoscope.core.Jurisdiction;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * One validated area, ready to place participants: a hash set of postal codes, the prefixes, and
 * the boundary with JTS's indexed point-in-area locator and indexed distance to its edges.
 *
 * <p>The circle test works in degrees, conservatively: the circle of radius r km around (lat, lon)
 * is replaced by a disk of radius r / (110.574 km x cos(|lat| + r / 110.574 km)) degrees. 110.574
 * km is WGS 84's shortest degree of latitude and a degree of longitude at latitude phi is at least
 * that times cos(phi), so the disk contains the true circle and a circle is never called inside or
 * outside when part of it is not. The price is a few more uncertain answers far from the equator.
 * A disk reaching within half a degree of a pole is uncertain; one crossing the antimeridian is
 * tested on both sides.
 *
 * <p>Immutable after construction; safe to share (JTS builds its indexes eagerly here).
 */
final class CompiledArea {
  /** Kilometres in WGS 84's shortest degree of latitude (at the equator). */
  public static final double KM_PER_DEGREE = 110.574;

  private final Area area;
  private final Jurisdiction country;
  private final @Nullable Jurisdiction subdivision;
  private final Set<String> codes;
  private final String[] prefixes;
  private final boolean hasPostal;
  private final @Nullable Geometry boundary;
  private final @Nullable IndexedPointInAreaLocator locator;
  private final @Nullable IndexedFacetDistance edges;
  private final @Nullable Envelope envelope;

  /** Compiles {@code area} whose boundary (already validated) is {@code boundary}, or null. */
  public CompiledArea(Area area, @Nullable Geometry boundary) {
    this.area = area;
    this.country = area.country();
    this.subdivision = area.subdivision().orElse(null);
    this.codes = new HashSet<>(area.postalCodes());
    this.prefixes = area.postalPrefixes().toArray(new String[0]);
    this.hasPostal = !codes.isEmpty() || prefixes.length > 0;
    this.boundary = boundary;
    if (boundary != null) {
      IndexedPointInAreaLocator l = new IndexedPointInAreaLocator(boundary);
      l.locate(new Coordinate(0, 0)); // builds the index now, not under a first caller's race
      this.locator = l;
      this.edges = new IndexedFacetDistance(boundary.getBoundary());
      this.envelope = boundary.getEnvelopeInternal();
    } else {
      this.locator = null;
      this.edges = null;
      this.envelope = null;
    }
  }

  /** The area. */
  public Area area() {
    return area;
  }

  /** The validated boundary, or null. */
  public @Nullable Geometry boundary() {
    return boundary;
  }

  /**
   * Places a participant resolved to {@code where}, with postal code {@code postalCode} (or null)
   * and location circle (lat, lon, radiusKm), any of them NaN when unknown.
   */
  public Placement place(
      Jurisdiction where, @Nullable String postalCode, double lat, double lon, double radiusKm) {
    if (!where.isKnown()) {
      return Placement.UNCERTAIN_UNKNOWN_JURISDICTION;
    }
    if (where.country() != country) {
      return Placement.OUTSIDE_BY_COUNTRY;
    }
    if (subdivision != null && where.isSubdivision() && where != subdivision) {
      return Placement.OUTSIDE_BY_SUBDIVISION;
    }
    String code = postalCode == null ? null : Area.normalizePostalCode(postalCode);
    if (code != null && !code.isEmpty() && listed(code)) {
      return Placement.INSIDE_BY_POSTAL_CODE;
    }
    if (boundary != null) {
      // With a boundary, an unlisted postal code proves nothing: the codes may list only part.
      return hasCircle(lat, lon, radiusKm)
          ? circle(lat, lon, radiusKm)
          : Placement.UNCERTAIN_NO_PLACE_DETAIL;
    }
    return knownUnlisted(code)
        ? Placement.OUTSIDE_BY_POSTAL_CODE
        : Placement.UNCERTAIN_NO_PLACE_DETAIL;
  }

  private boolean knownUnlisted(@Nullable String code) {
    return hasPostal && code != null && !code.isEmpty();
  }

  private boolean listed(String code) {
    if (codes.contains(code)) {
      return true;
    }
    for (String p : prefixes) {
      if (code.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasCircle(double lat, double lon, double radiusKm) {
    return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 && radiusKm >= 0
        && radiusKm < 40_000;
  }

  /** The disk's radius in degrees (see the class comment), or +infinity near a pole. */
  public static double diskDegrees(double lat, double radiusKm) {
    double reach = Math.abs(lat) + radiusKm / KM_PER_DEGREE;
    if (reach >= 89.5) {
      return Double.POSITIVE_INFINITY;
    }
    return radiusKm / (KM_PER_DEGREE * Math.cos(Math.toRadians(reach)));
  }

  private Placement circle(double lat, double lon, double radiusKm) {
    double r = diskDegrees(lat, radiusKm);
    if (r == Double.POSITIVE_INFINITY) {
      return Placement.UNCERTAIN_STRADDLES_BOUNDARY;
    }
    boolean inside = locate(lon, lat) != Location.EXTERIOR;
    if (clear(lon, lat, r)) {
      if (inside) {
        return Placement.INSIDE_BY_BOUNDARY;
      }
    } else {
      return Placement.UNCERTAIN_STRADDLES_BOUNDARY;
    }
    // Outside on this side; a disk over the antimeridian must be outside on the other side too.
    if (lon - r < -180 && !clearOutside(lon + 360, lat, r)) {
      return Placement.UNCERTAIN_STRADDLES_BOUNDARY;
    }
    if (lon + r > 180 && !clearOutside(lon - 360, lat, r)) {
      return Placement.UNCERTAIN_STRADDLES_BOUNDARY;
    }
    return Placement.OUTSIDE_BY_BOUNDARY;
  }

  private boolean clearOutside(double lon, double lat, double r) {
    return locate(lon, lat) == Location.EXTERIOR && clear(lon, lat, r);
  }

  /** True if no boundary edge comes within {@code r} degrees of (lon, lat). */
  private boolean clear(double lon, double lat, double r) {
    Envelope e = java.util.Objects.requireNonNull(envelope);
    if (lon + r < e.getMinX() || lon - r > e.getMaxX() || lat + r < e.getMinY()
        || lat - r > e.getMaxY()) {
      return true;
    }
    return java.util.Objects.requireNonNull(edges)
            .distance(GeoJsonBoundary.GEOMETRY.createPoint(new Coordinate(lon, lat)))
        > r;
  }

  private int locate(double lon, double lat) {
    return java.util.Objects.requireNonNull(locator).locate(new Coordinate(lon, lat));
  }

  /** The postal codes as a sorted list (for hashing). */
  public List<String> sortedCodes() {
    return codes.stream().sorted().toList();
  }
}
