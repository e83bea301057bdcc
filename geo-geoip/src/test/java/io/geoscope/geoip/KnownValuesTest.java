package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import io.geoscope.core.UnknownReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The values the shared README documents for MaxMind's City test database. */
class KnownValuesTest {

  private static GeoResolver city;

  @BeforeAll
  static void load() throws DatabaseException {
    city = GeoResolver.builder().database(SharedData.testDb("GeoIP2-City-Test.mmdb")).build();
  }

  @Test
  void physicalCountryAndSubdivisionDecideNotTheRegisteredCountry() {
    Evidence e = city.resolve("81.2.69.160");
    assertThat(e.jurisdiction()).isEqualTo(Jurisdiction.of("GB-ENG"));
    assertThat(e.source()).isEqualTo(LocationSource.IP_GEOLOCATION);
    assertThat(e.producer()).startsWith("GeoIP2-City build ");
    assertThat(e.detail()).startsWith("subdivisions[");
  }

  @Test
  void usAddressResolvesToItsState() {
    assertThat(city.resolve("216.160.83.56").jurisdiction()).isEqualTo(Jurisdiction.of("US-WA"));
  }

  @Test
  void numericSubdivisionCodesAreKept() {
    assertThat(city.resolve("175.16.199.7").jurisdiction()).isEqualTo(Jurisdiction.of("CN-JL"));
  }

  @Test
  void ipv6NetworkResolvesToHongKongNotChina() {
    assertThat(city.resolve("2001:2e0::1").jurisdiction()).isEqualTo(Jurisdiction.of("HK"));
  }

  @Test
  void representedCountryIsIgnored() {
    assertThat(city.resolve("202.196.224.1").jurisdiction()).isEqualTo(Jurisdiction.of("PH"));
  }

  @Test
  void recordWithoutCountryIsUnknownNotFound() {
    Evidence e = city.resolve("214.1.1.1");
    assertThat(e.jurisdiction()).isEqualTo(Jurisdiction.unknown(UnknownReason.NOT_FOUND));
    assertThat(e.detail()).isEqualTo("record has no country");
  }

  @Test
  void ipv4MappedAnd6to4AndCompatibleFormsResolveAsTheirIpv4Address() {
    Jurisdiction gb = Jurisdiction.of("GB-ENG");
    assertThat(city.resolve("::ffff:81.2.69.160").jurisdiction()).isEqualTo(gb);
    assertThat(city.resolve("::81.2.69.160").jurisdiction()).isEqualTo(gb);
    assertThat(city.resolve("2002:5102:45a0::1").jurisdiction()).isEqualTo(gb);
  }

  @Test
  void teredoResolvesTheClientAddress() {
    // Client 81.2.69.160 is stored inverted: ~0x510245a0 = 0xaefdba5f; the server part is junk.
    assertThat(city.resolve("2001:0:4136:e378:8000:63bf:aefd:ba5f").jurisdiction())
        .isEqualTo(Jurisdiction.of("GB-ENG"));
  }

  @Test
  void sameAnswerIsTheSameInstance() {
    assertThat(city.resolve("216.160.83.56")).isSameAs(city.resolve("216.160.83.57"));
  }

  @Test
  void metadataIsExposed() {
    assertThat(city.databaseType()).isEqualTo("GeoIP2-City");
    assertThat(city.buildEpoch().getEpochSecond()).isPositive();
  }

  @Test
  void anonymousIpFlagsComeFromMaxMindsAnonymousDatabases() throws DatabaseException {
    for (String anon :
        new String[] {"GeoIP2-Anonymous-IP-Test.mmdb", "GeoIP-Anonymous-Plus-Test.mmdb"}) {
      GeoResolver flagged =
          GeoResolver.builder()
              .database(SharedData.testDb("GeoIP2-City-Test.mmdb"))
              .anonymousIp(SharedData.testDb(anon))
              .build();
      // 1.2.0.0/16 (Anonymous-IP) and 1.2.0.0/32 (Anonymous Plus) are anonymous VPNs.
      assertThat(flagged.resolve("1.2.0.0").detail()).as(anon).contains("is_anonymous_vpn");
      GeoResolver strict =
          GeoResolver.builder()
              .database(SharedData.testDb("GeoIP2-City-Test.mmdb"))
              .anonymousIp(SharedData.testDb(anon))
              .anonymizersAreUnknown(true)
              .build();
      assertThat(strict.resolve("1.2.0.0").jurisdiction())
          .isEqualTo(Jurisdiction.unknown(UnknownReason.ANONYMIZER));
      assertThat(strict.resolve("216.160.83.56").jurisdiction())
          .isEqualTo(Jurisdiction.of("US-WA"));
    }
  }

  @Test
  void anonymousDatabaseIsNotALocationDatabase() {
    DatabaseException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            DatabaseException.class,
            () ->
                GeoResolver.builder()
                    .database(SharedData.testDb("GeoIP2-Anonymous-IP-Test.mmdb"))
                    .build());
    assertThat(e.reason()).isEqualTo(DatabaseException.Reason.WRONG_SCHEMA);
  }
}
