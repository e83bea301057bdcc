package com.example.joinhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.maxmind.geoip2.DatabaseReader;
import io.geoscope.core.Evidence;
import io.geoscope.geoip.GeoResolver;
import io.geoscope.geoip.writer.MmdbWriter;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolverBesideGeoIp2Test {
  @Test
  void theGeoIp2OnTheClasspathIsTheLineUnderTest() throws Exception {
    Properties pom = new Properties();
    try (InputStream in = DatabaseReader.class.getResourceAsStream(
        "/META-INF/maven/com.maxmind.geoip2/geoip2/pom.properties")) {
      pom.load(in);
    }
    assertEquals(System.getProperty("expected.version"), pom.getProperty("version"));
  }

  @Test
  void geoscopeAndGeoIp2ReadTheSameDatabaseInOneJvm(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("GeoLite2-City.mmdb");
    MmdbWriter.ipv6("GeoLite2-City")
        .insert("81.2.69.0/24", MmdbWriter.geoip2City("GB", "ENG"))
        .write(file);

    GeoResolver resolver = GeoResolver.builder().database(file).build();
    Evidence where = resolver.resolve("81.2.69.160");
    assertEquals("GB-ENG", where.jurisdiction().code());

    try (DatabaseReader reader = new DatabaseReader.Builder(file.toFile()).build()) {
      assertNotNull(reader.city(InetAddress.getByName("81.2.69.160")));
    }
  }
}
