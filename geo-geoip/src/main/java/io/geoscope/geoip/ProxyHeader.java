package io.geoscope.geoip;

import io.geoscope.geoip.InvalidHeaderException.Reason;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Reads the client nodes of an {@code X-Forwarded-For} or {@code Forwarded} header from the right,
 * one element per {@link #next()}, so that elements left of the answer are never parsed.
 *
 * <p>Forwarded elements are split right to left with quote tracking (a quote preceded by an odd
 * number of backslashes inside a quoted string is content); each element is then parsed left to
 * right with the RFC 7239 grammar. Not thread-safe: one instance per call.
 */
@NullMarked
final class ProxyHeader {
  private final String text;
  private final boolean forwarded;
  private final String name;
  private final AddressSink sink = new AddressSink();
  private int end;
  private int position;
  private boolean hidden;

  ProxyHeader(String text, boolean forwarded) {
    this.text = text;
    this.forwarded = forwarded;
    this.name = forwarded ? TrustedProxies.FORWARDED : TrustedProxies.X_FORWARDED_FOR;
    this.end = text.length();
  }

  /**
   * The next client node from the right (an IP literal as written), {@link
   * TrustedProxies#UNKNOWN_CLIENT} when that element hides the client, or null at the left end.
   */
  @Nullable String next() {
    while (end >= 0) {
      int start = elementStart();
      int s = skipSpace(start, end);
      int e = trimEnd(s, end);
      end = start - 1; // past the comma (or -1 at the left end)
      if (s < e) {
        position++;
        String node = forwarded ? forwardedFor(s, e) : text.substring(s, e);
        if (node == null) {
          hidden = true;
          return TrustedProxies.UNKNOWN_CLIENT;
        }
        String address = address(node);
        hidden = address == null;
        return address == null ? TrustedProxies.UNKNOWN_CLIENT : address;
      }
    }
    return null;
  }

  /** Whether the element last returned by {@link #next()} hid the client. */
  boolean hidesClient() {
    return hidden;
  }

  private int elementStart() {
    if (!forwarded) {
      return text.lastIndexOf(',', end - 1) + 1;
    }
    boolean quoted = false;
    int i = end - 1;
    for (; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '"') {
        int backslashes = 0;
        for (int j = i - 1; j >= 0 && text.charAt(j) == '\\'; j--) {
          backslashes++;
        }
        if (!(quoted && backslashes % 2 == 1)) {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        break;
      }
    }
    if (quoted) {
      throw error(Reason.UNBALANCED_QUOTE, position + 1);
    }
    return i + 1;
  }

  /** The unquoted value of the element's for= parameter, or null if it has none. */
  private @Nullable String forwardedFor(int s, int e) {
    Set<String> seen = new HashSet<>();
    String forValue = null;
    int i = s;
    while (true) {
      i = skipSpace(i, e);
      if (i == e) {
        return forValue;
      }
      if (text.charAt(i) == ';') {
        i++;
        continue;
      }
      int nameStart = i;
      while (i < e && isTokenChar(text.charAt(i))) {
        i++;
      }
      if (i == nameStart || i == e || text.charAt(i) != '=') {
        throw error(Reason.MALFORMED_ELEMENT, position);
      }
      String parameter = text.substring(nameStart, i).toLowerCase(Locale.ROOT);
      i++;
      String value;
      if (i < e && text.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
          if (i >= e) {
            throw error(Reason.UNBALANCED_QUOTE, position);
          }
          char c = text.charAt(i++);
          if (c == '"') {
            break;
          }
          if (c == '\\') {
            if (i >= e) {
              throw error(Reason.UNBALANCED_QUOTE, position);
            }
            c = text.charAt(i++);
          }
          sb.append(c);
        }
        value = sb.toString();
      } else {
        int valueStart = i;
        while (i < e && isTokenChar(text.charAt(i))) {
          i++;
        }
        if (i < e && isNodeChar(text.charAt(i))) {
          throw error(Reason.UNQUOTED_NODE, position);
        }
        if (i == valueStart) {
          throw error(Reason.MALFORMED_ELEMENT, position);
        }
        value = text.substring(valueStart, i);
      }
      if (!seen.add(parameter)) {
        throw error(Reason.DUPLICATE_PARAMETER, position);
      }
      if (parameter.equals("for")) {
        forValue = value;
      }
      i = skipSpace(i, e);
      if (i < e && text.charAt(i) != ';') {
        throw error(Reason.MALFORMED_ELEMENT, position);
      }
    }
  }

  /**
   * The IP literal in a node ({@code 1.2.3.4}, {@code 1.2.3.4:80}, {@code [v6]}, {@code [v6]:80},
   * and bare IPv6 in X-Forwarded-For only), or null for {@code unknown} and obfuscated nodes.
   */
  private @Nullable String address(String node) {
    if (node.startsWith("[")) {
      int close = node.indexOf(']');
      if (close < 0) {
        throw error(Reason.BAD_BRACKETS, position);
      }
      String inner = node.substring(1, close);
      if (parse(inner) != IpParser.V6) {
        throw error(Reason.BAD_BRACKETS, position);
      }
      String rest = node.substring(close + 1);
      if (!rest.isEmpty()) {
        if (rest.charAt(0) != ':') {
          throw error(Reason.BAD_BRACKETS, position);
        }
        checkPort(rest.substring(1));
      }
      return inner;
    }
    int colon = node.indexOf(':');
    if (colon >= 0 && node.indexOf(':', colon + 1) >= 0) {
      if (forwarded) {
        throw error(Reason.BAD_BRACKETS, position);
      }
      parse(node);
      return node;
    }
    String nodeName = colon < 0 ? node : node.substring(0, colon);
    if (colon >= 0) {
      checkPort(node.substring(colon + 1));
    }
    if (nodeName.equalsIgnoreCase(TrustedProxies.UNKNOWN_CLIENT)) {
      return null;
    }
    if (nodeName.startsWith("_")) {
      checkObfuscated(nodeName);
      return null;
    }
    parse(nodeName);
    return nodeName;
  }

  private int parse(String literal) {
    try {
      return IpParser.parse(literal, sink);
    } catch (InvalidAddressException e) {
      throw new InvalidHeaderException(name, Reason.INVALID_ADDRESS, position, e);
    }
  }

  private void checkPort(String port) {
    if (port.startsWith("_")) {
      checkObfuscated(port);
      return;
    }
    if (!isDecimalPort(port, 0, port.length())) {
      throw error(Reason.BAD_PORT, position);
    }
  }

  /** Whether {@code text[s, e)} is a decimal port: 1 to 5 digits, at most 65535. */
  static boolean isDecimalPort(CharSequence text, int s, int e) {
    if (e - s < 1 || e - s > 5) {
      return false;
    }
    int port = 0;
    for (int i = s; i < e; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      port = port * 10 + (c - '0');
    }
    return port <= 65535;
  }

  /** Optional whitespace between list elements (RFC 9110 OWS). */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }

  private void checkObfuscated(String identifier) {
    boolean valid = identifier.length() > 1;
    for (int i = 1; valid && i < identifier.length(); i++) {
      char c = identifier.charAt(i);
      valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-';
    }
    if (!valid) {
      throw error(Reason.BAD_OBFUSCATED_IDENTIFIER, position);
    }
  }

  private InvalidHeaderException error(Reason reason, int element) {
    return new InvalidHeaderException(name, reason, element, null);
  }

  private int skipSpace(int i, int limit) {
    while (i < limit && isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private int trimEnd(int start, int e) {
    while (e > start && isSpace(text.charAt(e - 1))) {
      e--;
    }
    return e;
  }

  /** RFC 9110 tchar. */
  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private static boolean isNodeChar(char c) {
    return c == ':' || c == '[' || c == ']';
  }
}
