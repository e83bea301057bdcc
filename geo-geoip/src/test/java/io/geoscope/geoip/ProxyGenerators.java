package io.geoscope.geoip;

import static org.quicktheories.generators.Generate.booleans;
import static org.quicktheories.generators.Generate.constant;
import static org.quicktheories.generators.Generate.frequency;
import static org.quicktheories.generators.Generate.intArrays;
import static org.quicktheories.generators.Generate.oneOf;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.Generate.range;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

/**
 * Generators of proxy chains for {@link TrustedProxies} properties. Trusted hops come from {@link
 * #RANGES}; untrusted ones from ranges disjoint from them by construction, so no filtering is needed.
 */
public final class ProxyGenerators {
  /** The trusted ranges every generated chain is meant for. */
  public static final String[] RANGES = {"10.0.0.0/8", "2001:db8:aa::/48"};

  private ProxyGenerators() {}

  /** What a hop in a chain is. */
  public enum Kind { TRUSTED, UNTRUSTED, HIDDEN }

  /** One hop: the address (or hiding token) and how it is written in each header. */
  public record Hop(Kind kind, String address, String xff, String forwarded) {
    @Override
    public String toString() {
      return kind + " " + forwarded;
    }
  }

  /** An address inside one of {@link #RANGES}: 10/8, 2001:db8:aa::/48, or IPv4-mapped 10/8. */
  public static Gen<String> trustedAddress() {
    Gen<String> v4 = intArrays(constant(3), range(0, 255)).map(o -> "10." + o[0] + "." + o[1] + "." + o[2]);
    Gen<String> v6 = intArrays(constant(5), range(0, 0xffff)).map(g -> String.format(Locale.ROOT,
        "2001:db8:aa:%x:%x:%x:%x:%x", g[0], g[1], g[2], g[3], g[4]));
    return frequency(Pair.of(3, v4), Pair.of(2, v6), Pair.of(1, v4.map(a -> "::ffff:" + a)));
  }

  /** An address outside {@link #RANGES}: first octet 11-223, or IPv6 starting 2002-2fff. */
  public static Gen<String> untrustedAddress() {
    Gen<String> v4 = range(11, 223).zip(intArrays(constant(3), range(0, 255)),
        (a, o) -> a + "." + o[0] + "." + o[1] + "." + o[2]);
    Gen<String> v6 = range(0x2002, 0x2fff).zip(intArrays(constant(3), range(0, 0xffff)),
        (a, g) -> String.format(Locale.ROOT, "%x:%x::%x:%x", a, g[0], g[1], g[2]));
    return oneOf(v4, v6);
  }

  /** A hop of the given kind, rendered with or without a port. */
  public static Gen<Hop> hop(Kind kind) {
    if (kind == Kind.HIDDEN) {
      Gen<String> forwarded = pick(List.of("for=unknown", "for=_hidden", "For=\"_Proxy.7-a:_p\"", "proto=https"));
      return forwarded.zip(pick(List.of("unknown", "UNKNOWN", "_hidden")), (element, xff) ->
          new Hop(kind, TrustedProxies.UNKNOWN_CLIENT, xff, element));
    }
    Gen<String> address = kind == Kind.TRUSTED ? trustedAddress() : untrustedAddress();
    return address.zip(range(0, 65535), booleans(), ProxyGenerators::render);
  }

  /** Any hop: mostly trusted or untrusted addresses, sometimes one that hides the client. */
  public static Gen<Hop> anyHop() {
    return frequency(Pair.of(4, hop(Kind.TRUSTED)), Pair.of(4, hop(Kind.UNTRUSTED)), Pair.of(1, hop(Kind.HIDDEN)));
  }

  /** A chain as real proxies write it: zero or more hops, an untrusted one, then trusted ones. */
  public static Gen<List<Hop>> chainEndingInUntrusted() {
    return lists().of(anyHop()).ofSizeBetween(0, 3)
        .zip(hop(Kind.UNTRUSTED), lists().of(hop(Kind.TRUSTED)).ofSizeBetween(0, 4), (left, client, right) -> {
          List<Hop> chain = new ArrayList<>(left);
          chain.add(client);
          chain.addAll(right);
          return chain;
        });
  }

  /** Any chain of 0-6 hops. */
  public static Gen<List<Hop>> anyChain() {
    return lists().of(anyHop()).ofSizeBetween(0, 6);
  }

  /** What a client may put in front of the header: hops, garbage, quotes, separators. */
  public static Gen<String> attackerPrefix() {
    Gen<String> hops = lists().of(anyHop()).ofSizeBetween(1, 3).zip(booleans(),
        (list, forwarded) -> join(list, forwarded));
    Gen<Character> c = pick(chars("0123456789abcdef.:[]\"\\,;= _%forFOR-x\t"));
    Gen<String> garbage = intArrays(range(0, 30), c.map(ch -> (int) ch)).map(a -> {
      StringBuilder sb = new StringBuilder();
      for (int ch : a) {
        sb.append((char) ch);
      }
      return sb.toString();
    });
    return oneOf(hops, garbage, hops.zip(garbage, (h, g) -> g + h));
  }

  /** The header value for a chain, in X-Forwarded-For or Forwarded syntax. */
  public static String join(List<Hop> chain, boolean forwarded) {
    List<String> parts = new ArrayList<>();
    for (Hop hop : chain) {
      parts.add(forwarded ? hop.forwarded() : hop.xff());
    }
    return String.join(", ", parts);
  }

  private static Hop render(String address, int port, boolean withPort) {
    boolean v6 = address.contains(":");
    Kind kind = address.startsWith("10.") || address.startsWith("2001:db8:aa:") || address.startsWith("::ffff:10.")
        ? Kind.TRUSTED : Kind.UNTRUSTED;
    String node = v6 ? "[" + address + "]" : address;
    String xff = withPort ? node + ":" + port : (v6 && port % 2 == 0 ? node : address);
    String forNode = withPort ? node + ":" + port : node;
    String forValue = v6 || withPort ? "\"" + forNode + "\"" : forNode;
    String forwarded = switch (port % 4) {
      case 0 -> "for=" + forValue;
      case 1 -> "proto=https;For=" + forValue;
      case 2 -> "for=" + forValue + ";by=\"_edge, \\\"b\\\"\";host=example.com";
      default -> " FOR=" + forValue + " ; proto=http ";
    };
    return new Hop(kind, address, xff, forwarded);
  }

  private static List<Character> chars(String s) {
    List<Character> out = new ArrayList<>();
    for (char ch : s.toCharArray()) {
      out.add(ch);
    }
    return out;
  }
}
