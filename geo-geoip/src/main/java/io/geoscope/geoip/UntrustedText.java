package io.geoscope.geoip;

import java.util.regex.Pattern;

/**
 * The one place where text that came from a database file (or that names what was decoded from
 * one) is made safe to show: addresses are replaced by {@code <address>}, anything that is not
 * printable ASCII by {@code ?}, and the length is bounded. {@link
 * io.geoscope.geoip.DatabaseException} messages, evidence details and producers all pass through
 * here. Thread-safe (stateless).
 */
final class UntrustedText {

  /**
   * IPv6 literals: two or more colons, optionally a dotted tail. No look-around: a literal glued to
   * a longer hex run ({@code "0" + "0001::..."} reads as a five-digit group) is still redacted,
   * from the first four digits on; redacting too much is safe, too little is not.
   */
  private static final Pattern IPV6 =
      Pattern.compile(
          "(?i)(?:[0-9a-f]{0,4}:){2,8}(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9a-f]{0,4})");

  /** Dotted quads. */
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

  private static final String ADDRESS = "<address>";

  private UntrustedText() {}

  /** Replaces everything in {@code text} that looks like an IP address by {@code <address>}. */
  public static String redact(String text) {
    String out = IPV6.matcher(text).replaceAll(ADDRESS);
    return IPV4.matcher(out).replaceAll(ADDRESS);
  }

  /** True if {@code text} holds anything {@link #redact} would replace. */
  public static boolean looksLikeAddress(String text) {
    return IPV6.matcher(text).find() || IPV4.matcher(text).find();
  }

  /**
   * {@code text} made printable (ASCII 0x20..0x7E, others become {@code ?}), redacted of addresses,
   * and cut to {@code max} characters (or up to 8 more, to keep a placeholder whole) followed by
   * {@code ...} if it was longer. Only the first
   * {@code max + 64} characters are looked at, so the cost is bounded whatever the input.
   */
  public static String bounded(String text, int max) {
    int look = (int) Math.min(text.length(), (long) max + 64);
    StringBuilder b = new StringBuilder(look);
    for (int i = 0; i < look; i++) {
      char ch = text.charAt(i);
      b.append(ch >= 0x20 && ch < 0x7F ? ch : '?');
    }
    String out = redact(b.toString());
    if (out.length() <= max && text.length() <= look) {
      return out;
    }
    int cut = Math.min(max, out.length());
    // Never cut a placeholder in two: "<addr" would read as if something had been left out.
    int token = out.lastIndexOf(ADDRESS, cut - 1);
    if (token >= 0 && token + ADDRESS.length() > cut) {
      cut = token + ADDRESS.length();
    }
    return cut < out.length() || text.length() > look ? out.substring(0, cut) + "..." : out;
  }

  /** True if every character of {@code text} is printable ASCII (0x20..0x7E). */
  public static boolean isPrintableAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch < 0x20 || ch >= 0x7F) {
        return false;
      }
    }
    return true;
  }
}
