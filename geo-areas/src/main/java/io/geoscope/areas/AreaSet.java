package io.geoscope.areas;

import io.geoscope.core.Placement;
import io.geoscope.core.AreaPlacements;
import io.geoscope.core.AreaRef;
import io.geoscope.core.Areas;
import io.geoscope.core.Jurisdiction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Validated, compiled areas: the front door of this module.
 *
 * <pre>{@code
 * AreaSet areas = AreaSet.compile(List.of(area));          // throws AreaException with problems
 * Placement p = areas.place(0, Jurisdiction.of("UA"), null, 47.1, 37.5, 20);
 * PlacementTable table = areas.precompute(resolverPlaces); // then table.placement(0, place)
 * }</pre>
 *
 * <p>{@link #place} runs the tests directly (JTS index lookups; it allocates a few small objects);
 * {@link #precompute} runs them once per distinct place so the hot path is {@link
 * PlacementTable#placement}, an array read.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AreaSet implements Areas {
  private final List<Area> areas;
  private final CompiledArea[] compiled;
  private final String[] hashes;
  private final Map<String, Integer> index;
  private final List<AreaRef> refs;
  /** Area indexes by country, for {@link #place(Jurisdiction, String, double, double, double)}. */
  private final Map<Jurisdiction, int[]> byCountry;

  private AreaSet(List<Area> areas, CompiledArea[] compiled) {
    this.areas = List.copyOf(areas);
    this.compiled = compiled;
    this.hashes = new String[compiled.length];
    this.index = new HashMap<>();
    List<AreaRef> r = new ArrayList<>();
    Map<Jurisdiction, List<Integer>> countries = new HashMap<>();
    for (int i = 0; i < compiled.length; i++) {
      Area a = areas.get(i);
      hashes[i] = hash(compiled[i]);
      index.put(a.id(), i);
      r.add(new AreaRef(a.id(), a.name(), a.subdivision().orElse(a.country()), a.source(),
          hashes[i]));
      countries.computeIfAbsent(a.country(), c -> new ArrayList<>()).add(i);
    }
    this.refs = List.copyOf(r);
    this.byCountry = new HashMap<>();
    countries.forEach(
        (c, list) -> byCountry.put(c, list.stream().mapToInt(Integer::intValue).toArray()));
  }

  /** An empty set: no areas. */
  public static AreaSet empty() {
    return new AreaSet(List.of(), new CompiledArea[0]);
  }

  /**
   * Validates and compiles {@code areas} (see {@link AreaValidator}).
   *
   * @throws AreaException listing every problem, if there is any
   */
  public static AreaSet compile(List<Area> areas) throws AreaException {
    List<AreaProblem> problems = new ArrayList<>(AreaValidator.validate(areas));
    if (!problems.isEmpty()) {
      throw new AreaException(problems);
    }
    CompiledArea[] compiled = new CompiledArea[areas.size()];
    for (int i = 0; i < compiled.length; i++) {
      Geometry g = AreaValidator.check(areas.get(i), new ArrayList<>());
      compiled[i] = new CompiledArea(areas.get(i), g);
    }
    return new AreaSet(areas, compiled);
  }

  /** Every area's reference for scopes and reports (id, name, where, source, hash), in order. */
  @Override
  public List<AreaRef> refs() {
    return refs;
  }

  /**
   * The reference of the area with id {@code id}, to name it in a rule's scope built in code.
   *
   * @throws IllegalArgumentException if there is no such area
   */
  public AreaRef ref(String id) {
    int i = indexOf(id);
    if (i < 0) {
      throw new IllegalArgumentException("no area '" + id + "' in this set");
    }
    return refs.get(i);
  }

  /**
   * The placements, relative to every area of {@code where}'s country, of a participant resolved to
   * {@code where} with {@code postalCode} and a location circle (NaN when unknown); empty for an
   * unknown jurisdiction or a country without areas. Runs the tests: precompute per place.
   */
  @Override
  public AreaPlacements place(
      Jurisdiction where, @Nullable String postalCode, double latitude, double longitude,
      double radiusKm) {
    if (!where.isKnown()) {
      return AreaPlacements.none();
    }
    int[] in = byCountry.get(where.country());
    if (in == null) {
      return AreaPlacements.none();
    }
    Map<String, Placement> out = new HashMap<>();
    for (int i : in) {
      out.put(areas.get(i).id(), compiled[i].place(where, postalCode, latitude, longitude, radiusKm));
    }
    return AreaPlacements.of(out);
  }

  /** The areas, in the order given. */
  public List<Area> areas() {
    return areas;
  }

  /** How many areas. */
  public int size() {
    return compiled.length;
  }

  /** The index of the area with id {@code id}, or -1. */
  public int indexOf(String id) {
    Integer i = index.get(id);
    return i == null ? -1 : i;
  }

  /**
   * A stable hash of area {@code i}'s definition (country, subdivision, postal codes and prefixes
   * as sets, the boundary normalised by JTS so ring start and orientation do not matter), as
   * {@code sha256:} and 64 hex digits. Name and source are not part of it: reports show those.
   */
  public String definitionHash(int i) {
    return hashes[i];
  }

  /**
   * Places a participant relative to area {@code area}: resolved to {@code where}, with {@code
   * postalCode} (or null) and location circle (lat, lon in degrees, radius in km), NaN when unknown.
   *
   * @throws IndexOutOfBoundsException if {@code area} is not an index of this set
   */
  public Placement place(
      int area,
      Jurisdiction where,
      @Nullable String postalCode,
      double lat,
      double lon,
      double radiusKm) {
    return compiled[area].place(where, postalCode, lat, lon, radiusKm);
  }

  /** Every area's placement of every place of {@code places}, computed now. */
  // The ordinal is only ever read back by PlacementTable in the same run; nothing persists it.
  @SuppressWarnings("EnumOrdinal")
  public PlacementTable precompute(PlaceSource places) {
    int n = places.size();
    byte[][] table = new byte[compiled.length][n];
    for (int p = 0; p < n; p++) {
      Jurisdiction j = places.jurisdiction(p);
      String code = places.postalCode(p);
      double lat = places.latitude(p);
      double lon = places.longitude(p);
      double r = places.accuracyRadiusKm(p);
      for (int a = 0; a < compiled.length; a++) {
        table[a][p] = (byte) compiled[a].place(j, code, lat, lon, r).ordinal();
      }
    }
    return new PlacementTable(table, n);
  }

  private static String hash(CompiledArea c) {
    Area a = c.area();
    StringBuilder b = new StringBuilder("geoscope-area-definition/1\n");
    b.append("country=").append(a.country().code()).append('\n');
    b.append("subdivision=").append(a.subdivision().map(Jurisdiction::code).orElse("")).append('\n');
    b.append("postal-codes=").append(String.join(",", c.sortedCodes())).append('\n');
    b.append("postal-code-prefixes=")
        .append(String.join(",", a.postalPrefixes().stream().distinct().sorted().toList()))
        .append('\n');
    b.append("boundary=");
    Geometry g = c.boundary();
    if (g != null) {
      Geometry n = g.norm();
      for (int i = 0; i < n.getNumGeometries(); i++) {
        b.append(i == 0 ? "" : ";");
        appendPolygon(b, (org.locationtech.jts.geom.Polygon) n.getGeometryN(i));
      }
    }
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static void appendPolygon(StringBuilder b, org.locationtech.jts.geom.Polygon p) {
    appendRing(b, p.getExteriorRing().getCoordinates());
    for (int h = 0; h < p.getNumInteriorRing(); h++) {
      b.append('|');
      appendRing(b, p.getInteriorRingN(h).getCoordinates());
    }
  }

  private static void appendRing(StringBuilder b, Coordinate[] ring) {
    for (Coordinate c : ring) {
      b.append(c.x).append(' ').append(c.y).append(',');
    }
  }
}
