package io.geoscope.core;

/** A kind of anonymizer the participant's address belongs to, as a typed fact (GeoIP2 Anonymous-IP, GeoIP Anonymous Plus). */
public enum Anonymizer {
  /** Anonymous, of no more specific kind ({@code is_anonymous} alone). */
  ANONYMOUS("anonymous"),
  /** A VPN provider's address ({@code is_anonymous_vpn}). */
  VPN("vpn"),
  /** A hosting or cloud provider's address ({@code is_hosting_provider}). */
  HOSTING("hosting"),
  /** A public proxy ({@code is_public_proxy}). */
  PUBLIC_PROXY("public-proxy"),
  /** A residential proxy ({@code is_residential_proxy}). */
  RESIDENTIAL_PROXY("residential-proxy"),
  /** A Tor exit node ({@code is_tor_exit_node}). */
  TOR_EXIT("tor-exit");

  private final String code;

  Anonymizer(String code) {
    this.code = code;
  }

  /** The stable, lower-case, hyphenated name used in policy files, events and reports. */
  public String code() {
    return code;
  }

  /**
   * Returns the value with the given {@link #code()}.
   *
   * @throws IllegalArgumentException if no value has that code
   */
  public static Anonymizer fromCode(String code) {
    for (Anonymizer v : values()) {
      if (v.code.equals(code)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "unknown anonymizer '" + code + "' (anonymous, vpn, hosting, public-proxy, residential-proxy, tor-exit)");
  }
}
