package io.geoscope.geoip;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A trusted proxy sent an {@code X-Forwarded-For} or {@code Forwarded} header that cannot be read,
 * so no client address was guessed.
 *
 * <p>Only elements that had to be read are checked: the walk goes from the right and stops at the
 * first untrusted address, so garbage a client put in front of the header never causes this error
 * when a trusted proxy recorded an untrusted hop after it. The message names the header, the
 * {@link Reason} and the element's position counted from the right (1 is the element the nearest
 * proxy appended), and never contains header text. For {@link Reason#INVALID_ADDRESS} the cause is
 * the {@link InvalidAddressException} with the address-level reason.
 *
 * <p>Instances are immutable and thread-safe.
 */
@NullMarked
public final class InvalidHeaderException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Why a header element was rejected. */
  public enum Reason {
    /** A quoted string is not closed (Forwarded). */
    UNBALANCED_QUOTE("a quoted string is not closed"),
    /** An element is not a list of {@code name=value} pairs separated by semicolons (Forwarded). */
    MALFORMED_ELEMENT("the element is not a list of name=value pairs separated by semicolons"),
    /** A node with brackets or a port was not quoted, as RFC 7239 requires (Forwarded). */
    UNQUOTED_NODE("an IPv6 node or a node with a port must be a quoted string"),
    /** A parameter occurs twice in one element (Forwarded). */
    DUPLICATE_PARAMETER("a parameter occurs more than once in one element"),
    /** Brackets that are missing, unclosed, or around something other than IPv6. */
    BAD_BRACKETS("brackets must enclose exactly an IPv6 address, and IPv6 with a port needs them"),
    /** A port that is not 1 to 5 decimal digits up to 65535 (or an obfuscated port). */
    BAD_PORT("the port is not a decimal from 0 to 65535 or an obfuscated port"),
    /** An obfuscated identifier with characters outside letters, digits, dot, underscore, hyphen. */
    BAD_OBFUSCATED_IDENTIFIER("an obfuscated identifier has characters other than letters, digits, dot, underscore and hyphen"),
    /** The node is not a valid IP literal; the cause says why. */
    INVALID_ADDRESS("the node is not a valid IP literal");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    /** A one-line, human-readable description that never contains header text. */
    public String description() {
      return description;
    }
  }

  private final String header;
  private final Reason reason;
  private final int elementFromRight;

  /**
   * An error in {@code header} (its name, such as "Forwarded"), in the element at position {@code
   * elementFromRight} counted from the right starting at 1.
   */
  public InvalidHeaderException(String header, Reason reason, int elementFromRight, @Nullable InvalidAddressException cause) {
    super("malformed " + header + " header (" + reason.name() + ") - " + reason.description()
        + "; in element " + elementFromRight + " counted from the right"
        + (cause == null ? "" : " (" + cause.reason().name() + ")"), cause);
    this.header = header;
    this.reason = reason;
    this.elementFromRight = elementFromRight;
  }

  /** The header's name: {@code X-Forwarded-For} or {@code Forwarded}. */
  public String header() {
    return header;
  }

  /** Why the element was rejected. */
  public Reason reason() {
    return reason;
  }

  /** The rejected element's position counted from the right, starting at 1. */
  public int elementFromRight() {
    return elementFromRight;
  }
}
