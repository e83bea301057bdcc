package io.geoscope.geoip;

/**
 * How a location database's records name the country. {@link #AUTO} (the default) reads whichever
 * shape each record has; the others force one shape, for databases whose records carry both.
 */
public enum Schema {
  /** Decide per record: {@code country.iso_code} if present, else a flat {@code country_code}. */
  AUTO,
  /**
   * GeoIP2/GeoLite2 Country, City and Enterprise, and DB-IP lite: {@code country.iso_code} and the
   * ISO 3166-2 {@code subdivisions[].iso_code}. {@code registered_country} and {@code
   * represented_country} are never used.
   */
  GEOIP2,
  /** Flat records such as ip-location-db's: {@code {"country_code": "US"}}. */
  FLAT_COUNTRY_CODE
}
