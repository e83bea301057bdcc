/**
 * Resolves IP addresses to jurisdictions from MaxMind DB files, decoded by the module's own bounded
 * decoder: it requires no MaxMind library, and no MaxMind type is part of the API.
 */
module io.geoscope.geoip {
  requires transitive io.geoscope.core;
  requires static transitive org.jspecify;

  exports io.geoscope.geoip;
}
