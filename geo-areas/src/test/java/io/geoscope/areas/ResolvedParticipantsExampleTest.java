package io.geoscope.areas;

import io.geoscope.core.Placement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.geoscope.core.Jurisdiction;
import io.geoscope.geoip.GeoResolver;
import io.geoscope.geoip.Places;
import io.geoscope.geoip.writer.MmdbWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of the README's Areas section: a made-up zone (a hexagon, never a real line)
 * and a postal-code area, placed over a City database written by {@link MmdbWriter} whose records
 * carry locations and radii; then GeoIP2-City-Test's own records with large radii.
 */
class ResolvedParticipantsExampleTest {
  static final Jurisdiction UA = Jurisdiction.of("UA");

  @TempDir Path dir;

  static Map<String, Object> city(String sub, double lat, double lon, int radius, String postal) {
    Map<String, Object> r = new HashMap<>(MmdbWriter.geoip2City("UA", sub));
    r.put("location", Map.of("latitude", lat, "longitude", lon, "accuracy_radius", radius));
    if (!postal.isEmpty()) {
      r.put("postal", Map.of("code", postal));
    }
    return r;
  }

  /** The resolver's places as geo-areas reads them (the adapter an engine build would hold). */
  static PlaceSource source(Places p) {
    return new PlaceSource() {
      @Override public int size() { return p.size(); }
      @Override public Jurisdiction jurisdiction(int i) { return p.jurisdiction(i); }
      @Override public @Nullable String postalCode(int i) { return p.postalCode(i); }
      @Override public double latitude(int i) { return p.latitude(i); }
      @Override public double longitude(int i) { return p.longitude(i); }
      @Override public double accuracyRadiusKm(int i) { return p.accuracyRadiusKm(i); }
    };
  }

  @Test
  void participantsComeOutInsideOutsideOrUncertainEachWithTheTestThatPlacedThem() throws Exception {
    String zone = Files.readString(Path.of("examples/made-up-zone.geojson"));
    AreaSet areas = AreaSet.compile(List.of(
        Area.builder("made-up-zone").name("Made-up zone (example only)").country(UA)
            .source("none: a made-up hexagon for the example").boundary(zone).build(),
        Area.builder("made-up-postal-area").name("Made-up postal area (example only)").country(UA)
            .source("none: made-up codes for the example")
            .postalCodes(List.of("85300")).postalPrefixes(List.of("871")).build()));
    Path db = dir.resolve("city.mmdb");
    MmdbWriter.ipv6("GeoIP2-City")
        .buildEpoch(Instant.parse("2026-01-01T00:00:00Z"))
        .insert("198.51.100.0/26", city("14", 47.9, 37.6, 5, "85300"))     // zone centre, 5 km
        .insert("198.51.100.64/26", city("14", 47.9, 37.6, 200, "87100"))  // zone centre, 200 km
        .insert("198.51.100.128/26", city("30", 50.45, 30.52, 10, "01001")) // far from the zone
        .insert("198.51.100.192/26", MmdbWriter.geoip2Country("PL"))
        .write(db);
    // Documentation ranges resolve here only because the example uses them for its addresses.
    GeoResolver resolver = GeoResolver.builder().database(db).documentationRangesResolve(true).build();
    Places places = resolver.places();
    PlacementTable table = areas.precompute(source(places));
    int zoneArea = areas.indexOf("made-up-zone");
    int postalArea = areas.indexOf("made-up-postal-area");

    int near = places.lookup("198.51.100.1");
    int wide = places.lookup("198.51.100.65");
    int kyiv = places.lookup("198.51.100.129");
    int poland = places.lookup("198.51.100.193");
    assertThat(table.placement(zoneArea, near)).isEqualTo(Placement.INSIDE_BY_BOUNDARY);
    assertThat(table.placement(zoneArea, wide)).isEqualTo(Placement.UNCERTAIN_STRADDLES_BOUNDARY);
    assertThat(table.placement(zoneArea, kyiv)).isEqualTo(Placement.OUTSIDE_BY_BOUNDARY);
    assertThat(table.placement(zoneArea, poland)).isEqualTo(Placement.OUTSIDE_BY_COUNTRY);
    assertThat(table.placement(postalArea, near)).isEqualTo(Placement.INSIDE_BY_POSTAL_CODE);
    assertThat(table.placement(postalArea, wide)).isEqualTo(Placement.INSIDE_BY_POSTAL_CODE);
    assertThat(table.placement(postalArea, kyiv)).isEqualTo(Placement.OUTSIDE_BY_POSTAL_CODE);
    assertThat(table.placement(postalArea, 0)).isEqualTo(Placement.UNCERTAIN_UNKNOWN_JURISDICTION);
  }

  @Test
  void geoIp2CityTestRecordsWithLargeRadiiAreUncertainWhereTheyStraddle() throws Exception {
    Path db = Path.of(System.getProperty("geoscope.shared.dir", "../../shared"),
        "geoip", "maxmind-test-data", "GeoIP2-City-Test.mmdb");
    assumeTrue(Files.exists(db), "shared GeoIP data not found at " + db + "; skipping");
    Places places = GeoResolver.builder().database(db).build().places();
    int checked = 0;
    for (int i = 1; i < places.size(); i++) {
      Jurisdiction j = places.jurisdiction(i);
      double lat = places.latitude(i);
      double lon = places.longitude(i);
      double km = places.accuracyRadiusKm(i);
      if (!j.isKnown() || Double.isNaN(lat) || !(km >= 100) || Math.abs(lat) > 60) {
        continue;
      }
      // An area of about 1 x 1 degree around the record's point: the record's own circle
      // straddles it, a 1 km circle at the same point would be inside.
      Area around = Area.builder("around").name("A").country(j.country()).source("test")
          .boundary(Boundaries.rectangle(lon - 0.5, lat - 0.5, lon + 0.5, lat + 0.5)).build();
      if (!AreaValidator.validate(around).isEmpty()) {
        continue; // near the edge of its country's box
      }
      AreaSet s = AreaSet.compile(List.of(around));
      assertThat(s.precompute(source(places)).placement(0, i))
          .as("record %d, radius %s km", i, km)
          .isEqualTo(Placement.UNCERTAIN_STRADDLES_BOUNDARY);
      assertThat(s.place(0, j, null, lat, lon, 1)).isEqualTo(Placement.INSIDE_BY_BOUNDARY);
      checked++;
    }
    assertThat(checked).as("GeoIP2-City-Test records with radius >= 100 km").isPositive();
  }
}
