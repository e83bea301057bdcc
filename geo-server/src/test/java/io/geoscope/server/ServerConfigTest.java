package io.geoscope.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
  @TempDir Path dir;

  private Path file(String text) throws Exception {
    return Files.writeString(dir.resolve("geo-server.properties"), text);
  }

  @Test
  void aFileWithEveryKeyLoadsWithPathsRelativeToIt() throws Exception {
    ServerConfig c = ServerConfig.load(file("bind=127.0.0.1\nport=9000\npolicy=p.yaml\ndatabase=db/c.mmdb\n"
        + "reload-interval-seconds=5\nrequest-timeout-millis=700\nthreads=8\ndocumentation-ranges-resolve=true\n"));
    assertThat(c.port()).isEqualTo(9000);
    assertThat(c.policy()).isEqualTo(dir.toAbsolutePath().resolve("p.yaml"));
    assertThat(c.database()).isEqualTo(dir.toAbsolutePath().resolve("db/c.mmdb"));
    assertThat(c.reloadInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.requestTimeout()).isEqualTo(Duration.ofMillis(700));
    assertThat(c.threads()).isEqualTo(8);
    assertThat(c.documentationRangesResolve()).isTrue();
  }

  @Test
  void defaultsAreLoopbackAndPort8470() throws Exception {
    ServerConfig c = ServerConfig.load(file("policy=p.yaml\ndatabase=c.mmdb\n"));
    assertThat(c.bind()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isEqualTo(8470);
    assertThat(c.documentationRangesResolve()).isFalse();
  }

  @Test
  void badFilesAreRefusedNamingTheKey() throws Exception {
    assertThatThrownBy(() -> ServerConfig.load(file("database=c.mmdb\n"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("'policy' is required");
    assertThatThrownBy(() -> ServerConfig.load(file("policy=p\ndatabase=d\nprot=1\n")))
        .hasMessageContaining("unknown key(s) [prot]");
    assertThatThrownBy(() -> ServerConfig.load(file("policy=p\ndatabase=d\nport=eighty\n")))
        .hasMessageContaining("'port' must be a whole number");
    assertThatThrownBy(() -> ServerConfig.load(file("policy=p\ndatabase=d\nport=70000\n")))
        .hasMessageContaining("port must be 0..65535");
    assertThatThrownBy(() -> ServerConfig.load(file("policy=p\ndatabase=d\nthreads=1\n")))
        .hasMessageContaining("threads");
    assertThatThrownBy(() -> ServerConfig.load(file("policy=p\ndatabase=d\nreload-interval-seconds=-1\n")))
        .hasMessageContaining("reloadInterval");
    assertThatThrownBy(() -> ServerConfig.load(file("policy=p\ndatabase=d\nrequest-timeout-millis=0\n")))
        .hasMessageContaining("requestTimeout");
    assertThatThrownBy(() -> ServerConfig.load(file("policy=p\ndatabase=d\ndocumentation-ranges-resolve=yes\n")))
        .hasMessageContaining("true or false");
  }

  @Test
  void aServerRefusesABadPolicyOrDatabaseAtStart() throws Exception {
    ServerConfig good = TestFiles.config(dir);
    Path badPolicy = Files.writeString(dir.resolve("bad.yaml"), "geoscope: 1\nrules:\n  - id: x\n");
    assertThatThrownBy(() -> GeoServer.start(ServerConfig.of(badPolicy, good.database())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("policy");
    Path badDb = Files.write(dir.resolve("bad.mmdb"), new byte[] {0, 1, 2});
    assertThatThrownBy(() -> GeoServer.start(ServerConfig.of(good.policy(), badDb)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("database");
  }

  @Test
  void theEmbeddedDemoServesDocumentationAddresses() throws Exception {
    ServerConfig demo = Demo.config(dir).withPort(0);
    assertThat(demo.documentationRangesResolve()).isTrue();
    try (GeoServer s = GeoServer.start(demo.withReloadInterval(Duration.ofMillis(50)))) {
      DecisionService.Answer a = s.service().decide(
          "{\"participant\":{\"id\":\"p\",\"address\":\"198.51.100.7\"},\"meeting\":{\"tags\":[\"june-fourth\"]}}"
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(a.decision().admitted()).isFalse();
      assertThat(a.decision().jurisdiction().code()).isEqualTo("CN-BJ");
      assertThat(s.uri().toString()).startsWith("http://127.0.0.1:");
      assertThat(s.registry().scrape()).contains("geoscope_decisions_total");
    }
  }

  @Test
  void theCommandLineStartsFromAFileAndRefusesExtraArguments() throws Exception {
    ServerConfig c = TestFiles.config(dir);
    Path props = file("port=0\npolicy=policy.yaml\ndatabase=city.mmdb\nreload-interval-seconds=0\n");
    try (GeoServer s = GeoServer.launch(new String[] {props.toString()})) {
      assertThat(s.port()).isPositive();
      assertThat(s.service().decide("{\"participant\":{\"id\":\"p\",\"address\":\"14.0.0.9\"}}"
          .getBytes(java.nio.charset.StandardCharsets.UTF_8)).decision().disabledFeatures()).isNotEmpty();
    }
    assertThat(c.port()).isZero();
    assertThatThrownBy(() -> GeoServer.launch(new String[] {"a", "b"})).hasMessageContaining("usage");
  }

  @Test
  void onlyAChangedFileIsReloadedOnSchedule() throws Exception {
    ServerConfig c = TestFiles.config(dir).withReloadInterval(Duration.ZERO);
    try (GeoServer s = GeoServer.start(c)) {
      s.reloadChanged();
      assertThat(s.service().decide("{\"participant\":{\"id\":\"p\"}}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
          .json()).asString(java.nio.charset.StandardCharsets.UTF_8).contains("\"policy\":\"test-1\"");
      Files.writeString(c.policy(), TestFiles.policy("test-9"));
      Files.setLastModifiedTime(c.policy(), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
      TestFiles.database(c.database(), true, java.time.Instant.parse("2026-11-05T00:00:00Z"));
      Files.setLastModifiedTime(c.database(), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
      s.reloadChanged();
      DecisionService.Answer a = s.service().decide(("{\"participant\":{\"id\":\"p\",\"address\":\""
          + TestFiles.US + "\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(a.decision().jurisdiction().code()).isEqualTo("HK");
      assertThat(a.json()).asString(java.nio.charset.StandardCharsets.UTF_8).contains("\"policy\":\"test-9\"");
      Files.delete(c.policy());
      s.reloadChanged();
      assertThat(s.registry().get("geoscope.server.reload.failures").counter().count()).isEqualTo(1.0);
    }
  }
}
