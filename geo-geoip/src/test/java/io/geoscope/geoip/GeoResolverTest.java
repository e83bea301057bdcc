package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import io.geoscope.core.UnknownReason;
import io.geoscope.geoip.writer.MmdbWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolver on databases the tests write themselves with {@link MmdbWriter}. */
class GeoResolverTest {

  static final Instant BUILT = Instant.parse("2026-06-01T00:00:00Z");
  static final Clock NOW = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  Path write(String name, MmdbWriter writer) throws IOException {
    Path p = dir.resolve(name);
    writer.write(p);
    return p;
  }

  static MmdbWriter city() {
    return MmdbWriter.ipv6("GeoIP2-City")
        .buildEpoch(BUILT)
        .insert("81.2.69.0/24", MmdbWriter.geoip2City("GB", "ENG"))
        .insert("5.6.0.0/16", MmdbWriter.geoip2City("ES", "CT", "B"))
        .insert("8.8.8.0/24", MmdbWriter.geoip2Country("US"))
        .insert("10.0.0.0/8", MmdbWriter.geoip2Country("DE"))
        .insert("192.0.2.0/24", MmdbWriter.geoip2Country("FR"))
        .insert("2001:db8::/32", MmdbWriter.geoip2Country("JP"))
        .insert("2a00::/16", MmdbWriter.geoip2Country("NL"))
        .insert("9.9.9.0/24", MmdbWriter.geoip2Country("XX"))
        .insert("9.9.10.0/24", Map.of("country", Map.of("iso_code", "us")))
        .insert("9.9.11.0/24", Map.of("registered_country", Map.of("iso_code", "US")))
        .insert(
            "9.9.12.0/24",
            Map.of(
                "country", Map.of("iso_code", "PH"),
                "represented_country", Map.of("iso_code", "US"),
                "registered_country", Map.of("iso_code", "US")));
  }

  GeoResolver resolver(MmdbWriter w) throws Exception {
    return GeoResolver.builder().database(write("db.mmdb", w)).clock(NOW).build();
  }

  @Test
  void mostSpecificSubdivisionDecidesAndLeastSpecificIsNamed() throws Exception {
    Evidence e = resolver(city()).resolve("5.6.7.8");
    assertThat(e.jurisdiction()).isEqualTo(Jurisdiction.of("ES-B"));
    assertThat(e.detail()).isEqualTo("subdivisions[1]; least specific subdivisions[0]=ES-CT");
    assertThat(e.producer()).isEqualTo("GeoIP2-City build 2026-06-01T00:00:00Z");
    assertThat(e.source()).isEqualTo(LocationSource.IP_GEOLOCATION);
  }

  @Test
  void countryWithoutSubdivisionSaysCountryDecided() throws Exception {
    Evidence e = resolver(city()).resolve("8.8.8.8");
    assertThat(e.jurisdiction()).isEqualTo(Jurisdiction.of("US"));
    assertThat(e.detail()).isEqualTo("country");
  }

  @Test
  void registeredAndRepresentedCountriesNeverDecide() throws Exception {
    GeoResolver r = resolver(city());
    assertThat(r.resolve("9.9.11.1").jurisdiction())
        .isEqualTo(Jurisdiction.unknown(UnknownReason.NOT_FOUND));
    assertThat(r.resolve("9.9.12.1").jurisdiction()).isEqualTo(Jurisdiction.of("PH"));
  }

  @Test
  void codesThatAreNotIsoGiveUnknownNeverAMadeUpCountry() throws Exception {
    GeoResolver r = resolver(city());
    Evidence xx = r.resolve("9.9.9.9");
    assertThat(xx.jurisdiction()).isEqualTo(Jurisdiction.unknown(UnknownReason.NOT_FOUND));
    assertThat(xx.detail()).contains("'XX'").contains("not an ISO 3166-1 code");
    assertThat(r.resolve("9.9.10.1").jurisdiction().isKnown()).isFalse();
  }

  @Test
  void addressOutsideEveryNetworkIsNotFound() throws Exception {
    GeoResolver r = resolver(city());
    assertThat(r.resolve("1.1.1.1").jurisdiction())
        .isEqualTo(Jurisdiction.unknown(UnknownReason.NOT_FOUND));
    assertThat(r.resolve("2c0f::1").jurisdiction())
        .isEqualTo(Jurisdiction.unknown(UnknownReason.NOT_FOUND));
  }

