package io.geoscope.geoip;

import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.util.List;

/**
 * The tests' own copy of the IANA special-purpose blocks that must never resolve to a country,
 * written from the registries (RFC 6890, 5737, 3849, 9637), not from the implementation.
 */
final class SpecialBlocks {

  private static final List<String> V4 =
      List.of(
          "0.0.0.0/8",
          "10.0.0.0/8",
          "100.64.0.0/10",
          "127.0.0.0/8",
          "169.254.0.0/16",
          "172.16.0.0/12",
          "192.0.0.0/24",
          "192.0.2.0/24",
          "192.168.0.0/16",
          "198.18.0.0/15",
          "198.51.100.0/24",
          "203.0.113.0/24",
          "224.0.0.0/3");

  private static final List<String> V6 =
      List.of(
          "::/127",
          "64:ff9b:1::/48",
          "100::/64",
          "2001:2::/48",
          "2001:10::/28",
          "2001:20::/28",
          "2001:db8::/32",
          "3fff::/20",
          "fc00::/7",
          "fe80::/10",
          "fec0::/10",
          "ff00::/8");

  private static final int[] BASE4 = new int[V4.size()];
  private static final int[] MASK4 = new int[V4.size()];
  private static final BigInteger[] BASE6 = new BigInteger[V6.size()];
  private static final int[] LEN6 = new int[V6.size()];

  static {
    for (int i = 0; i < V4.size(); i++) {
      String[] p = V4.get(i).split("/");
      int len = Integer.parseInt(p[1]);
      MASK4[i] = len == 0 ? 0 : -1 << (32 - len);
      BASE4[i] = InetAddresses.coerceToInteger(InetAddresses.forString(p[0])) & MASK4[i];
    }
    for (int i = 0; i < V6.size(); i++) {
      String[] p = V6.get(i).split("/");
      LEN6[i] = Integer.parseInt(p[1]);
      BASE6[i] =
          new BigInteger(1, InetAddresses.forString(p[0]).getAddress()).shiftRight(128 - LEN6[i]);
    }
  }

  private SpecialBlocks() {}

  static boolean v4(int address) {
    for (int i = 0; i < BASE4.length; i++) {
      if ((address & MASK4[i]) == BASE4[i]) {
        return true;
      }
    }
    return false;
  }

  static boolean v6(byte[] address) {
    BigInteger a = new BigInteger(1, address);
    for (int i = 0; i < BASE6.length; i++) {
      if (a.shiftRight(128 - LEN6[i]).equals(BASE6[i])) {
        return true;
      }
    }
    return false;
  }
}
