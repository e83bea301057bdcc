package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.geoscope.core.Jurisdiction;
import io.geoscope.geoip.writer.MmdbWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlacesTest {
  @TempDir Path dir;

  /** A City record with a location and, optionally, a postal code. */
  static Map<String, Object> city(String cc, String sub, double lat, double lon, int radius, String postal) {
    Map<String, Object> r = new HashMap<>(MmdbWriter.geoip2City(cc, sub));
    r.put("location", Map.of("latitude", lat, "longitude", lon, "accuracy_radius", radius));
    if (!postal.isEmpty()) {
      r.put("postal", Map.of("code", postal));
    }
    return r;
  }

  GeoResolver resolver() throws Exception {
    Path db = dir.resolve("city.mmdb");
    MmdbWriter.ipv6("GeoIP2-City")
        .buildEpoch(Instant.parse("2026-01-01T00:00:00Z"))
        .insert("81.2.69.0/24", city("UA", "14", 47.5, 37.2, 20, "85300"))
        .insert("81.2.70.0/24", city("UA", "14", 47.5, 37.2, 20, "85300"))
        .insert("81.2.71.0/24", city("UA", "14", 48.0, 37.8, 500, ""))
        .insert("8.8.8.0/24", MmdbWriter.geoip2Country("US"))
        .insert("2a00::/16", city("DE", "BE", 52.5, 13.4, 5, "10115"))
        .write(db);
    return GeoResolver.builder().database(db).build();
  }

  @Test
  void eachAddressGetsItsRecordsPostalCodeLocationAndRadius() throws Exception {
    GeoResolver r = resolver();
    Places p = r.places();
    int a = p.lookup("81.2.69.160");
    assertThat(p.postalCode(a)).isEqualTo("85300");
    assertThat(p.latitude(a)).isCloseTo(47.5, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(p.longitude(a)).isCloseTo(37.2, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(p.accuracyRadiusKm(a)).isEqualTo(20);
    assertThat(p.jurisdiction(a)).isEqualTo(Jurisdiction.of("UA-14"));
    assertThat(p.evidence(a)).isSameAs(r.resolve("81.2.69.160"));
    // Equal records share one place; a different location is another place in the same
    // jurisdiction (its evidence differs only by the accuracy radius it carries).
    assertThat(p.lookup("81.2.70.1")).isEqualTo(a);
    int b = p.lookup("81.2.71.1");
    assertThat(b).isNotEqualTo(a);
    assertThat(p.evidence(b).jurisdiction()).isEqualTo(p.evidence(a).jurisdiction());
    assertThat(p.evidence(b).accuracyRadiusKm()).isEqualTo(500);
    assertThat(p.postalCode(b)).isNull();
    assertThat(p.accuracyRadiusKm(b)).isEqualTo(500);
    // Through every IPv6 spelling the resolver translates.
    assertThat(p.lookup("::ffff:81.2.69.1")).isEqualTo(a);
    assertThat(p.lookup("2002:5102:4501::1")).isEqualTo(a);
    assertThat(p.lookupIpv4(0x51024501)).isEqualTo(a);
    int de = p.lookup("2a00:1450::1");
    assertThat(p.lookupIpv6(0x2a00_1450_0000_0000L, 1)).isEqualTo(de);
    assertThat(p.postalCode(de)).isEqualTo("10115");
  }

  @Test
  void countryRecordsAndUnknownAddressesHaveNoDetail() throws Exception {
    Places p = resolver().places();
    for (String ip : List.of("8.8.8.8", "1.1.1.1", "10.0.0.1", "fe80::1")) {
      int i = p.lookup(ip);
      assertThat(p.postalCode(i)).isNull();
      assertThat(p.latitude(i)).isNaN();
      assertThat(p.longitude(i)).isNaN();
      assertThat(p.accuracyRadiusKm(i)).isNaN();
    }
    assertThat(p.lookup("10.0.0.1")).isZero();
    assertThat(p.lookup("1.1.1.1")).isZero();
    assertThat(p.size()).isEqualTo(5); // none, two UA places, US, DE
  }

  @Test
  void aReloadGivesANewPlaceViewAndTheSameViewUntilThen() throws Exception {
    GeoResolver r = resolver();
    Places first = r.places();
    assertThat(r.places()).isSameAs(first);
    Path next = dir.resolve("next.mmdb");
    MmdbWriter.ipv6("GeoIP2-City")
        .buildEpoch(Instant.parse("2026-02-01T00:00:00Z"))
        .insert("81.2.69.0/24", city("UA", "14", 46.0, 35.0, 1, "72300"))
        .write(next);
    r.reload(next);
    Places second = r.places();
    assertThat(second).isNotSameAs(first);
    assertThat(second.postalCode(second.lookup("81.2.69.1"))).isEqualTo("72300");
    assertThat(first.postalCode(first.lookup("81.2.69.1"))).isEqualTo("85300");
  }

  @Test
  void theGeoIp2CityTestDatabaseCarriesItsLocationsAndRadii() throws Exception {
    Path db = SharedData.testDb("GeoIP2-City-Test.mmdb");
    Places p = GeoResolver.builder().database(db).build().places();
    int london = p.lookup("81.2.69.160");
    assertThat(p.latitude(london)).isCloseTo(51.5142, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(p.accuracyRadiusKm(london)).isPositive();
    int large = -1;
    for (int i = 1; i < p.size(); i++) {
      if (p.accuracyRadiusKm(i) >= 100) {
        large = i;
      }
    }
    assertThat(large).as("a record with a radius of 100 km or more").isPositive();
  }

  @Test
  void placeLookupsAllocateNothingAfterWarmUp() throws Exception {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no allocation counter on this JVM");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
        "thread allocation accounting is not enabled on this JVM");
    Places p = resolver().places();
    String[] ips = {"81.2.69.160", "81.2.71.1", "2a00:1450::1", "8.8.8.8", "::ffff:81.2.69.1"};
    double sum = run(p, ips, 200_000);
    long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    sum += run(p, ips, 100_000);
    long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    assertThat(sum).isNotZero();
    assertThat(allocated).as("bytes allocated by 100k place lookups and reads").isLessThan(1024);
  }

  private static double run(Places p, String[] ips, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      int place = p.lookup(ips[i % ips.length]);
      double r = p.accuracyRadiusKm(place);
      sum += place + (Double.isNaN(r) ? 0 : r) + (p.postalCode(place) == null ? 0 : 1);
    }
    return sum;
  }
}
