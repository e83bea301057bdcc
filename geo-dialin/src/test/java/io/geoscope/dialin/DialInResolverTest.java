package io.geoscope.dialin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Precision;
import io.geoscope.core.UnknownReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DialInResolverTest {
  private static final DialInResolver DIAL_IN = DialInResolver.standard();

  @ParameterizedTest(name = "{0} is placed in {1}")
  @CsvSource({
    "+1 415 555 2671, US-CA",
    "+1 212 555 0123, US-NY",
    "+1 907 555 0123, US-AK",
    "+1 202 555 0123, US-DC",
    "+1 613 555 0123, CA-ON",
    "+1 514 555 0123, CA-QC",
    "+1 250 555 0123, CA-BC",
    "+1 902 555 0123, CA",
    "+1 867 555 0123, CA",
    "+1 250 636 1234, CA",
    "+1 800 555 0123, US",
    "+1 787 555 0123, PR",
    "+380 652 123456, UA-43",
    "+380 692 123456, UA-40",
    "+380 622 123456, UA-14",
    "+380 642 123456, UA-09",
    "+380 44 123 4567, UA-30",
    "+380 50 123 4567, UA",
    "+44 20 7946 0000, GB",
    "+86 138 0013 8000, CN",
    "+49 30 123456, DE",
  })
  void knownPrefixesArePlacedWhereTheyAre(String number, String expected) {
    Evidence e = DIAL_IN.resolve(number);
    assertThat(e.jurisdiction()).isEqualTo(Jurisdiction.of(expected));
    assertThat(e.source()).isEqualTo(LocationSource.DIAL_IN);
    assertThat(e.precision())
        .isEqualTo(expected.contains("-") ? Precision.SUBDIVISION : Precision.COUNTRY);
  }

  @Test
  void aSharedExchangeIsPlacedAtCountryLevelAndSaysWhy() {
    assertThat(DIAL_IN.resolve("+1 250 636 1234").detail()).contains("shared");
    assertThat(DIAL_IN.resolve("+1 800 555 0123").detail()).contains("toll-free");
  }

  @Test
  void aNonGeographicNumberIsValidButPlacedNowhere() {
    Evidence e = DIAL_IN.resolve("+800 1234 5678");
    assertThat(e.jurisdiction().unknownReason()).contains(UnknownReason.NOT_FOUND);
    assertThat(e.detail()).contains("non-geographic");
  }

  @ParameterizedTest(name = "{0} is refused as {1}")
  @CsvSource({
    "4155552671, NOT_INTERNATIONAL",
    "'', NOT_INTERNATIONAL",
    "+, NOT_A_NUMBER",
    "+999 1234 5678, UNKNOWN_COUNTRY_CODE",
    "+1 415, TOO_SHORT",
    "+1 099 555 0123, NOT_ASSIGNED",
    "+1 415 555 2671 5555 5555 5555 5555 5555, TOO_LONG",
  })
  void badNumbersAreTypedErrorsThatNeverShowADigit(String number, InvalidNumberException.Reason reason) {
    InvalidNumberException e =
        catchThrowableOfType(() -> DIAL_IN.resolve(number), InvalidNumberException.class);
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.getMessage()).doesNotContainPattern("[0-9]{3}").contains(reason.description());
  }

  @Test
  void overlongInputIsRefusedUnread() {
    String huge = "+1" + "5".repeat(10_000);
    InvalidNumberException e =
        catchThrowableOfType(() -> DIAL_IN.resolve(huge), InvalidNumberException.class);
    assertThat(e.reason()).isEqualTo(InvalidNumberException.Reason.INPUT_TOO_LONG);
  }
}
