package io.geoscope.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LegalBasisTest {
  private static final LocalDate EFFECTIVE = LocalDate.of(2026, 6, 4);
  private static final LocalDate EXPIRES = LocalDate.of(2026, 6, 10);

  private static LegalBasis bounded() {
    return LegalBasis.builder()
        .authority("CAC")
        .home("CN")
        .kind(InstrumentKind.REGULATION)
        .citation("Provisions on X")
        .effective(EFFECTIVE)
        .expires(EXPIRES)
        .build();
  }

  @Test
  void itIsInForceFromTheStartOfTheEffectiveDayInUtc() {
    LegalBasis b = bounded();

    assertThat(b.inForceAt(Instant.parse("2026-06-03T23:59:59.999999999Z"))).isFalse();
    assertThat(b.inForceAt(Instant.parse("2026-06-04T00:00:00Z"))).isTrue();
    // Already the 4th in Beijing, still the 3rd in UTC: not yet in force.
    assertThat(b.inForceAt(OffsetDateTime.of(2026, 6, 4, 7, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant()))
        .isFalse();
  }

  @Test
  void itIsNoLongerInForceFromTheStartOfTheExpiryDayInUtc() {
    LegalBasis b = bounded();

    assertThat(b.inForceAt(Instant.parse("2026-06-09T23:59:59.999999999Z"))).isTrue();
    assertThat(b.inForceAt(Instant.parse("2026-06-10T00:00:00Z"))).isFalse();
    assertThat(b.inForceAt(Instant.parse("2026-06-10T00:00:00.000000001Z"))).isFalse();
  }

  @Test
  void withoutDatesItIsAlwaysInForce() {
    LegalBasis b = Fixtures.cybersecurityLaw();

    assertThat(b.inForceAt(Instant.MIN)).isTrue();
    assertThat(b.inForceAt(Instant.MAX)).isTrue();
    assertThat(b.effective()).isEmpty();
    assertThat(b.expires()).isEmpty();
  }

  @Test
  void theTerritoryIsOnlyANarrowingAndAbsentByDefault() {
    LegalBasis b = Fixtures.cybersecurityLaw();

    assertThat(b.territory()).isEmpty();
    assertThat(Fixtures.iranSanctions().territory()).contains(Scope.of("IR"));
  }

  @Test
  void blankTextsAndAnUnknownHomeAreRejected() {
    assertThatThrownBy(() -> LegalBasis.builder().authority(" ").home("CN")
            .kind(InstrumentKind.STATUTE).citation("c").build())
        .hasMessageContaining("authority");
    assertThatThrownBy(() -> LegalBasis.builder().authority("a").home("CN")
            .kind(InstrumentKind.STATUTE).citation("").build())
        .isInstanceOf(PolicyValidationException.class)
        .hasMessageContaining("citation");
    assertThatThrownBy(() -> LegalBasis.builder().authority("a")
            .home(Jurisdiction.unknown(UnknownReason.NOT_FOUND)).kind(InstrumentKind.STATUTE)
            .citation("c").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("home");
  }
}
