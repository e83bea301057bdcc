package io.geoscope.geoip;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How finely a location database places an address: the country only, or also its first-level
 * subdivision. Reloading a database of coarser precision than the one in service is refused
 * unless forced, because every subdivision rule (a US-WA recording-consent notice, a CN-BJ rule)
 * would silently stop applying.
 *
 * <p>Judged from the database's {@code database_type}: City, Enterprise and ISP-with-city kinds
 * (GeoIP2-City, GeoLite2-City, GeoIP2-Enterprise, DBIP-City-Lite...) are {@link #SUBDIVISION};
 * everything else (GeoLite2-Country, DBIP-Country-Lite, flat country files) is {@link #COUNTRY}.
 */
public enum DatabasePrecision {
  /** Places an address in a country only. */
  COUNTRY,
  /** Places an address in a country and, where it knows, a subdivision. */
  SUBDIVISION;

  /** The precision of a database whose {@code database_type} is {@code databaseType}. */
  public static DatabasePrecision of(String databaseType) {
    String t = databaseType.toLowerCase(Locale.ROOT);
    return t.contains("city") || t.contains("enterprise") ? SUBDIVISION : COUNTRY;
  }

  /** Refuses {@code next} if coarser than {@code current}, unless forced. */
  static void check(String current, String next, Path path, boolean force)
      throws DatabaseException {
    if (!force && of(next).compareTo(of(current)) < 0) {
      Path name = path.getFileName();
      throw new DatabaseException(DatabaseException.Reason.COARSER_THAN_IN_SERVICE,
          name == null ? path.toString() : name.toString(),
          next + " places addresses by country only, the " + current
              + " in service also by subdivision; subdivision rules would stop applying"
              + " (reload with force to accept it)", null);
    }
  }
}
