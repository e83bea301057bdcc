package io.geoscope.dialin;

import static java.util.Objects.requireNonNull;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import io.geoscope.core.UnknownReason;
import io.geoscope.dialin.InvalidNumberException.Reason;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Places a PSTN caller from the E.164 number they dialled in from.
 *
 * <pre>{@code
 * DialInResolver dialIn = DialInResolver.standard();
 * Evidence e = dialIn.resolve("+1 415 555 2671");   // US-CA, source dial-in
 * }</pre>
 *
 * <p>The country is libphonenumber's region for the number, for every valid number. The subdivision
 * comes from the shipped prefix table ({@code subdivision-prefixes.tsv}, with its sources and
 * licence in its header): NANP area codes to US states and Canadian provinces, Ukraine's oblast
 * area codes (38065 Crimea {@code UA-43}, 38069 Sevastopol {@code UA-40}, 38062 Donetsk {@code
 * UA-14}, 38064 Luhansk {@code UA-09}...), and Crimea's and Sevastopol's lines numbered in the
 * Russian plan ({@code +7 365}, {@code +7 869}), which ISO 3166-2 places in Ukraine. Only
 * fixed-line numbers are looked up there (and NANP mobile numbers, whose area codes are geographic
 * too); toll-free, premium-rate, shared-cost, VoIP, personal, UAN and mobile numbers elsewhere, and
 * prefixes shared by several places (Nova Scotia and Prince Edward Island's 902, the territories'
 * 867, Hyder, Alaska's British Columbia exchange), are placed at country level. Numbers of the
 * non-geographic calling codes ({@code +800}, {@code +882}...) are valid but placed nowhere:
 * unknown with reason {@code not-found}.
 *
 * <p>The evidence never holds the number or any of its digits: its detail says only what kind of
 * number it was and which data placed it. Refused numbers throw {@link InvalidNumberException},
 * whose message never holds a digit either.
 *
 * <p>Instances are immutable and thread-safe. The table lookup and the evidence are
 * allocation-free; libphonenumber's parsing and validation allocate (measured in geo-benchmarks'
 * {@code DialInBenchmark}).
 */
public final class DialInResolver {
  /** The longest input accepted, in characters; longer input is refused unread. */
  public static final int MAX_INPUT_LENGTH = 64;

  private static final String PRODUCER =
      "libphonenumber metadata; geoscope subdivision-prefixes.tsv";

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final PrefixTable table;
  /** By table row: the evidence that row gives (a subdivision, or a country for a shared row). */
  private final Evidence[] byRow;
  /** By region code and number type: the country-level evidence. */
  private final Map<String, Evidence[]> countryLevel = new HashMap<>();
  private final Evidence nonGeographic;
  /** The slot of {@link #countryLevel}'s arrays for a prefix several places share. */
  private static final int SHARED = PhoneNumberType.values().length;

  private DialInResolver(PrefixTable table) {
    this.table = table;
    byRow = new Evidence[table.rows().size()];
    for (int i = 0; i < byRow.length; i++) {
      PrefixTable.Row row = table.rows().get(i);
      String code = row.subdivision();
      if (code != null) {
        byRow[i] = evidence(Jurisdiction.of(code), "subdivision from the prefix table");
      }
    }
    for (String region : util.getSupportedRegions()) {
      Jurisdiction country = Jurisdiction.findCountry(region);
      if (country == null) {
        continue;
      }
      Evidence[] byType = new Evidence[SHARED + 1];
      for (PhoneNumberType t : PhoneNumberType.values()) {
        byType[t.ordinal()] = evidence(country, typeName(t) + " number: country level");
      }
      byType[SHARED] = evidence(country, "prefix shared by several places: country level");
      countryLevel.put(region, byType);
    }
    nonGeographic =
        new Evidence(
            Jurisdiction.unknown(UnknownReason.NOT_FOUND),
            LocationSource.DIAL_IN,
            PRODUCER,
            "non-geographic number: no country");
  }

  /** A resolver with the shipped prefix table. */
  public static DialInResolver standard() {
    return new DialInResolver(PrefixTable.shipped());
  }

  private static Evidence evidence(Jurisdiction j, String detail) {
    return new Evidence(j, LocationSource.DIAL_IN, PRODUCER, detail);
  }

