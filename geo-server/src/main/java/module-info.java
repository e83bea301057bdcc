/**
 * The join-hook HTTP service (Jetty 12). It is an application: it exports its package so that
 * {@code GeoscopeServer} can be embedded and tested, and needs Micrometer (automatic names
 * {@code micrometer.core}, {@code micrometer.registry.prometheus}) on the module path.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.geoscope.server {
  requires transitive io.geoscope.core;
  requires transitive io.geoscope.policy;
  requires transitive io.geoscope.geoip;
  requires io.geoscope.geoip.writer;
  requires io.geoscope.micrometer;
  requires org.eclipse.jetty.server;
  requires org.eclipse.jetty.http;
  requires org.eclipse.jetty.io;
  requires org.eclipse.jetty.util;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires micrometer.core;
  requires transitive micrometer.registry.prometheus;
  requires static org.jspecify;

  exports io.geoscope.server;
}
