package io.geoscope.geoip;

import org.jspecify.annotations.NullMarked;

/**
 * A text was not a valid IP address literal (or CIDR range), so nothing was looked up.
 *
 * <p>Geoscope never resolves host names and accepts only a strict subset of what Java's
 * {@code InetAddress} parses: see {@link Reason} for every rejected form. The message names the
 * reason, the index of the offending character and the length of the input, and <em>never</em>
 * contains the input itself: it may be a participant's address, which must not reach logs. The
 * message contains no dot, colon, percent sign or bracket, so no address-shaped text can appear
 * in it.
 *
 * <p>Instances are immutable and thread-safe.
 */
@NullMarked
public final class InvalidAddressException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Why a text was rejected. Each constant is a stable name used in messages and tests. */
  public enum Reason {
    /** The text is empty. */
    EMPTY("the text is empty"),
    /** The text is longer than 45 characters, the longest valid IPv6 literal with a dotted tail. */
    TOO_LONG("the text is longer than 45 characters, the longest valid literal"),
    /** Whitespace (leading, trailing or inside), including non-breaking and Unicode spaces. */
    WHITESPACE("whitespace is not allowed anywhere, trim the text before parsing"),
    /** A character that can occur in no IP literal (including non-ASCII digits). */
    BAD_CHARACTER("a character that cannot occur in an IP literal"),
    /** The text looks like a host name; Geoscope never performs DNS lookups. */
    HOSTNAME("the text looks like a host name, only IP literals are accepted and names are never resolved"),
    /** URI-style brackets around an IPv6 literal; pass the bare literal. */
    BRACKETED("brackets are not part of an IP literal, pass the bare address"),
    /** An IPv6 zone identifier (scope), which is local to one host and has no location. */
    ZONE_ID("zone identifiers (scope ids) are not accepted"),
    /** An empty octet or group: a leading, trailing or doubled separator. */
    EMPTY_GROUP("an empty octet or group (a stray separator)"),
    /** A decimal IPv4 octet with a leading zero, which some parsers read as octal. */
    LEADING_ZERO("an IPv4 octet has a leading zero, which is ambiguous (octal or decimal)"),
    /** An IPv4 octet above 255. */
    OCTET_OUT_OF_RANGE("an IPv4 octet is greater than 255"),
    /** Fewer than four IPv4 octets, or fewer than eight IPv6 groups without a double colon. */
    TOO_FEW_GROUPS("too few octets or groups (IPv4 needs four octets, IPv6 eight groups or a double colon)"),
    /** More than four IPv4 octets, more than eight IPv6 groups, or a double colon standing for none. */
    TOO_MANY_GROUPS("too many octets or groups (a double colon must stand for at least one group)"),
    /** An IPv6 literal with more than one double colon. */
    MULTIPLE_DOUBLE_COLON("more than one double colon"),
    /** An IPv6 hexadecimal group longer than four digits. */
    GROUP_TOO_LONG("an IPv6 group has more than four hexadecimal digits"),
    /** A dotted IPv4 part inside IPv6 that is not the last 32 bits. */
    MISPLACED_IPV4("a dotted IPv4 part inside IPv6 must be the last 32 bits"),
    /** A CIDR range whose prefix length is missing, not a plain decimal, or too large. */
    BAD_PREFIX_LENGTH("the prefix length must be a decimal from 0 to 32 (IPv4) or 128 (IPv6) without leading zeros"),
    /** A CIDR range whose address has bits set beyond the prefix length (likely a typo). */
    HOST_BITS_SET("the range address has bits set beyond the prefix length");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    /** A one-line, human-readable description that never contains input text. */
    public String description() {
      return description;
    }
  }

  private final Reason reason;
  private final int index;
  private final int inputLength;

  /**
   * An error for an input of {@code inputLength} characters, found at {@code index}.
   *
   * @param reason why the text was rejected
   * @param index the index of the first offending character (may equal {@code inputLength} when
   *     something is missing at the end)
   * @param inputLength the length of the rejected text
   */
  public InvalidAddressException(Reason reason, int index, int inputLength) {
    this("", reason, index, inputLength);
  }

  /**
   * As {@link #InvalidAddressException(Reason, int, int)}, with a context (such as "trusted proxy
   * range 2 of 3") prefixed to the message; the context must not contain input text.
   */
  public InvalidAddressException(String context, Reason reason, int index, int inputLength) {
    super(message(context, reason, index, inputLength));
    this.reason = reason;
    this.index = index;
    this.inputLength = inputLength;
  }

  private static String message(String context, Reason reason, int index, int inputLength) {
    return (context.isEmpty() ? "" : context + " - ")
        + "invalid IP address (" + reason.name() + ") - " + reason.description()
        + "; at index " + index + " of " + inputLength + " characters";
  }

  /** Why the text was rejected. */
  public Reason reason() {
    return reason;
  }

  /** Index of the first offending character in the rejected text. */
  public int index() {
    return index;
  }

  /** Length of the rejected text. */
  public int inputLength() {
    return inputLength;
  }
}