  @Test
  void nonRoutableAddressesAreNeverPlacedEvenWhenTheDatabaseSaysSo() throws Exception {
    GeoResolver r = resolver(city());
    Jurisdiction nr = Jurisdiction.unknown(UnknownReason.NON_ROUTABLE);
    for (String ip :
        List.of(
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "127.0.0.1",
            "169.254.1.1",
            "100.64.0.1",
            "192.0.2.1",
            "198.51.100.1",
            "203.0.113.1",
            "224.0.0.1",
            "255.255.255.255",
            "0.0.0.0",
            "::",
            "::1",
            "fe80::1",
            "fc00::1",
            "fd12::1",
            "ff02::1",
            "2001:db8::1",
            "::ffff:10.0.0.1",
            "::ffff:127.0.0.1",
            "2002:c0a8:0101::1")) {
      assertThat(r.resolve(ip).jurisdiction()).as(ip).isEqualTo(nr);
    }
    assertThat(r.resolve("10.1.2.3").detail()).isEqualTo("private 10.0.0.0/8");
  }

  @Test
  void documentationRangesResolveOnlyWhenAskedTo() throws Exception {
    GeoResolver r =
        GeoResolver.builder()
            .database(write("db.mmdb", city()))
            .clock(NOW)
            .documentationRangesResolve(true)
            .build();
    assertThat(r.resolve("192.0.2.7").jurisdiction()).isEqualTo(Jurisdiction.of("FR"));
    assertThat(r.resolve("2001:db8::7").jurisdiction()).isEqualTo(Jurisdiction.of("JP"));
    assertThat(r.resolve("10.0.0.1").jurisdiction())
        .isEqualTo(Jurisdiction.unknown(UnknownReason.NON_ROUTABLE));
  }

  @Test
  void ipv4FormsInsideIpv6ResolveAsTheirIpv4Address() throws Exception {
    GeoResolver r = resolver(city());
    Jurisdiction gb = Jurisdiction.of("GB-ENG");
    assertThat(r.resolve("::ffff:81.2.69.1").jurisdiction()).isEqualTo(gb);
    assertThat(r.resolve("::81.2.69.1").jurisdiction()).isEqualTo(gb);
    assertThat(r.resolve("2002:5102:4501::").jurisdiction()).isEqualTo(gb);
    assertThat(r.resolve(new byte[] {81, 2, 69, 1}).jurisdiction()).isEqualTo(gb);
    assertThat(r.resolve(InetAddress.getByAddress(new byte[] {81, 2, 69, 1})).jurisdiction())
        .isEqualTo(gb);
  }

  @Test
  void teredoResolvesTheClientNotTheServer() throws Exception {
    // Server 8.8.8.8 (US) in bits 32..63; client 81.2.69.1 (GB) inverted in the low 32 bits.
    GeoResolver r = resolver(city());
    assertThat(r.resolve("2001:0:808:808:0:0:aefd:bafe").jurisdiction())
        .isEqualTo(Jurisdiction.of("GB-ENG"));
  }

  @Test
  void ipv6NetworksResolve() throws Exception {
    assertThat(resolver(city()).resolve("2a00:1450::1").jurisdiction())
        .isEqualTo(Jurisdiction.of("NL"));
  }

  @Test
  void flatCountryCodeRecordsResolve() throws Exception {
    GeoResolver r =
        resolver(
            MmdbWriter.ipv4("country ipv4")
                .buildEpoch(BUILT)
                .insert("8.8.0.0/16", MmdbWriter.flatCountry("US")));
    Evidence e = r.resolve("8.8.4.4");
    assertThat(e.jurisdiction()).isEqualTo(Jurisdiction.of("US"));
    assertThat(e.detail()).isEqualTo("country_code");
    assertThat(r.resolve("2a00::1").jurisdiction())
        .isEqualTo(Jurisdiction.unknown(UnknownReason.NOT_FOUND));
  }

  @Test
  void dbIpLiteRecordsResolveToTheCountryWhenSubdivisionsHaveNoIsoCode() throws Exception {
    GeoResolver r =
        resolver(
            MmdbWriter.ipv6("DBIP-City-Lite")
                .buildEpoch(BUILT)
                .insert(
                    "5.5.0.0/16",
                    Map.of(
                        "country", Map.of("iso_code", "DE", "names", Map.of("en", "Germany")),
                        "subdivisions", List.of(Map.of("names", Map.of("en", "Berlin"))),
                        "city", Map.of("names", Map.of("en", "Berlin")))));
    Evidence e = r.resolve("5.5.5.5");
    assertThat(e.jurisdiction()).isEqualTo(Jurisdiction.of("DE"));
    assertThat(e.detail()).startsWith("country");
    assertThat(e.producer()).startsWith("DBIP-City-Lite build ");
  }

