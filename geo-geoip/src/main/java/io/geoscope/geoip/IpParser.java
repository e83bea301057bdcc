package io.geoscope.geoip;

import io.geoscope.geoip.InvalidAddressException;
import io.geoscope.geoip.InvalidAddressException.Reason;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A strict, allocation-free parser of IPv4 and IPv6 address literals. It never consults DNS: a
 * host name is an error.
 *
 * <p>Accepted: dotted-quad IPv4 with decimal octets 0-255 and no leading zeros ({@code 0} alone is
 * fine); IPv6 in full, compressed ({@code ::}, at most once, standing for at least one group) or
 * mixed form, hex in either case with 1-4 digits per group, and a dotted IPv4 tail only as the last
 * 32 bits ({@code ::ffff:1.2.3.4}, {@code 64:ff9b::1.2.3.4}). An IPv4-mapped address is returned
 * as {@link #V6}, as written.
 *
 * <p>Rejected, each with its {@link Reason}: empty or over-long (more than 45 characters) text,
 * whitespace anywhere, zone identifiers ({@code fe80::1%eth0}, {@link Reason#ZONE_ID}: a zone is
 * local to one host and says nothing about location), URI brackets ({@code [::1]}, {@link
 * Reason#BRACKETED}: callers that read bracketed forms, such as {@code Forwarded} headers, strip
 * them first), non-ASCII digits, and everything else Guava's {@code InetAddresses.forString}
 * rejects. The only inputs Guava accepts that this parser rejects are zone identifiers and
 * non-ASCII digits.
 *
 * <p>Parsing a valid literal allocates nothing: no substrings, no boxing, no exceptions. Stateless
 * and thread-safe; the {@link AddressSink} is the caller's.
 */
@NullMarked
final class IpParser {
  /** Returned for an IPv4 literal; the value is in {@link AddressSink#v4}. */
  public static final int V4 = 4;
  /** Returned for an IPv6 literal; the value is in {@link AddressSink#hi} and {@link AddressSink#lo}. */
  public static final int V6 = 6;
  /** The longest valid literal: {@code ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255}. */
  public static final int MAX_LENGTH = 45;

  // Character classes of ASCII, looked up once per character by the pre-scan.
  private static final byte DIGIT = 0;
  private static final byte HEX_LETTER = 1;
  private static final byte NAME = 2; // a letter that is not a hex digit, '-' or '_'
  private static final byte DOT = 3;
  private static final byte COLON = 4;
  private static final byte OTHER = 5;

  private static final byte[] CLASS = new byte[128];
  /** Hex value of each ASCII character, or -1. */
  private static final byte[] HEX = new byte[128];

  static {
    for (int c = 0; c < 128; c++) {
      byte cls = OTHER;
      int hex = -1;
      if (c >= '0' && c <= '9') {
        cls = DIGIT;
        hex = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        cls = HEX_LETTER;
        hex = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        cls = HEX_LETTER;
        hex = c - 'A' + 10;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_') {
        cls = NAME;
      } else if (c == '.') {
        cls = DOT;
      } else if (c == ':') {
        cls = COLON;
      }
      CLASS[c] = cls;
      HEX[c] = (byte) hex;
    }
  }

  private IpParser() {}

  /**
   * Parses an IP literal without allocating and stores it in {@code sink}.
   *
   * @return {@link #V4} or {@link #V6}
   * @throws InvalidAddressException if the text is not a valid literal; the message never contains
   *     the text
   */
  public static int parse(CharSequence text, AddressSink sink) {
    if (isColonForm(text)) {
      ipv6(text, sink);
      return V6;
    }
    sink.v4 = ipv4(text);
    return V4;
  }

  /**
   * Receives both halves of an IPv6 address that {@link #ipv6} parsed in one pass: the parser
   * ends by calling it, so the halves travel as arguments and no holder object is needed.
   *
   * @param <R> what the receiver makes of the address (an evidence, a flag, ...)
   */
  interface Ipv6Receiver<R> {
    /** Called once with the big-endian halves of the parsed address. */
    R ipv6(long hi, long lo);
  }

  /**
   * Parses an IPv6 literal in one pass and hands both halves to {@code receiver}; allocation-free
   * for a valid literal.
   *
   * @return what {@code receiver} returned
   * @throws InvalidAddressException if the text is not a valid IPv6 literal (IPv4 included)
   */
  public static <R> R ipv6(CharSequence text, Ipv6Receiver<R> receiver) {
    R r = onePassIpv6(text, 0, text.length(), receiver);
    if (r != null) {
      return r;
    }
    // Declined: the careful parser names the problem (it throws for every text the one pass
    // declines; the halves below are only a safety net should the two ever disagree).
    return receiver.ipv6(high(text), low(text));
  }

  /**
   * The common case of IPv6 in one pass over {@code text[start, end)}, without a pre-scan: calls
   * {@code receiver} with both halves and returns its result, or returns null without calling it
   * if the range is not a valid IPv6 literal (IPv4, zone ids, brackets, anything else; the
   * careful parser then says why). Accepts exactly the texts {@link #high}/{@link #low} accept,
   * with the same value.
   */
  static <R> @Nullable R onePassIpv6(
      CharSequence text, int start, int end, Ipv6Receiver<R> receiver) {
    int len = end - start;
    if (len < 2 || len > MAX_LENGTH) {
      return null;
    }
    // Groups accumulate, 16 bits each, in a 128-bit (hi, lo) shift register; at "::" the register
    // moves to head and starts again, and at the end head is shifted over the elided groups.
    long hi = 0;
    long lo = 0;
    long headHi = 0;
    long headLo = 0;
    int groups = 0;
    int gap = -1; // groups before "::", or -1 if there is none
    int i = start;
    if (text.charAt(i) == ':') {
      if (text.charAt(i + 1) != ':') {
        return null;
      }
      gap = 0;
      i += 2;
    }
    int max = gap >= 0 ? 7 : 8;
    while (i < end) {
      int groupStart = i;
      int group = 0;
      int digits = 0;
      char c = 0;
      while (i < end) {
        c = text.charAt(i);
        int d = c < 128 ? HEX[c] : -1;
        if (d < 0) {
          break;
        }
        group = (group << 4) | d;
        digits++;
        i++;
      }
      if (i < end && c == '.') {
        if (groups + 2 > max) {
          return null;
        }
        long v4 = fastIpv4(text, groupStart, end);
        if (v4 < 0) {
          return null;
        }
        hi = (hi << 32) | (lo >>> 32);
        lo = (lo << 32) | v4;
        groups += 2;
        break;
      }
      if (digits == 0 || digits > 4 || ++groups > max) {
        return null;
      }
      hi = (hi << 16) | (lo >>> 48);
      lo = (lo << 16) | group;
      if (i == end) {
        break;
      }
      if (c != ':' || ++i == end) {
        return null; // another character, or a single trailing colon
      }
      if (text.charAt(i) == ':') {
        if (gap >= 0 || groups > 7) {
          return null;
        }
        gap = groups;
        max = 7;
        headHi = hi;
        headLo = lo;
        hi = 0;
        lo = 0;
        i++;
      }
    }
    if (gap < 0) {
      return groups == 8 ? receiver.ipv6(hi, lo) : null;
    }
    if (gap > 0) {
      // The head's gap groups go to the top: shift the 128-bit head left by 16 * (8 - gap) bits.
      int shift = 16 * (8 - gap); // 16..112
      if (shift >= 64) {
        headHi = headLo << (shift - 64);
        headLo = 0;
      } else {
        headHi = (headHi << shift) | (headLo >>> (64 - shift));
        headLo <<= shift;
      }
      hi |= headHi;
      lo |= headLo;
    }
    return receiver.ipv6(hi, lo);
  }

  /**
   * Whether {@code text} is parsed as IPv6 (it has a colon); then {@link #high} and {@link #low}
   * give its halves, otherwise {@link #ipv4} gives the address. Lets a caller parse into locals
   * with no holder object and no per-thread state.
   */
  public static boolean isColonForm(CharSequence text) {
    for (int i = 0, len = text.length(); i < len && i <= MAX_LENGTH; i++) {
      if (text.charAt(i) == ':') {
        return true;
      }
    }
    return false;
  }

  /**
   * The common case in one pass: the 32 bits of {@code text} if it is a valid dotted quad, or -1
   * for anything else (IPv6, invalid text, which the other methods then explain). Accepts exactly
   * the texts {@link #ipv4} accepts as IPv4; allocation-free and without data-dependent branches.
   */
  @SuppressWarnings("ShortCircuitBoolean") // & and | on purpose: no branch per character
  public static long fastIpv4(CharSequence text) {
    return fastIpv4(text, 0, text.length());
  }

  /** As {@link #fastIpv4(CharSequence)} for {@code text[start, end)}, e.g. a header element. */
  @SuppressWarnings("ShortCircuitBoolean") // & and | on purpose: no branch per character
  static long fastIpv4(CharSequence text, int start, int end) {
    int len = end - start;
    if (len < 7 || len > 15) {
      return -1;
    }
    int value = 0;
    int octet = 0;
    int digits = 0;
    int dots = 0;
    boolean bad = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      boolean isDot = c == '.';
      bad |= !isDot & (c < '0' | c > '9');
      bad |= isDot ? digits == 0 : (digits == 1 & octet == 0);
      value = isDot ? (value << 8) | octet : value;
      octet = isDot ? 0 : octet * 10 + (c - '0');
      digits = isDot ? 0 : digits + 1;
      dots += isDot ? 1 : 0;
      bad |= digits > 3 | octet > 255 | octet < 0;
    }
    bad |= digits == 0 | dots != 3;
    return bad ? -1 : ((value << 8) | octet) & 0xFFFF_FFFFL;
  }

  /**
   * Parses an IPv4 literal (text without a colon) into its 32 bits; allocation-free.
   *
   * @throws InvalidAddressException if the text is not a valid literal, or is IPv6
   */
  public static int ipv4(CharSequence text) {
    if (isColonForm(text)) {
      parseAny(text, true); // the precise reason if it is invalid
      throw new InvalidAddressException(Reason.BAD_CHARACTER, 0, text.length());
    }
    return (int) parseAny(text, true);
  }

  /**
   * The upper 64 bits of an IPv6 literal; allocation-free. Validates the whole text.
   *
   * @throws InvalidAddressException if the text is not a valid IPv6 literal
   */
  public static long high(CharSequence text) {
    requireColonForm(text);
    return parseAny(text, true);
  }

  /**
   * The lower 64 bits of an IPv6 literal; allocation-free. Validates the whole text.
   *
   * @throws InvalidAddressException if the text is not a valid IPv6 literal
   */
  public static long low(CharSequence text) {
    requireColonForm(text);
    return parseAny(text, false);
  }

  private static void requireColonForm(CharSequence text) {
    if (!isColonForm(text)) {
      parseAny(text, true); // the precise reason if it is invalid
      throw new InvalidAddressException(Reason.TOO_FEW_GROUPS, text.length(), text.length());
    }
  }

  /** The IPv4 address (zero-extended), or for IPv6 the half {@code high} selects. */
  private static long parseAny(CharSequence text, boolean high) {
    int len = text.length();
    if (len == 0) {
      throw new InvalidAddressException(Reason.EMPTY, 0, 0);
    }
    if (len > MAX_LENGTH) {
      throw new InvalidAddressException(Reason.TOO_LONG, MAX_LENGTH, len);
    }
    // One pass without data-dependent branches: the set of character classes present. Which
    // character is to blame is only looked for when the text turns out to be invalid.
    int seen = 0;
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      seen |= 1 << (c < 128 ? CLASS[c] : OTHER);
    }
    if ((seen & (1 << OTHER)) != 0) {
      int at = first(text, len, OTHER);
      throw new InvalidAddressException(reasonFor(text.charAt(at)), at, len);
    }
    if ((seen & (1 << COLON)) != 0) {
      if ((seen & (1 << NAME)) != 0) {
        throw new InvalidAddressException(Reason.BAD_CHARACTER, first(text, len, NAME), len);
      }
      return parseV6(text, len, high);
    }
    if ((seen & ((1 << NAME) | (1 << HEX_LETTER))) != 0) {
      int at = Math.min(first(text, len, NAME), first(text, len, HEX_LETTER));
      throw new InvalidAddressException(Reason.HOSTNAME, at, len);
    }
    boolean dot = (seen & (1 << DOT)) != 0;
    if (!dot) {
      // A bare number ("16909060") is an IPv4 address to inet_aton, never to us.
      throw new InvalidAddressException(Reason.TOO_FEW_GROUPS, len, len);
    }
    return parseDottedQuad(text, len) & 0xFFFF_FFFFL;
  }

  /**
   * The common case of {@link #parseV4} for text of digits and dots only, written without
   * data-dependent branches (the octet lengths of real addresses are unpredictable). Any problem
   * only sets a flag; the precise error then comes from {@link #parseV4}.
   */
  @SuppressWarnings("ShortCircuitBoolean") // & and | on purpose: no branch per character
  private static int parseDottedQuad(CharSequence text, int len) {
    int value = 0;
    int octet = 0;
    int digits = 0;
    int dots = 0;
    boolean bad = false;
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      boolean isDot = c == '.';
      bad |= isDot ? digits == 0 : (digits == 1 & octet == 0);
      value = isDot ? (value << 8) | octet : value;
      octet = isDot ? 0 : octet * 10 + (c - '0');
      digits = isDot ? 0 : digits + 1;
      dots += isDot ? 1 : 0;
      bad |= digits > 3 | octet > 255;
    }
    bad |= digits == 0 | dots != 3;
    if (bad) {
      return parseV4(text, 0, len);
    }
    return (value << 8) | octet;
  }

  private static Reason reasonFor(char c) {
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return Reason.WHITESPACE;
    }
    if (c == '%') {
      return Reason.ZONE_ID;
    }
    if (c == '[' || c == ']') {
      return Reason.BRACKETED;
    }
    return Reason.BAD_CHARACTER;
  }

  /** The index of the first character of class {@code cls}, or {@code len} if there is none. */
  private static int first(CharSequence text, int len, byte cls) {
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      if ((c < 128 ? CLASS[c] : OTHER) == cls) {
        return i;
      }
    }
    return len;
  }

  private static int hexValue(char c) {
    return c < 128 ? HEX[c] : -1;
  }

  /** Parses a dotted quad that must span exactly [start, end) of text. */
  private static int parseV4(CharSequence text, int start, int end) {
    int len = text.length();
    int value = 0;
    int octets = 0;
    int i = start;
    while (true) {
      int octetStart = i;
      int octet = 0;
      int digits = 0;
      while (i < end) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        if (digits == 1 && octet == 0) {
          throw new InvalidAddressException(Reason.LEADING_ZERO, octetStart, len);
        }
        octet = octet * 10 + (c - '0');
        if (octet > 255) {
          throw new InvalidAddressException(Reason.OCTET_OUT_OF_RANGE, octetStart, len);
        }
        digits++;
        i++;
      }
      if (i < end) {
        char c = text.charAt(i);
        if (c == ':') {
          throw new InvalidAddressException(Reason.MISPLACED_IPV4, i, len);
        }
        if (c != '.') {
          throw new InvalidAddressException(Reason.BAD_CHARACTER, i, len);
        }
      }
      if (digits == 0) {
        throw new InvalidAddressException(Reason.EMPTY_GROUP, octetStart, len);
      }
      if (++octets > 4) {
        throw new InvalidAddressException(Reason.TOO_MANY_GROUPS, octetStart, len);
      }
      value = (value << 8) | octet;
      if (i == end) {
        break;
      }
      i++; // the dot
    }
    if (octets < 4) {
      throw new InvalidAddressException(Reason.TOO_FEW_GROUPS, end, len);
    }
    return value;
  }

  /**
   * Parses IPv6. Groups before "::" accumulate in head, groups after it in tail (both as 128-bit
   * hi/lo pairs shifted left per group); the head is then shifted over the elided zero groups.
   */
  private static long parseV6(CharSequence text, int len, boolean high) {
    long headHi = 0;
    long headLo = 0;
    long tailHi = 0;
    long tailLo = 0;
    int groups = 0;
    int gap = -1; // number of groups before "::", or -1 if there is none
    int i = 0;
    if (text.charAt(0) == ':') {
      if (len < 2 || text.charAt(1) != ':') {
        throw new InvalidAddressException(Reason.EMPTY_GROUP, 0, len);
      }
      gap = 0;
      i = 2;
    }
    while (i < len) {
      int groupStart = i;
      int group = 0;
      int digits = 0;
      while (i < len) {
        int d = hexValue(text.charAt(i));
        if (d < 0) {
          break;
        }
        group = (group << 4) | d;
        digits++;
        i++;
      }
      if (i < len && text.charAt(i) == '.') {
        int max = gap >= 0 ? 7 : 8;
        if (groups + 2 > max) {
          throw new InvalidAddressException(Reason.TOO_MANY_GROUPS, groupStart, len);
        }
        int v4 = parseV4(text, groupStart, len);
        if (gap >= 0) {
          tailHi = (tailHi << 32) | (tailLo >>> 32);
          tailLo = (tailLo << 32) | (v4 & 0xFFFF_FFFFL);
        } else {
          headHi = (headHi << 32) | (headLo >>> 32);
          headLo = (headLo << 32) | (v4 & 0xFFFF_FFFFL);
        }
        groups += 2;
        break;
      }
      if (digits == 0) {
        throw new InvalidAddressException(Reason.EMPTY_GROUP, groupStart, len);
      }
      if (digits > 4) {
        throw new InvalidAddressException(Reason.GROUP_TOO_LONG, groupStart, len);
      }
      groups++;
      if (groups > (gap >= 0 ? 7 : 8)) {
        throw new InvalidAddressException(Reason.TOO_MANY_GROUPS, groupStart, len);
      }
      if (gap >= 0) {
        tailHi = (tailHi << 16) | (tailLo >>> 48);
        tailLo = (tailLo << 16) | group;
      } else {
        headHi = (headHi << 16) | (headLo >>> 48);
        headLo = (headLo << 16) | group;
      }
      if (i == len) {
        break;
      }
      i++; // the colon: the pre-scan admits only hex digits, dots and colons here
      if (i == len) {
        throw new InvalidAddressException(Reason.EMPTY_GROUP, i, len);
      }
      if (text.charAt(i) == ':') {
        if (gap >= 0) {
          throw new InvalidAddressException(Reason.MULTIPLE_DOUBLE_COLON, i - 1, len);
        }
        if (groups > 7) {
          throw new InvalidAddressException(Reason.TOO_MANY_GROUPS, i - 1, len);
        }
        gap = groups;
        i++;
      }
    }
    if (gap < 0) {
      if (groups < 8) {
        throw new InvalidAddressException(Reason.TOO_FEW_GROUPS, len, len);
      }
      return high ? headHi : headLo;
    }
    for (int shift = gap; shift < 8; shift++) {
      headHi = (headHi << 16) | (headLo >>> 48);
      headLo <<= 16;
    }
    return high ? headHi | tailHi : headLo | tailLo;
  }
}
