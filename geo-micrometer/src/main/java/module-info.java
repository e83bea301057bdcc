/**
 * Counts Geoscope decisions in a Micrometer registry. Micrometer 1.x has no module descriptor;
 * its automatic name is {@code micrometer.core}, which the application provides.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.geoscope.micrometer {
  requires transitive io.geoscope.core;
  requires transitive micrometer.core;
  requires static transitive org.jspecify;

  exports io.geoscope.micrometer;
}
