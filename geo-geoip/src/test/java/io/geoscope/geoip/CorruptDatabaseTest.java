package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every known-corrupt database is refused at open with a typed {@link DatabaseException}, quickly,
 * whatever MaxMind's reader would have thrown (or hung on).
 */
class CorruptDatabaseTest {

  static Stream<Path> corruptFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(SharedData.geoip("maxmind-bad-data"))) {
      walk.filter(p -> p.toString().endsWith(".mmdb")).sorted().forEach(files::add);
    }
    for (String broken :
        List.of(
            "GeoIP2-City-Test-Broken-Double-Format.mmdb",
            "GeoIP2-City-Test-Invalid-Node-Count.mmdb",
            "MaxMind-DB-test-broken-pointers-24.mmdb",
            "MaxMind-DB-test-broken-search-tree-24.mmdb")) {
      files.add(SharedData.testDb(broken));
    }
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corruptFiles")
  void corruptFileIsRefusedWithATypedErrorInBoundedTime(Path file) {
    DatabaseException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () ->
                catchThrowableOfType(
                    DatabaseException.class, () -> GeoResolver.builder().database(file).build()));
    assertThat(e).as("a DatabaseException for %s", file.getFileName()).isNotNull();
    assertThat(e.fileName()).isEqualTo(file.getFileName().toString());
    assertThat(e.reason())
        .isIn(
            DatabaseException.Reason.CORRUPT,
            DatabaseException.Reason.IMPLAUSIBLE_BUILD_EPOCH,
            DatabaseException.Reason.RESOURCE_LIMIT,
            DatabaseException.Reason.WRONG_SCHEMA);
    Throwable cause = e.getCause();
    assertThat(cause == null || !cause.getClass().getName().startsWith("com.maxmind."))
        .as("no MaxMind type escapes as the cause")
        .isTrue();
    System.out.println("[bad-data] " + file.getFileName() + " -> " + e.getMessage());
  }
}
