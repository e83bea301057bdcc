/**
 * Policy files (YAML and JSON) with their areas (geo-areas, JTS), reports, diffs, live reload and renderers. Jackson is an
 * implementation detail: no Jackson type appears in the exported API.
 */
module io.geoscope.policy {
  requires transitive io.geoscope.core;
  requires transitive io.geoscope.areas;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;
  requires static transitive org.jspecify;

  exports io.geoscope.policy;
}
