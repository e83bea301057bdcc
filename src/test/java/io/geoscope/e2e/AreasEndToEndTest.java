package io.geoscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.geoscope.core.Areas;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Evidence;
import io.geoscope.core.Meeting;
import io.geoscope.core.Outcome;
import io.geoscope.core.Placement;
import io.geoscope.core.Policy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.geoscope.core.Participant;
import io.geoscope.core.Role;
import io.geoscope.geoip.GeoResolver;
import io.geoscope.policy.DecisionRecords;
import io.geoscope.server.GeoServer;
import io.geoscope.server.ServerConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import io.geoscope.geoip.writer.MmdbWriter;
import io.geoscope.policy.PolicyFiles;
import io.geoscope.policy.PolicyReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Areas example end to end: the example policy ({@code
 * geo-areas/examples/areas-policy.yaml}: a made-up hexagon from a file beside it, and a postal-code
 * area) over a City database written by {@link MmdbWriter} whose records carry locations and radii,
 * through a resolver that places every record at load and the real engine.
 */
class AreasEndToEndTest {
  static final Path POLICY = Path.of("geo-areas/examples/areas-policy.yaml");
  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  @TempDir Path dir;

  static Map<String, Object> city(String sub, double lat, double lon, int radius, String postal) {
    Map<String, Object> r = new HashMap<>(MmdbWriter.geoip2City("UA", sub));
    r.put("location", Map.of("latitude", lat, "longitude", lon, "accuracy_radius", radius));
    if (!postal.isEmpty()) {
      r.put("postal", Map.of("code", postal));
    }
    return r;
  }

  Path database() throws Exception {
    Path db = dir.resolve("city.mmdb");
    MmdbWriter.ipv6("GeoIP2-City")
        .buildEpoch(Instant.parse("2026-11-01T00:00:00Z"))
        .insert("198.51.100.0/26", city("14", 47.9, 37.6, 5, "84100"))     // zone centre, 5 km
        .insert("198.51.100.64/26", city("14", 47.9, 37.6, 200, "84100"))  // zone centre, 200 km
        .insert("198.51.100.128/26", city("30", 50.45, 30.52, 10, "01001")) // Kyiv
        .insert("198.51.100.192/27", city("14", 48.5, 35.0, 20, "87100"))  // postal-area prefix
        .insert("198.51.100.224/27", MmdbWriter.geoip2Country("PL"))
        .write(db);
    return db;
  }

  @Test
  void insideOutsideAndUncertainParticipantsAreEachDecidedAndExplained() throws Exception {
    Policy policy = PolicyFiles.load(POLICY);
    // Documentation ranges resolve here only because the example uses them for its addresses.
    GeoResolver resolver = GeoResolver.builder().database(database())
        .documentationRangesResolve(true).areas(policy.areas()).build();
    DecisionEngine engine = DecisionEngine.builder(policy).build();

    Decision inside = engine.decide(resolver.resolve("198.51.100.1"), Meeting.plain(), NOW);
    assertThat(inside.outcome()).isEqualTo(Outcome.DENY);
    assertThat(inside.applied()).extracting(a -> a.ruleId() + ": " + a.area()).containsExactly(
        "zone-sanctions: area made-up-zone: inside (location circle within the boundary)");

    Decision straddles = engine.decide(resolver.resolve("198.51.100.65"), Meeting.plain(), NOW);
    assertThat(straddles.outcome()).as(straddles.describe()).isEqualTo(Outcome.ADMIT);
    assertThat(straddles.describe())
        .contains("area made-up-zone: uncertain (the location circle straddles the boundary)")
        .contains("area made-up-postal-area: outside (postal code not listed)");

    Decision kyiv = engine.decide(resolver.resolve("198.51.100.129"), Meeting.plain(), NOW);
    assertThat(kyiv.outcome()).isEqualTo(Outcome.ADMIT);
    assertThat(kyiv.describe()).contains("area made-up-zone: outside (another subdivision)");

    Decision postal = engine.decide(resolver.resolve("198.51.100.193"), Meeting.plain(), NOW);
    assertThat(postal.outcome()).isEqualTo(Outcome.DENY);
    assertThat(postal.applied()).extracting(a -> a.ruleId() + ": " + a.area()).containsExactly(
        "postal-area-sanctions: area made-up-postal-area: inside (postal code listed)");

    Decision poland = engine.decide(resolver.resolve("198.51.100.225"), Meeting.plain(), NOW);
    assertThat(poland.outcome()).isEqualTo(Outcome.ADMIT);
    assertThat(poland.evidence().areas().isEmpty()).isTrue();
    assertThat(poland.describe()).isEqualTo("admitted");

    // The placements were computed at load: every lookup of a place returns the same evidence.
    assertThat(resolver.resolve("198.51.100.2")).isSameAs(resolver.resolve("198.51.100.3"));

    // The report names both areas with their hashes and what each does to whom.
    String report = PolicyReport.of(policy, NOW).toText();
    for (var ref : policy.areas().refs()) {
      assertThat(report).contains(ref.id()).contains(ref.definitionHash());
    }
  }

