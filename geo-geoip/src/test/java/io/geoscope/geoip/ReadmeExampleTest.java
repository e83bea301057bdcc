package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import io.geoscope.core.Evidence;
import io.geoscope.geoip.writer.MmdbWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Resolving locations" example, on a database written with {@link MmdbWriter}. */
class ReadmeExampleTest {

  @TempDir Path dir;

  @Test
  void readmeExampleWorksAsShown() throws Exception {
    Path file = dir.resolve("GeoLite2-City.mmdb");
    MmdbWriter.ipv6("GeoLite2-City")
        .insert("81.2.69.0/24", MmdbWriter.geoip2City("GB", "ENG"))
        .write(file);

    // README begins
    GeoResolver resolver = GeoResolver.builder().database(file).build();
    Evidence where = resolver.resolve("81.2.69.160");
    // where.jurisdiction() is GB-ENG, where.detail() is "subdivisions[0]",
    // where.producer() is "GeoLite2-City build 2026-...Z"
    // README ends

    assertThat(where.jurisdiction().code()).isEqualTo("GB-ENG");
    assertThat(where.detail()).isEqualTo("subdivisions[0]");
    assertThat(where.producer()).startsWith("GeoLite2-City build 20");
  }
}
