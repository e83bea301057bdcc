package io.geoscope.benchmarks;

import io.geoscope.core.Jurisdiction;
import io.geoscope.geoip.writer.MmdbWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An IPv4 database shaped like GeoLite2-City and of its size (about 28 MB), written by {@link
 * MmdbWriter}: networks from 1.0.0.0 up to 224.0.0.0 (at most {@value #NETWORKS}; the unicast
 * space runs out first, at about 1.5 million search-tree nodes), many of them small (/24 to /32,
 * as City databases split blocks by city), over {@value #CITIES} distinct full City records:
 * continent, country and registered country with names in GeoLite2's eight languages, city names
 * in one to eight of them, location (latitude, longitude, accuracy radius, time zone), postal code
 * and one or two subdivisions (real ISO 3166-2 codes of the country) with names. What the compile
 * pays for is what a real City file makes it pay for: the walk over more than a million nodes and
 * the decoding of many large records.
 *
 * <p>The file is written once per seed into {@code java.io.tmpdir/geoscope-bench/} and reused.
 */
final class CityShapedDatabase {

  static final int NETWORKS = 2_600_000;
  static final int CITIES = 25_000;

  /** Bump when the generator changes, so stale cached files are not reused. */
  private static final int GENERATOR_VERSION = 2;

  private static final List<String> LANGUAGES =
      List.of("en", "de", "es", "fr", "ja", "pt-BR", "ru", "zh-CN");

  private static final String[][] CONTINENTS = {
    {"AF", "6255146"}, {"AN", "6255152"}, {"AS", "6255147"}, {"EU", "6255148"},
    {"NA", "6255149"}, {"OC", "6255151"}, {"SA", "6255150"}
  };

  private CityShapedDatabase() {}

  /** The path of the database for {@code seed}, writing it first if it is not cached yet. */
  static Path path(long seed) {
    return SyntheticDatabase.cached(
        "city-shaped-v" + GENERATOR_VERSION + "-" + seed + ".mmdb", () -> writer(seed));
  }

  /** A writer holding the whole City-shaped database for {@code seed}. */
  static MmdbWriter writer(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Map<String, Object>> cities = cities(random);
    MmdbWriter w =
        MmdbWriter.ipv4("GeoLite2-City")
            .languages(LANGUAGES)
            .buildEpoch(Instant.parse("2026-06-17T00:00:00Z"))
            .description("en", "Geoscope City-shaped benchmark database, seed " + seed);
    long next = 0x01000000L;
    long end = 0xE0000000L;
    int written = 0;
    while (written < NETWORKS && next < end) {
      // A run of neighbouring networks in one city, as a block is split by a registry's customer.
      Map<String, Object> city = cities.get(zipf(random, cities.size()));
      int run = 1 + random.nextInt(16);
      for (int i = 0; i < run && written < NETWORKS; i++) {
        int prefix = prefix(random);
        long size = 1L << (32 - prefix);
        long start = (next + size - 1) & -size;
        long reservedEnd = SyntheticDatabase.reservedEnd(start, size);
        if (reservedEnd >= 0) {
          next = reservedEnd;
          continue;
        }
        if (start + size > end) {
          next = end;
          break;
        }
        w.insert(SyntheticDatabase.address4(start), prefix, city);
        written++;
        next = start + size;
      }
      if (random.nextInt(8) == 0) {
        next += 256L * (1 + random.nextInt(16));
      }
    }
    return w;
  }

  /** Mostly small networks: City databases split the address space finely. */
  private static int prefix(SplittableRandom random) {
    int p = random.nextInt(100);
    // 30% /24, 15% /29-/32, 30% /25-/28, 25% /16-/23
    return p < 30 ? 24 : p < 45 ? 32 - random.nextInt(4) : p < 75 ? 25 + random.nextInt(4) : 16 + random.nextInt(8);
  }

  /** An index skewed towards the first ones, as a few big cities hold most networks. */
  private static int zipf(SplittableRandom random, int n) {
    return (int) Math.floor(Math.pow(random.nextDouble(), 3) * n);
  }

  private static List<Map<String, Object>> cities(SplittableRandom random) {
    List<Jurisdiction> countries = Jurisdiction.countries();
    Map<String, List<String>> subdivisionCodes = new java.util.HashMap<>();
    for (Jurisdiction s : Jurisdiction.subdivisions()) {
      String code = s.code();
      subdivisionCodes.computeIfAbsent(code.substring(0, 2), k -> new ArrayList<>())
          .add(code.substring(3));
    }
    List<Map<String, Object>> out = new ArrayList<>(CITIES);
    for (int i = 0; i < CITIES; i++) {
      Jurisdiction country = countries.get(random.nextInt(countries.size()));
      String[] continent = CONTINENTS[Math.floorMod(country.code().hashCode(), CONTINENTS.length)];
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("city", Map.of(
          "geoname_id", 100_000 + i,
          "names", names("City " + i, 1 + (random.nextInt(4) == 0 ? 7 : random.nextInt(3)))));
      record.put("continent", Map.of(
          "code", continent[0],
          "geoname_id", Integer.parseInt(continent[1]),
          "names", names("Continent " + continent[0], LANGUAGES.size())));
      Map<String, Object> countryRecord = Map.of(
          "geoname_id", 2_000_000 + country.index(),
          "iso_code", country.code(),
          "names", names("Country " + country.code(), LANGUAGES.size()));
      record.put("country", countryRecord);
      record.put("location", Map.of(
          "accuracy_radius", 1 + random.nextInt(1000),
          "latitude", Math.round((random.nextDouble() * 180 - 90) * 1e4) / 1e4,
          "longitude", Math.round((random.nextDouble() * 360 - 180) * 1e4) / 1e4,
          "time_zone", "Region/Zone_" + random.nextInt(400)));
      record.put("postal", Map.of("code", Integer.toString(10_000 + random.nextInt(90_000))));
      record.put("registered_country", countryRecord);
      List<Object> subdivisions = new ArrayList<>();
      List<String> known = subdivisionCodes.getOrDefault(country.code(), List.of());
      int levels = known.isEmpty() ? 0 : random.nextInt(5) == 0 ? 2 : 1;
      for (int level = 0; level < levels; level++) {
        // Real codes of the country, as GeoLite2 has them (an unknown one resolves to the country).
        String code = known.get(random.nextInt(known.size()));
        subdivisions.add(Map.of(
            "geoname_id", 3_000_000 + random.nextInt(1_000_000),
            "iso_code", code,
            "names", names("Province " + code, 1 + random.nextInt(3))));
      }
      record.put("subdivisions", subdivisions);
      out.add(record);
    }
    return out;
  }

  private static Map<String, Object> names(String base, int languages) {
    Map<String, Object> names = new LinkedHashMap<>();
    for (int i = 0; i < languages; i++) {
      names.put(LANGUAGES.get(i), base + (i == 0 ? "" : " (" + LANGUAGES.get(i) + ")"));
    }
    return names;
  }
}