  @Test
  void geoServerPlacesAddressesAndTakesAPostalCodeForDeclaredOrDialInLocations() throws Exception {
    ServerConfig config = ServerConfig.of(POLICY.toAbsolutePath(), database()).withPort(0)
        .withReloadInterval(Duration.ZERO).withDocumentationRangesResolve(true);
    try (GeoServer server = GeoServer.start(config)) {
      JsonNode inside = post(server, "{\"participant\":{\"id\":\"a\",\"address\":\"198.51.100.1\"}}");
      assertThat(inside.get("outcome").asText()).isEqualTo("deny");
      assertThat(inside.get("reason").asText()).contains("area made-up-zone: inside");
      // Declared in Kyiv without a postal code: the postal area's on-uncertain: apply denies.
      JsonNode unplaced = post(server, "{\"participant\":{\"id\":\"b\",\"declared\":\"UA-30\"}}");
      assertThat(unplaced.get("outcome").asText()).isEqualTo("deny");
      // The same with a postal code outside the postal area: placed outside, admitted.
      JsonNode placed = post(server,
          "{\"participant\":{\"id\":\"c\",\"declared\":\"UA-30\",\"postal_code\":\"01001\"}}");
      assertThat(placed.get("outcome").asText()).as(placed.toString()).isEqualTo("admit");
      assertThat(placed.toString()).doesNotContain("01001");
      // A postal code never overrides the database's placement of an address.
      JsonNode address = post(server, "{\"participant\":{\"id\":\"d\",\"address\":"
          + "\"198.51.100.129\",\"postal_code\":\"87100\"}}");
      assertThat(address.get("outcome").asText()).isEqualTo("admit");
    }
  }

  static JsonNode post(GeoServer server, String body) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(server.uri().resolve("/v1/decide"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }

  @Test
  void theAuditRecordNamesTheAreaAndTheTestButNoPlaceDetail() throws Exception {
    Policy policy = PolicyFiles.load(POLICY);
    GeoResolver resolver = GeoResolver.builder().database(database())
        .documentationRangesResolve(true).areas(policy.areas()).build();
    Decision d = DecisionEngine.builder(policy).build()
        .decide(resolver.resolve("198.51.100.193"), Meeting.plain(), NOW);
    String record = DecisionRecords.toJson(NOW,
        new Participant("p", Role.ATTENDEE, d.evidence()), d);
    assertThat(record).contains("\"area\":\"area made-up-postal-area: inside (postal code listed)\"")
        .contains("\"made-up-zone\":\"OUTSIDE_BY_BOUNDARY\"")
        .doesNotContain("87100").doesNotContain("48.5").doesNotContain("198.51.100");
  }

  @Test
  void placementsFollowReloadsAndAreasCanBeSwappedOrRemoved() throws Exception {
    Policy policy = PolicyFiles.load(POLICY);
    Path db = database();
    GeoResolver resolver =
        GeoResolver.builder().database(db).documentationRangesResolve(true).build();
    assertThat(resolver.resolve("198.51.100.1").areas().isEmpty()).isTrue();

    resolver.areas(policy.areas());
    Evidence placed = resolver.resolve("198.51.100.1");
    assertThat(placed.areas().placement("made-up-zone")).isEqualTo(Placement.INSIDE_BY_BOUNDARY);

    resolver.reload(db, true);
    assertThat(resolver.resolve("198.51.100.1").areas().placement("made-up-zone"))
        .as("a reloaded database is placed against the same areas")
        .isEqualTo(Placement.INSIDE_BY_BOUNDARY);

    resolver.areas(Areas.none());
    assertThat(resolver.resolve("198.51.100.1").areas().isEmpty()).isTrue();
  }
}
