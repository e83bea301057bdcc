/** The geoscope command line. Exports nothing; picocli reads the commands reflectively. */
module io.geoscope.cli {
  requires io.geoscope.policy;
  requires io.geoscope.geoip;
  requires io.geoscope.geoip.writer;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;
  requires static transitive org.jspecify;

  opens io.geoscope.cli to info.picocli;
}
