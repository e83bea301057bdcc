/**
 * Areas below subdivisions: postal codes and GeoJSON boundaries, validated and classified with
 * JTS (automatic name {@code org.locationtech.jts}, stable, from its manifest). Jackson reads the
 * GeoJSON and is not part of the API.
 */
@SuppressWarnings("requires-automatic")
module io.geoscope.areas {
  requires transitive io.geoscope.core;
  requires org.locationtech.jts;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires static transitive org.jspecify;

  exports io.geoscope.areas;
}
