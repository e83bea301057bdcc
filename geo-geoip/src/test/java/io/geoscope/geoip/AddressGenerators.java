package io.geoscope.geoip;

import static org.quicktheories.generators.Generate.constant;
import static org.quicktheories.generators.Generate.frequency;
import static org.quicktheories.generators.Generate.intArrays;
import static org.quicktheories.generators.Generate.oneOf;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.Generate.range;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

/**
 * Shared QuickTheories generators of IP addresses, their valid textual forms, and near-miss
 * mutations of them. Built from small pieces so that shrinking stays useful.
 */
public final class AddressGenerators {
  private AddressGenerators() {}

  /** An address as 4 or 16 bytes plus one of its valid textual renderings. */
  public record Rendered(byte[] bytes, String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  /** Random IPv4 addresses as 4 bytes, biased towards small and boundary octets. */
  public static Gen<byte[]> ipv4() {
    return intArrays(constant(4), octets()).map(AddressGenerators::octetsToBytes);
  }

  /** Random IPv6 addresses as 16 bytes: random groups with many zero runs, mapped and NAT64 forms. */
  public static Gen<byte[]> ipv6() {
    Gen<byte[]> groups = intArrays(constant(8), hextets()).map(AddressGenerators::groupsToBytes);
    Gen<byte[]> mapped = ipv4().map(v4 -> embed(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1}, v4));
    Gen<byte[]> nat64 = ipv4().map(v4 -> embed(new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0}, v4));
    return frequency(Pair.of(6, groups), Pair.of(1, mapped), Pair.of(1, nat64));
  }

  /** Random IPv4 and IPv6 addresses in every valid textual form. */
  public static Gen<Rendered> validLiterals() {
    Gen<Rendered> v4 = ipv4().map(b -> new Rendered(b, InetAddresses.toAddrString(toInet(b))));
    Gen<Rendered> v6 = ipv6().zip(range(0, 1 << 20), AddressGenerators::renderV6);
    return frequency(Pair.of(1, v4), Pair.of(3, v6));
  }

  /** Valid literals changed by one typical mistake or attack: most are invalid, some still valid. */
  public static Gen<String> mutatedLiterals() {
    return validLiterals().zip(range(0, 11), range(0, 1 << 16), (r, kind, seed) -> mutate(r.text(), kind, seed));
  }

  /** Short random strings over the characters of IP literals and their usual neighbours. */
  public static Gen<String> addressishStrings() {
    String alphabet = "0123456789abcdefABCDEF.:%[]gxz -_/\t\u00a0\u0661\uff11";
    Gen<Character> c = frequency(
        Pair.of(6, pick(chars("0123456789"))),
        Pair.of(3, pick(chars(".:"))),
        Pair.of(2, pick(chars(alphabet))));
    return intArrays(range(0, 48), c.map(ch -> (int) ch)).map(a -> {
      StringBuilder sb = new StringBuilder(a.length);
      for (int ch : a) {
        sb.append((char) ch);
      }
      return sb.toString();
    });
  }

  /** Any of the above strings: random, mutated or valid. */
  public static Gen<String> anyAddressText() {
    return oneOf(addressishStrings(), mutatedLiterals(), validLiterals().map(Rendered::text));
  }

  /** Guava's answer for text: 4 or 16 bytes, or null if Guava rejects it. */
  public static byte[] guava(String text) {
    try {
      return InetAddresses.forString(text).getAddress();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The 16-byte form of a 4- or 16-byte address; IPv4 becomes IPv4-mapped IPv6. */
  public static byte[] as16(byte[] address) {
    if (address.length == 16) {
      return address;
    }
    return embed(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1}, address);
  }

  static InetAddress toInet(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static Gen<Integer> octets() {
    return frequency(Pair.of(4, range(0, 255)), Pair.of(1, pick(List.of(0, 1, 9, 10, 99, 100, 199, 200, 255))));
  }

  private static Gen<Integer> hextets() {
    return frequency(Pair.of(3, constant(0)), Pair.of(3, range(0, 0xffff)), Pair.of(1, range(1, 0xf)));
  }

  private static List<Character> chars(String s) {
    List<Character> out = new ArrayList<>();
    for (char ch : s.toCharArray()) {
      out.add(ch);
    }
    return out;
  }

  private static byte[] octetsToBytes(int[] o) {
    byte[] b = new byte[o.length];
    for (int i = 0; i < o.length; i++) {
      b[i] = (byte) o[i];
    }
    return b;
  }

  private static byte[] groupsToBytes(int[] g) {
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[2 * i] = (byte) (g[i] >>> 8);
      b[2 * i + 1] = (byte) g[i];
    }
    return b;
  }

  private static byte[] embed(byte[] prefix12, byte[] v4) {
    byte[] b = Arrays.copyOf(prefix12, 16);
    System.arraycopy(v4, 0, b, 12, 4);
    return b;
  }

  /**
   * Renders 16 bytes in one of the valid forms chosen by bits of {@code choice}: Guava's canonical
   * form, or hand-rendered groups (padded or not, upper or lower case, any zero window compressed
   * or none, a dotted IPv4 tail or not).
   */
  static Rendered renderV6(byte[] bytes, int choice) {
    if ((choice & 7) == 0) {
      InetAddress inet = toInet(bytes);
      // An IPv4-mapped address comes back from the JDK as Inet4Address: render it as IPv6 ourselves.
      if (!(inet instanceof Inet4Address)) {
        return new Rendered(bytes, InetAddresses.toAddrString(inet));
      }
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    boolean padded = (choice & 8) != 0;
    boolean upper = (choice & 16) != 0;
    boolean dotted = (choice & 32) != 0;
    int hexGroups = dotted ? 6 : 8;
    List<int[]> windows = new ArrayList<>();
    for (int start = 0; start < hexGroups; start++) {
      for (int end = start + 1; end <= hexGroups && g[end - 1] == 0; end++) {
        windows.add(new int[] {start, end});
      }
    }
    int pickIndex = (choice >>> 6) % (windows.size() + 1);
    int[] window = pickIndex == windows.size() ? null : windows.get(pickIndex);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < hexGroups; i++) {
      if (window != null && i == window[0]) {
        sb.append(i == 0 ? "::" : ":");
        i = window[1] - 1;
        continue;
      }
      String hex = Integer.toHexString(g[i]);
      if (padded) {
        hex = "0000".substring(hex.length()) + hex;
      }
      sb.append(upper ? hex.toUpperCase(Locale.ROOT) : hex);
      if (i < hexGroups - 1) {
        sb.append(':');
      }
    }
    if (dotted) {
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(bytes[12] & 0xff).append('.').append(bytes[13] & 0xff).append('.')
          .append(bytes[14] & 0xff).append('.').append(bytes[15] & 0xff);
    }
    return new Rendered(bytes, sb.toString());
  }

  private static String mutate(String text, int kind, int seed) {
    int at = seed % (text.length() + 1);
    switch (kind) {
      case 0: return text.substring(0, at) + " " + text.substring(at);
      case 1: return " " + text;
      case 2: return text + "\n";
      case 3: return leadingZero(text, seed);
      case 4: return text + (text.contains(":") ? ":1" : ".1");
      case 5: return text + "%" + (seed % 2 == 0 ? "eth0" : Integer.toString(seed % 9));
      case 6: return text.substring(0, Math.max(0, at - 1)) + text.substring(at);
      case 7: return text.substring(0, at) + "::" + text.substring(at);
      case 8: return "[" + text + "]";
      case 9: return text.substring(0, at) + "0" + text.substring(at);
      default: return text.substring(0, at) + "." + text.substring(at);
    }
  }

  /** Puts a '0' before the n-th group or octet (counting separators from the seed). */
  private static String leadingZero(String text, int seed) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '.' || text.charAt(i) == ':') {
        starts.add(i + 1);
      }
    }
    int at = starts.get(seed % starts.size());
    return text.substring(0, at) + "0" + text.substring(at);
  }
}
