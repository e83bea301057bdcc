package io.geoscope.appeals;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that checks what the appeals store is given to keep: opaque ids and short free
 * text that must not carry an IP address, a phone number or a document number. Errors name the
 * field and the position, never the value.
 */
final class OpaqueText {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  /** A whole value that is only a number: an E.164 or national phone number, or a bare id card. */
  private static final Pattern NUMBER_ONLY = Pattern.compile("\\+?[0-9 ().-]*");

  private static final Pattern IPV4 = Pattern.compile("(?<![0-9])[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  /** Hex groups joined by at least two colons, or by {@code ::}: an IPv6 address. */
  private static final Pattern IPV6 =
      Pattern.compile(
          "(?i)(?<![0-9a-f:])([0-9a-f]{1,4}(:[0-9a-f]{1,4}){2,7}|[0-9a-f]{0,4}(:[0-9a-f]{0,4})*::[0-9a-f]{0,4}(:[0-9a-f]{1,4})*)(?![0-9a-f:])");
  /** Seven or more digits, possibly split by up to two spaces, dots, dashes or brackets. */
  private static final Pattern LONG_NUMBER = Pattern.compile("\\+?[0-9]([ ().-]{0,2}[0-9]){6,}");

  private OpaqueText() {}

  /**
   * Checks an opaque id: 1 to 128 characters of letters, digits, {@code . _ : -}, and not an IP
   * address or a bare phone number.
   *
   * @return {@code value}
   * @throws IllegalArgumentException naming {@code field}, never echoing the value
   */
  public static String id(String value, String field) {
    requireNonNull(value, field);
    if (!ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field + " must be 1 to 128 letters, digits or . _ : - (an opaque id)");
    }
    if (isPersonalLooking(value)) {
      throw new IllegalArgumentException(
          field + " must be an opaque id, not an IP address or a phone number");
    }
    return value;
  }

  /** True if an id looks like an address or a phone number rather than an opaque token. */
  private static boolean isPersonalLooking(String value) {
    if (NUMBER_ONLY.matcher(value).matches() && digits(value) >= 7) {
      return true;
    }
    return IPV4.matcher(value).matches() || IPV6.matcher(value).matches();
  }

  private static int digits(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        n++;
      }
    }
    return n;
  }

  /**
   * Checks short free text (a reason, a reviewer's note): at most {@code max} characters, no
   * control characters, and nothing shaped like an IP address, a phone number or a document
   * number (seven or more digits in a row).
   *
   * @return {@code value}
   * @throws IllegalArgumentException naming {@code field} and the position, never the value
   */
  public static String text(String value, String field, int max) {
    requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    if (value.length() > max) {
      throw new IllegalArgumentException(field + " must be at most " + max + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(
            field + " must not contain control characters (character " + (i + 1) + ")");
      }
    }
    int at = personalAt(value);
    if (at >= 0) {
      throw new IllegalArgumentException(
          field
              + " must not contain an IP address, phone number or document number (something"
              + " shaped like one starts at character "
              + (at + 1)
              + "); record the kind of verification, not its content");
    }
    return value;
  }

  /** ISO dates and times, which are neither numbers to hide nor IPv6 groups. */
  private static final Pattern DATE_OR_TIME =
      Pattern.compile(
          "(?<![0-9])([0-9]{4}-[0-9]{2}(-[0-9]{2})?|[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?)(?![0-9:])");

  /** Where the first address- or number-shaped run starts, or -1. */
  static int personalAt(String text) {
    // Dates and times are masked, position for position, so "2026-11-01" or "09:00:00" pass.
    Matcher d = DATE_OR_TIME.matcher(text);
    StringBuilder masked = new StringBuilder(text);
    while (d.find()) {
      for (int i = d.start(); i < d.end(); i++) {
        masked.setCharAt(i, 'x');
      }
    }
    String value = masked.toString();
    int first = -1;
    for (Pattern p : new Pattern[] {IPV4, IPV6, LONG_NUMBER}) {
      Matcher m = p.matcher(value);
      if (m.find() && (first < 0 || m.start() < first)) {
        first = m.start();
      }
    }
    return first;
  }
}
