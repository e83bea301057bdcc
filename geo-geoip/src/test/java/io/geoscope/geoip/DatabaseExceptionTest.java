package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.geoscope.geoip.DatabaseException.Reason;
import org.junit.jupiter.api.Test;

class DatabaseExceptionTest {

  @Test
  void addressesInADetailAreRedactedAndTheRestIsKept() {
    DatabaseException e = new DatabaseException(Reason.CORRUPT, "x.mmdb",
        "DeserializationException (Error getting record for IP /1.0.0.0 -  Unable to deserialize"
            + " an array into an class java.lang.String)", null);
    assertThat(e.getMessage()).isEqualTo("x.mmdb: CORRUPT: DeserializationException (Error getting"
        + " record for IP /<address> -  Unable to deserialize an array into an class"
        + " java.lang.String)");
    assertThat(new DatabaseException(Reason.CORRUPT, "x.mmdb",
            "record for /2001:db8::1 and ::ffff:81.2.69.160, then fe80::", null).getMessage())
        .isEqualTo("x.mmdb: CORRUPT: record for /<address> and <address>, then <address>");
  }

  @Test
  void detailsWithoutAddressesAreUntouched() {
    String detail = "build_epoch 18446744073709551615 is not a date; node 12: record 3.5 of 10";
    assertThat(new DatabaseException(Reason.IMPLAUSIBLE_BUILD_EPOCH, "x.mmdb", detail, null)
        .getMessage()).isEqualTo("x.mmdb: IMPLAUSIBLE_BUILD_EPOCH: " + detail);
  }

  @Test
  void noRenderingOfAnyAddressSurvivesInTheMessage() {
    qt().withExamples(5000).forAll(AddressGenerators.validLiterals()).checkAssert(r -> {
      String message = new DatabaseException(Reason.CORRUPT, "x.mmdb",
          "Error getting record for IP /" + r.text() + " - bad", null).getMessage();
      assertThat(message).as(r.text()).doesNotContain(r.text())
          .doesNotContainPattern("\\d+\\.\\d+\\.\\d+\\.\\d+")
          .endsWith("for IP /<address> - bad");
    });
  }
}
