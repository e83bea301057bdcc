/** A small MaxMind DB writer for tests, demos and benchmarks. */
module io.geoscope.geoip.writer {
  requires com.google.common;
  requires static transitive org.jspecify;

  exports io.geoscope.geoip.writer;
}
