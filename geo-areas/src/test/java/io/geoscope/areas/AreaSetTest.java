package io.geoscope.areas;

import io.geoscope.core.Placement;
import static io.geoscope.areas.Boundaries.polygon;
import static io.geoscope.areas.Boundaries.rectangle;
import static io.geoscope.areas.Boundaries.ring;
import static org.assertj.core.api.Assertions.assertThat;

import io.geoscope.core.Jurisdiction;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AreaSetTest {
  static final Jurisdiction UA = Jurisdiction.of("UA");
  static final double NaN = Double.NaN;

  static Area box(String id) {
    return Area.builder(id).name(id).country(UA).source("test").boundary(rectangle(36, 47, 38, 48)).build();
  }

  static Area codes(String id, List<String> codes, List<String> prefixes) {
    return Area.builder(id).name(id).country(UA).source("test").postalCodes(codes).postalPrefixes(prefixes).build();
  }

  @Test
  void aCircleWhollyInsideIsInsideAndOneCrossingTheEdgeIsUncertain() throws AreaException {
    AreaSet s = AreaSet.compile(List.of(box("b")));
    assertThat(s.place(0, UA, null, 47.5, 37, 10)).isEqualTo(Placement.INSIDE_BY_BOUNDARY);
    // 0.5 degrees of latitude is ~55 km: a 100 km radius reaches past the southern edge.
    assertThat(s.place(0, UA, null, 47.5, 37, 100)).isEqualTo(Placement.UNCERTAIN_STRADDLES_BOUNDARY);
    assertThat(s.place(0, UA, null, 49, 37, 50)).isEqualTo(Placement.OUTSIDE_BY_BOUNDARY);
    assertThat(s.place(0, UA, null, 48.3, 37, 50)).isEqualTo(Placement.UNCERTAIN_STRADDLES_BOUNDARY);
    // MaxMind's 1,000 km radius straddles any area of this size.
    assertThat(s.place(0, UA, null, 47.5, 37, 1000)).isEqualTo(Placement.UNCERTAIN_STRADDLES_BOUNDARY);
  }

  @Test
  void theCircleTestIsConservativeAboutLongitudeDegreesShrinkingWithLatitude() throws AreaException {
    AreaSet s = AreaSet.compile(List.of(box("b")));
    // At 47.5 N a degree of longitude is ~75 km; 0.4 degrees east of the centre edge is ~30 km.
    assertThat(s.place(0, UA, null, 47.5, 37.6, 35)).isEqualTo(Placement.UNCERTAIN_STRADDLES_BOUNDARY);
    assertThat(s.place(0, UA, null, 47.5, 37.6, 20)).isEqualTo(Placement.INSIDE_BY_BOUNDARY);
  }

  @Test
  void withoutALocationCircleABoundaryCannotDecide() throws AreaException {
    AreaSet s = AreaSet.compile(List.of(box("b")));
    assertThat(s.place(0, UA, null, 47.5, 37, NaN)).isEqualTo(Placement.UNCERTAIN_NO_PLACE_DETAIL);
    assertThat(s.place(0, UA, null, NaN, NaN, 10)).isEqualTo(Placement.UNCERTAIN_NO_PLACE_DETAIL);
    assertThat(s.place(0, UA, "99999", NaN, NaN, NaN)).isEqualTo(Placement.UNCERTAIN_NO_PLACE_DETAIL);
  }

  @Test
  void postalCodesDecideByExactCodeOrPrefixAfterNormalising() throws AreaException {
    AreaSet s = AreaSet.compile(List.of(codes("c", List.of("83 000"), List.of("84-"))));
    assertThat(s.place(0, UA, "83000", NaN, NaN, NaN)).isEqualTo(Placement.INSIDE_BY_POSTAL_CODE);
    assertThat(s.place(0, UA, "84123", NaN, NaN, NaN)).isEqualTo(Placement.INSIDE_BY_POSTAL_CODE);
    assertThat(s.place(0, UA, "83001", NaN, NaN, NaN)).isEqualTo(Placement.OUTSIDE_BY_POSTAL_CODE);
    assertThat(s.place(0, UA, null, 47, 37, 1)).isEqualTo(Placement.UNCERTAIN_NO_PLACE_DETAIL);
    assertThat(s.place(0, UA, "", 47, 37, 1)).isEqualTo(Placement.UNCERTAIN_NO_PLACE_DETAIL);
  }

  @Test
  void withBothAListedPostalCodeWinsAndAnUnlistedOneLeavesItToTheBoundary() throws AreaException {
    Area both =
        Area.builder("both").name("B").country(UA).source("t").postalCodes(List.of("83000"))
            .boundary(rectangle(36, 47, 38, 48)).build();
    AreaSet s = AreaSet.compile(List.of(both));
    assertThat(s.place(0, UA, "83000", 50, 30, 1)).isEqualTo(Placement.INSIDE_BY_POSTAL_CODE);
    assertThat(s.place(0, UA, "10000", 47.5, 37, 5)).isEqualTo(Placement.INSIDE_BY_BOUNDARY);
    assertThat(s.place(0, UA, "10000", 50, 30, 5)).isEqualTo(Placement.OUTSIDE_BY_BOUNDARY);
    assertThat(s.place(0, UA, "10000", NaN, NaN, NaN)).isEqualTo(Placement.UNCERTAIN_NO_PLACE_DETAIL);
  }

  @Test
  void countryAndSubdivisionComeFirst() throws AreaException {
    Area inOblast =
        Area.builder("z").name("Z").subdivision(Jurisdiction.of("UA-14")).source("t")
            .boundary(rectangle(36, 47, 38, 48)).build();
    AreaSet s = AreaSet.compile(List.of(inOblast));
    assertThat(s.place(0, Jurisdiction.of("RU"), null, 47.5, 37, 1)).isEqualTo(Placement.OUTSIDE_BY_COUNTRY);
    assertThat(s.place(0, Jurisdiction.of("UA-23"), null, 47.5, 37, 1)).isEqualTo(Placement.OUTSIDE_BY_SUBDIVISION);
    assertThat(s.place(0, Jurisdiction.of("UA-14"), null, 47.5, 37, 1)).isEqualTo(Placement.INSIDE_BY_BOUNDARY);
    assertThat(s.place(0, UA, null, 47.5, 37, 1)).isEqualTo(Placement.INSIDE_BY_BOUNDARY);
    assertThat(s.place(0, Jurisdiction.unknown(io.geoscope.core.UnknownReason.NOT_FOUND), null, 47.5, 37, 1))
        .isEqualTo(Placement.UNCERTAIN_UNKNOWN_JURISDICTION);
  }

  @Test
  void holesAreOutside() throws AreaException {
    Area ring =
        Area.builder("r").name("R").country(UA).source("t")
            .boundary(polygon(ring(36, 47, 38, 47, 38, 49, 36, 49), ring(36.5, 47.5, 37.5, 47.5, 37.5, 48.5, 36.5, 48.5)))
            .build();
    AreaSet s = AreaSet.compile(List.of(ring));
    assertThat(s.place(0, UA, null, 48, 37, 5)).isEqualTo(Placement.OUTSIDE_BY_BOUNDARY);
    assertThat(s.place(0, UA, null, 47.25, 37, 5)).isEqualTo(Placement.INSIDE_BY_BOUNDARY);
  }

  @Test
  void disksReachingAPoleOrCrossingTheAntimeridianAreNeverCalledOutsideWithoutLooking() throws AreaException {
    Area east =
        Area.builder("e").name("E").country(Jurisdiction.of("RU")).source("t")
            .boundary(rectangle(178, 64, 180, 66)).build();
    AreaSet s = AreaSet.compile(List.of(east));
    Jurisdiction ru = Jurisdiction.of("RU");
    // West of the antimeridian by 0.5 degrees at 65 N (~23 km): a 60 km circle reaches the area.
    assertThat(s.place(0, ru, null, 65, -179.5, 60)).isEqualTo(Placement.UNCERTAIN_STRADDLES_BOUNDARY);
    assertThat(s.place(0, ru, null, 65, -170, 60)).isEqualTo(Placement.OUTSIDE_BY_BOUNDARY);
    assertThat(s.place(0, ru, null, 89.9, 0, 10)).isEqualTo(Placement.UNCERTAIN_STRADDLES_BOUNDARY);
  }

  @Test
  void theDefinitionHashIgnoresRingStartOrientationNameAndOrder() throws AreaException {
    Area a = Area.builder("a").name("A").country(UA).source("s1").postalCodes(List.of("2", "1"))
        .boundary(polygon(ring(36, 47, 38, 47, 38, 48, 36, 48))).build();
    Area b = Area.builder("b").name("B").country(UA).source("s2").postalCodes(List.of("1", "2", "1"))
        .boundary(polygon(ring(38, 48, 38, 47, 36, 47, 36, 48))).build();
    Area c = Area.builder("c").name("A").country(UA).source("s1").postalCodes(List.of("1", "2"))
        .boundary(polygon(ring(36, 47, 38, 47, 38, 48.001, 36, 48))).build();
    AreaSet s = AreaSet.compile(List.of(a, b, c));
    assertThat(s.definitionHash(0)).matches("sha256:[0-9a-f]{64}").isEqualTo(s.definitionHash(1));
    assertThat(s.definitionHash(2)).isNotEqualTo(s.definitionHash(0));
    assertThat(AreaSet.compile(List.of(a)).definitionHash(0)).isEqualTo(s.definitionHash(0));
    assertThat(s.indexOf("c")).isEqualTo(2);
    assertThat(s.indexOf("nope")).isEqualTo(-1);
    assertThat(s.size()).isEqualTo(3);
    assertThat(s.areas()).containsExactly(a, b, c);
  }

  @Test
  void thePrecomputedTableSaysWhatPlaceSays() throws AreaException {
    AreaSet s = AreaSet.compile(List.of(box("b"), codes("c", List.of("83000"), List.of())));
    Place[] places = {
      new Place(UA, null, 47.5, 37, 10),
      new Place(UA, "83000", 47.5, 37, 100),
      new Place(Jurisdiction.of("PL"), null, 47.5, 37, 1),
      new Place(UA, "1", NaN, NaN, NaN),
    };
    PlacementTable t = s.precompute(Place.source(places));
    assertThat(t.areas()).isEqualTo(2);
    assertThat(t.places()).isEqualTo(4);
    for (int a = 0; a < 2; a++) {
      for (int p = 0; p < places.length; p++) {
        Place x = places[p];
        assertThat(t.placement(a, p)).isEqualTo(s.place(a, x.where(), x.postal(), x.lat(), x.lon(), x.radius()));
      }
    }
    assertThat(t.placement(0, 0)).isEqualTo(Placement.INSIDE_BY_BOUNDARY);
    assertThat(t.placement(1, 1)).isEqualTo(Placement.INSIDE_BY_POSTAL_CODE);
    assertThat(t.placement(1, 2)).isEqualTo(Placement.OUTSIDE_BY_COUNTRY);
    assertThat(t.placement(1, 3)).isEqualTo(Placement.OUTSIDE_BY_POSTAL_CODE);
  }

  @Test
  void placementsNameTheirVerdictAndTest() {
    for (Placement p : Placement.values()) {
      assertThat(List.of(p.isInside(), p.isOutside(), p.isUncertain())).containsOnlyOnce(true);
    }
    assertThat(Placement.INSIDE_BY_BOUNDARY.test()).isEqualTo(Placement.Test.BOUNDARY);
    assertThat(Placement.OUTSIDE_BY_POSTAL_CODE.verdict()).isEqualTo(Placement.Verdict.OUTSIDE);
  }

  @Test
  void areasAreValuesAndNormalisePostalCodes() {
    Area a = codes("c", List.of("ab 1-2"), List.of());
    assertThat(a.postalCodes()).containsExactly("AB12");
    assertThat(a).isEqualTo(codes("c", List.of("AB12"), List.of())).hasSameHashCodeAs(codes("c", List.of("AB12"), List.of()));
    assertThat(a).isNotEqualTo(codes("d", List.of("AB12"), List.of())).isNotEqualTo("c");
    assertThat(a.toString()).contains("c").contains("UA");
    assertThat(a.boundary()).isEmpty();
    assertThat(a.subdivision()).isEmpty();
    assertThat(a.name()).isEqualTo("c");
    assertThat(a.source()).isEqualTo("test");
  }

  /** A place for tests. */
  record Place(Jurisdiction where, @Nullable String postal, double lat, double lon, double radius) {
    static PlaceSource source(Place[] places) {
      return new PlaceSource() {
        @Override public int size() { return places.length; }
        @Override public Jurisdiction jurisdiction(int i) { return places[i].where; }
        @Override public @Nullable String postalCode(int i) { return places[i].postal; }
        @Override public double latitude(int i) { return places[i].lat; }
        @Override public double longitude(int i) { return places[i].lon; }
        @Override public double accuracyRadiusKm(int i) { return places[i].radius; }
      };
    }
  }
}