  private static String typeName(PhoneNumberType t) {
    return t.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Places the caller of {@code number}, an international number starting with {@code +} (spaces,
   * dashes, dots and brackets are allowed, as libphonenumber reads them).
   *
   * @throws InvalidNumberException if the number is not a valid, assigned international number;
   *     the message never holds a digit of it
   */
  public Evidence resolve(CharSequence number) {
    requireNonNull(number, "number");
    int length = number.length();
    if (length > MAX_INPUT_LENGTH) {
      throw new InvalidNumberException(Reason.INPUT_TOO_LONG, length);
    }
    int first = 0;
    while (first < length && Character.isWhitespace(number.charAt(first))) {
      first++;
    }
    if (first == length || number.charAt(first) != '+') {
      throw new InvalidNumberException(Reason.NOT_INTERNATIONAL, length);
    }
    PhoneNumber parsed;
    try {
      parsed = util.parse(number, "ZZ");
    } catch (NumberParseException e) {
      throw new InvalidNumberException(reasonOf(e.getErrorType()), length);
    }
    if (!util.isValidNumber(parsed)) {
      throw new InvalidNumberException(lengthReason(util.isPossibleNumberWithReason(parsed)), length);
    }
    return place(parsed);
  }

  private static Reason lengthReason(PhoneNumberUtil.ValidationResult possible) {
    switch (possible) {
      case TOO_SHORT:
        return Reason.TOO_SHORT;
      case TOO_LONG:
        return Reason.TOO_LONG;
      default:
        return Reason.NOT_ASSIGNED;
    }
  }

  private static Reason reasonOf(NumberParseException.ErrorType type) {
    switch (type) {
      case INVALID_COUNTRY_CODE:
        return Reason.UNKNOWN_COUNTRY_CODE;
      case TOO_SHORT_AFTER_IDD:
      case TOO_SHORT_NSN:
        return Reason.TOO_SHORT;
      case TOO_LONG:
        return Reason.TOO_LONG;
      default:
        return Reason.NOT_A_NUMBER;
    }
  }

  private Evidence place(PhoneNumber number) {
    String region = util.getRegionCodeForNumber(number);
    if (PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)) {
      return nonGeographic;
    }
    Evidence[] byType = countryLevel.get(region);
    if (byType == null) {
      // A region libphonenumber knows that is no ISO 3166-1 country (none today): placed nowhere.
      return nonGeographic;
    }
    PhoneNumberType type = util.getNumberType(number);
    if (geographic(type, number.getCountryCode())) {
      int row = lookup(number);
      if (row >= 0) {
        Evidence e = byRow[row];
        // A shared row has no evidence of its own: the country libphonenumber gives, saying why.
        return e != null ? e : byType[SHARED];
      }
    }
    return byType[type.ordinal()];
  }

  private static boolean geographic(PhoneNumberType type, int countryCode) {
    return type == PhoneNumberType.FIXED_LINE
        || type == PhoneNumberType.FIXED_LINE_OR_MOBILE
        || (countryCode == 1 && type == PhoneNumberType.MOBILE);
  }

  /** The row of the longest table prefix of the number's E.164 digits, or -1. */
  private int lookup(PhoneNumber number) {
    long national = number.getNationalNumber();
    int leadingZeros = number.hasNumberOfLeadingZeros() && number.isItalianLeadingZero()
        ? number.getNumberOfLeadingZeros() : 0;
    int nationalDigits = digits(national) + leadingZeros;
    int cc = number.getCountryCode();
    int total = digits(cc) + nationalDigits;
    if (total > 18) {
      return -1;
    }
    long value = cc;
    for (int i = 0; i < nationalDigits; i++) {
      value *= 10;
    }
    value += national;
    return table.longestMatch(value, total);
  }

  private static int digits(long v) {
    int n = 1;
    while (v >= 10) {
      v /= 10;
      n++;
    }
    return n;
  }

  /** What produced the evidence this resolver gives. */
  public String producer() {
    return PRODUCER;
  }

  @Override
  public String toString() {
    return "DialInResolver[" + table.rows().size() + " prefixes]";
  }

}
