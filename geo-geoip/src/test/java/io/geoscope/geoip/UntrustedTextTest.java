package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import io.geoscope.core.Evidence;
import io.geoscope.geoip.writer.MmdbWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from database files (record codes, provider names, metadata) is bounded, made printable and
 * redacted of addresses before it reaches an evidence detail, a producer or a message: the same
 * redaction, and the same property, as {@link DatabaseException}'s.
 */
class UntrustedTextTest {

  @TempDir Path dir;

  @Test
  void noRenderingOfAnyAddressSurvivesBoundingAtAnyLength() {
    qt().withExamples(1000)
        .forAll(AddressGenerators.validLiterals(), strings().allPossible().ofLengthBetween(0, 20),
            integers().between(8, 80))
        .checkAssert((r, noise, max) -> {
          String out = UntrustedText.bounded(noise + r.text() + " " + noise, max);
          assertThat(out).as(r.text()).doesNotContain(r.text())
              .doesNotContainPattern("\\d+\\.\\d+\\.\\d+\\.\\d+");
          assertThat(out.length()).isLessThanOrEqualTo(max + 8 + 3);
          assertThat(UntrustedText.isPrintableAscii(out)).isTrue();
        });
  }

  @Test
  void boundingLooksAtABoundedPrefixOnly() {
    String huge = "A".repeat(5_000_000);
    assertThat(UntrustedText.bounded(huge, 10)).isEqualTo("AAAAAAAAAA...");
    assertThat(UntrustedText.bounded("short", 10)).isEqualTo("short");
    assertThat(UntrustedText.bounded("tab\there\u200b", 20)).isEqualTo("tab?here?");
    // The shrunk counterexample a run of the property once found: a letter next to "::".
    assertThat(UntrustedText.bounded("!!!G:: !!!G", 8)).doesNotContain("::");
    assertThat(UntrustedText.redact("x 1::2g y")).isEqualTo("x <address>g y");
    // Another a seeded run found: noise ending in a hex digit glued to a literal made a
    // five-digit first group, and the literal survived whole.
    assertThat(UntrustedText.redact("!!0" + "0001::0000:0:0:0:0:0:1 x")).doesNotContain("0001::");
    assertThat(UntrustedText.redact("1::2:0000" + "5")).doesNotContain("1::2");
  }

  @Test
  void anIsoCodeShapedLikeAnAddressNeverReachesTheDetail() throws Exception {
    Map<String, Object> country = new LinkedHashMap<>();
    country.put("iso_code", "1.2.3.4");
    Path db = dir.resolve("iso.mmdb");
    MmdbWriter.ipv4("GeoIP2-Country")
        .insert("0.0.0.0/1", Map.of("country", country))
        .insert("128.0.0.0/1", MmdbWriter.geoip2Country("GB"))
        .write(db);
    Evidence e = GeoResolver.builder().database(db).build().resolve("8.8.8.8");
    assertThat(e.jurisdiction().isKnown()).isFalse();
    assertThat(e.detail()).isEqualTo("country '<address>' is not an ISO 3166-1 code");
    assertThat(UntrustedText.bounded("1.2.3.4", 8)).isEqualTo("<address>");
    assertThat(UntrustedText.bounded("ab 1.2.3.4 cd", 4)).isEqualTo("ab <address>...");
  }

  @Test
  void anAnonymizerProviderNameIsRedactedAndBounded() throws Exception {
    Path db = dir.resolve("db.mmdb");
    MmdbWriter.ipv4("GeoIP2-Country").insert("0.0.0.0/1", MmdbWriter.geoip2Country("GB")).write(db);
    Map<String, Object> flags = new LinkedHashMap<>();
    flags.put("is_anonymous", true);
    flags.put("is_public_proxy", true);
    flags.put("provider_name", "exit 81.2.69.160 and 2001:db8::7 " + "x".repeat(500));
    Path anon = dir.resolve("anon.mmdb");
    MmdbWriter.ipv4("GeoIP2-Anonymous-IP").insert("0.0.0.0/1", flags).write(anon);
    Evidence e = GeoResolver.builder().database(db).anonymousIp(anon).build().resolve("8.8.8.8");
    assertThat(e.detail())
        .doesNotContain("81.2.69.160").doesNotContain("2001:db8::7")
        .contains("provider_name=exit <address> and <address> x")
        .endsWith("...");
    assertThat(e.detail().length()).isLessThan(200);
  }

  @Test
  void theProducerIsTheCheckedDatabaseType() throws Exception {
    Path db = dir.resolve("db.mmdb");
    Files.write(db, HostileDatabases.good(java.time.Instant.parse("2026-06-01T00:00:00Z")));
    Evidence e = GeoResolver.builder().database(db).build().resolve("81.2.69.160");
    assertThat(e.producer()).isEqualTo("GeoIP2-City build 2026-06-01T00:00:00Z");
  }
}