  @Test
  void schemaOverrideChoosesWhichFieldCounts() throws Exception {
    Path db =
        write(
            "both.mmdb",
            MmdbWriter.ipv6("mixed")
                .buildEpoch(BUILT)
                .insert(
                    "8.8.0.0/16",
                    Map.of("country", Map.of("iso_code", "US"), "country_code", "DE")));
    Jurisdiction auto =
        GeoResolver.builder().database(db).clock(NOW).build().resolve("8.8.8.8").jurisdiction();
    Jurisdiction flat =
        GeoResolver.builder()
            .database(db)
            .clock(NOW)
            .schema(Schema.FLAT_COUNTRY_CODE)
            .build()
            .resolve("8.8.8.8")
            .jurisdiction();
    assertThat(auto).isEqualTo(Jurisdiction.of("US"));
    assertThat(flat).isEqualTo(Jurisdiction.of("DE"));
  }

  @Test
  void databaseWithoutAnyCountryIsTheWrongSchema() throws Exception {
    Path asn =
        write(
            "asn.mmdb",
            MmdbWriter.ipv6("GeoLite2-ASN")
                .buildEpoch(BUILT)
                .insert("8.8.0.0/16", Map.of("autonomous_system_number", 15169)));
    DatabaseException e =
        catchThrowableOfType(
            DatabaseException.class, () -> GeoResolver.builder().database(asn).clock(NOW).build());
    assertThat(e.reason()).isEqualTo(DatabaseException.Reason.WRONG_SCHEMA);
    assertThat(e.fileName()).isEqualTo("asn.mmdb");
  }

  @Test
  void missingFileIsUnreadable() {
    DatabaseException e =
        catchThrowableOfType(
            DatabaseException.class,
            () -> GeoResolver.builder().database(dir.resolve("nope.mmdb")).build());
    assertThat(e.reason()).isEqualTo(DatabaseException.Reason.UNREADABLE);
  }

