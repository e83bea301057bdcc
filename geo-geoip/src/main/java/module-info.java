/**
 * Resolves IP addresses to jurisdictions from MaxMind DB files. MaxMind's reader is shaded and
 * relocated into this module's jar (io.geoscope.geoip.shaded.maxmind.db, not exported), so the
 * requirement below is for compiling only and no MaxMind type is part of the API.
 */
module io.geoscope.geoip {
  requires transitive io.geoscope.core;
  requires static com.maxmind.db;
  requires static transitive org.jspecify;

  exports io.geoscope.geoip;
}
