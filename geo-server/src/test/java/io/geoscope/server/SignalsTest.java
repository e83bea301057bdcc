package io.geoscope.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.geoscope.core.Evidence;
import io.geoscope.core.LocationSource;
import io.geoscope.geoip.GeoResolver;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalsTest {
  @TempDir static Path dir;
  static Signals signals;

  @BeforeAll
  static void resolver() throws Exception {
    Path db = TestFiles.database(dir.resolve("c.mmdb"), false, Instant.parse("2026-11-01T00:00:00Z"));
    signals = new Signals(GeoResolver.builder().database(db).build());
  }

  @Test
  void theStrongestSignalPresentAlwaysDecidesWhere() {
    // Bits: 1 dial_in (DE), 2 site (HK), 4 address (CN), 8 declared (US); reference order below.
    qt().withExamples(1000).forAll(integers().between(0, 15)).checkAssert(mask -> {
      try {
        Evidence e = signals.evidence(
            (mask & 1) != 0 ? "de" : null,
            (mask & 2) != 0 ? "HK" : null,
            (mask & 4) != 0 ? TestFiles.CN : null,
            (mask & 8) != 0 ? "US" : null);
        if ((mask & 1) != 0) {
          assertThat(e.source()).isEqualTo(LocationSource.DIAL_IN);
          assertThat(e.jurisdiction().code()).isEqualTo("DE");
        } else if ((mask & 2) != 0) {
          assertThat(e.source()).isEqualTo(LocationSource.ROOM_SYSTEM);
          assertThat(e.jurisdiction().code()).isEqualTo("HK");
        } else if ((mask & 4) != 0) {
          assertThat(e.source()).isEqualTo(LocationSource.IP_GEOLOCATION);
          assertThat(e.jurisdiction().code()).isEqualTo("CN-BJ");
        } else if ((mask & 8) != 0) {
          assertThat(e.source()).isEqualTo(LocationSource.DECLARED);
          assertThat(e.jurisdiction().code()).isEqualTo("US");
        } else {
          assertThat(e).isEqualTo(Evidence.none());
        }
      } catch (BadRequestException ex) {
        throw new AssertionError(ex);
      }
    });
  }
}