  @Test
  void builderWithoutDatabaseNamesTheField() {
    assertThatThrownBy(() -> GeoResolver.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("database");
  }

  @Test
  void badInputIsRejectedWithoutEchoingIt() throws Exception {
    GeoResolver r = resolver(city());
    assertThatThrownBy(() -> r.resolve("81.2.69.999"))
        .isInstanceOf(InvalidAddressException.class)
        .message()
        .doesNotContain("81.2.69");
    assertThatThrownBy(() -> r.resolve("example.com")).isInstanceOf(InvalidAddressException.class);
    assertThatThrownBy(() -> r.resolve(new byte[5])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void buildEpochFarInTheFutureIsRefused() throws Exception {
    Path db = write("future.mmdb", city().buildEpoch(Instant.parse("2030-01-01T00:00:00Z")));
    DatabaseException e =
        catchThrowableOfType(
            DatabaseException.class, () -> GeoResolver.builder().database(db).clock(NOW).build());
    assertThat(e.reason()).isEqualTo(DatabaseException.Reason.IMPLAUSIBLE_BUILD_EPOCH);
  }

  @Test
  void olderBuildIsRefusedOnReloadUnlessForced() throws Exception {
    GeoResolver r = resolver(city());
    Path older =
        write(
            "older.mmdb",
            MmdbWriter.ipv6("GeoIP2-City")
                .buildEpoch(BUILT.minusSeconds(86_400))
                .insert("81.2.69.0/24", MmdbWriter.geoip2Country("IE")));
    DatabaseException e = catchThrowableOfType(DatabaseException.class, () -> r.reload(older));
    assertThat(e.reason()).isEqualTo(DatabaseException.Reason.OLDER_THAN_IN_SERVICE);
    assertThat(r.resolve("81.2.69.1").jurisdiction()).isEqualTo(Jurisdiction.of("GB-ENG"));
    r.reload(older, true);
    assertThat(r.resolve("81.2.69.1").jurisdiction()).isEqualTo(Jurisdiction.of("IE"));
    assertThat(r.buildEpoch()).isEqualTo(BUILT.minusSeconds(86_400));
  }

  @Test
  void corruptReloadKeepsTheDatabaseInService() throws Exception {
    GeoResolver r = resolver(city());
    Path bad = dir.resolve("bad.mmdb");
    byte[] good = city().buildEpoch(BUILT.plusSeconds(1)).toByteArray();
    Files.write(bad, java.util.Arrays.copyOf(good, good.length / 2));
    DatabaseException e = catchThrowableOfType(DatabaseException.class, () -> r.reload(bad));
    assertThat(e.reason()).isEqualTo(DatabaseException.Reason.CORRUPT);
    assertThat(e.getMessage()).doesNotContain("81.2.69");
    assertThat(r.resolve("81.2.69.1").jurisdiction()).isEqualTo(Jurisdiction.of("GB-ENG"));
  }

  @Test
  void anonymizerFlagsAreAddedToTheEvidence() throws Exception {
    Path anon = write("anon.mmdb", anonymizers());
    GeoResolver r =
        GeoResolver.builder()
            .database(write("db.mmdb", city()))
            .anonymousIp(anon)
            .clock(NOW)
            .build();
    Evidence e = r.resolve("81.2.69.5");
    assertThat(e.jurisdiction()).isEqualTo(Jurisdiction.of("GB-ENG"));
    assertThat(e.detail()).contains("is_anonymous, is_anonymous_vpn");
    assertThat(r.resolve("81.2.69.5")).isSameAs(e);
    assertThat(r.resolve("81.2.69.200").detail()).isEqualTo("subdivisions[0]");
  }

  @Test
  void anonymizersCanBeMadeUnknown() throws Exception {
    GeoResolver r =
        GeoResolver.builder()
            .database(write("db.mmdb", city()))
            .anonymousIp(write("anon.mmdb", anonymizers()))
            .anonymizersAreUnknown(true)
            .clock(NOW)
            .build();
    Evidence e = r.resolve("81.2.69.5");
    assertThat(e.jurisdiction()).isEqualTo(Jurisdiction.unknown(UnknownReason.ANONYMIZER));
    assertThat(e.detail()).contains("is_tor_exit_node").doesNotContain("81.2");
    assertThat(r.resolve("81.2.69.200").jurisdiction()).isEqualTo(Jurisdiction.of("GB-ENG"));
  }

  @Test
  void locationDatabaseIsNotAcceptedAsAnonymizerDatabase() throws Exception {
    Path db = write("db.mmdb", city());
    DatabaseException e =
        catchThrowableOfType(
            DatabaseException.class,
            () -> GeoResolver.builder().database(db).anonymousIp(db).clock(NOW).build());
    assertThat(e.reason()).isEqualTo(DatabaseException.Reason.WRONG_SCHEMA);
  }

  @Test
  void anonymizerDatabaseReloadsOnItsOwn() throws Exception {
    GeoResolver r =
        GeoResolver.builder()
            .database(write("db.mmdb", city()))
            .anonymousIp(write("anon.mmdb", anonymizers()))
            .anonymizersAreUnknown(true)
            .clock(NOW)
            .build();
    Path next =
        write(
            "anon2.mmdb",
            MmdbWriter.ipv6("GeoIP2-Anonymous-IP")
                .buildEpoch(BUILT.plusSeconds(60))
                .insert("8.8.8.0/24", Map.of("is_anonymous", true, "is_hosting_provider", true)));
    r.reloadAnonymousIp(next, false);
    assertThat(r.resolve("81.2.69.5").jurisdiction()).isEqualTo(Jurisdiction.of("GB-ENG"));
    assertThat(r.resolve("8.8.8.8").jurisdiction())
        .isEqualTo(Jurisdiction.unknown(UnknownReason.ANONYMIZER));
    assertThat(r.databaseType()).isEqualTo("GeoIP2-City");
  }

  @Test
  void anonymizerReloadWithoutAnonymizerDatabaseIsAProgrammerError() throws Exception {
    GeoResolver r = resolver(city());
    Path anon = write("anon.mmdb", anonymizers());
    assertThatThrownBy(() -> r.reloadAnonymousIp(anon, false))
        .isInstanceOf(IllegalStateException.class);
  }

  static MmdbWriter anonymizers() {
    return MmdbWriter.ipv6("GeoIP2-Anonymous-IP")
        .buildEpoch(BUILT)
        .insert(
            "81.2.69.0/25",
            Map.of(
                "is_anonymous", true,
                "is_anonymous_vpn", true,
                "is_tor_exit_node", true,
                "is_hosting_provider", false))
        .insert("81.2.69.128/25", Map.of());
  }
}
