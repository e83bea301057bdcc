package io.geoscope.dialin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The resolver's country agrees with libphonenumber's own region for 10,000 generated valid
 * numbers in each of the 30 most populous regions, and its subdivisions lie in that country.
 */
class LibphonenumberAgreementTest {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final DialInResolver DIAL_IN = DialInResolver.standard();
  static final int PER_REGION = Integer.getInteger("geoscope.dialin.perRegion", 10_000);

  /** Numbers libphonenumber calls valid for {@code region}, from its example numbers mutated. */
  static List<PhoneNumber> validNumbers(String region, int count, long seed) {
    Random random = new Random(seed);
    int cc = UTIL.getCountryCodeForRegion(region);
    List<String> examples = new ArrayList<>();
    for (PhoneNumberType t : PhoneNumberType.values()) {
      PhoneNumber example = UTIL.getExampleNumberForType(region, t);
      if (example != null) {
        examples.add(UTIL.getNationalSignificantNumber(example));
      }
    }
    List<PhoneNumber> out = new ArrayList<>(count);
    for (int attempt = 0; out.size() < count && attempt < count * 200; attempt++) {
      String example = examples.get(random.nextInt(examples.size()));
      // Keep a random part of the example's leading digits; draw the rest.
      int keep = random.nextInt(example.length());
      StringBuilder nsn = new StringBuilder(example.substring(0, keep));
      while (nsn.length() < example.length()) {
        nsn.append((char) ('0' + random.nextInt(10)));
      }
      if (nsn.charAt(0) == '0') {
        continue;
      }
      PhoneNumber n = new PhoneNumber().setCountryCode(cc).setNationalNumber(Long.parseLong(nsn.toString()));
      if (UTIL.isValidNumberForRegion(n, region)) {
        out.add(n);
      }
    }
    assertThat(out).as("valid numbers generated for " + region).hasSize(count);
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "IN", "CN", "US", "ID", "PK", "NG", "BR", "BD", "RU", "ET", "MX", "JP", "EG", "PH", "CD",
    "VN", "IR", "TR", "DE", "TH", "GB", "TZ", "FR", "ZA", "IT", "KE", "MM", "CO", "KR", "SD"})
  void theCountryIsLibphonenumbersRegionForTenThousandValidNumbers(String region) {
    int subdivisions = 0;
    for (PhoneNumber n : validNumbers(region, PER_REGION, region.hashCode())) {
      Evidence e = DIAL_IN.resolve(UTIL.format(n, PhoneNumberFormat.E164));
      Jurisdiction expected = Jurisdiction.findCountry(UTIL.getRegionCodeForNumber(n));
      Jurisdiction country = e.jurisdiction().country();
      if (country != expected) {
        // The one documented exception: Crimea's and Sevastopol's Russian-plan lines.
        assertThat(expected).isEqualTo(Jurisdiction.of("RU"));
        assertThat(e.jurisdiction()).isIn(Jurisdiction.of("UA-43"), Jurisdiction.of("UA-40"));
        assertThat(String.valueOf(n.getNationalNumber())).matches("(365|869).*");
      }
      if (e.jurisdiction().isSubdivision()) {
        subdivisions++;
      }
    }
    if (Set.of("US", "RU").contains(region)) {
      assertThat(subdivisions).as("numbers placed in a subdivision").isPositive();
    }
  }
}
