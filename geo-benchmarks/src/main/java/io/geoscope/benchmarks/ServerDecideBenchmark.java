package io.geoscope.benchmarks;

import io.geoscope.geoip.writer.MmdbWriter;
import io.geoscope.server.DecisionService;
import io.geoscope.server.GeoServer;
import io.geoscope.server.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * geo-server's decide handler without the network: the JSON request bytes in, the decision as
 * JSON bytes out ({@link DecisionService#decide(byte[])}: parse, validate, resolve the address,
 * decide, render). Three paths: a US host admitted, a participant in Russia admitted without chat,
 * a participant in mainland China refused in a june-fourth meeting. The database is written by
 * {@link MmdbWriter}; the policy is the server's three-rule test policy.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ServerDecideBenchmark {
  static final String POLICY = "geoscope: 1\nversion: bench\nrules:\n"
      + "  - id: cn-topic-restriction\n"
      + "    basis: { authority: Cyberspace Administration of China, home: CN, kind: statute,"
      + " citation: \"Cybersecurity Law of the PRC, art. 12\" }\n"
      + "    applies-in: [CN]\n    when: { tags-any: [june-fourth] }\n    effect: deny-join\n"
      + "  - id: ru-chat\n"
      + "    basis: { authority: Roskomnadzor, home: RU, kind: regulation, citation: \"Test rule 1\" }\n"
      + "    applies-in: [RU]\n    effect: { disable: [chat] }\n"
      + "  - id: de-consent\n"
      + "    basis: { authority: Bundestag, home: DE, kind: statute, citation: \"StGB 201\" }\n"
      + "    applies-in: [DE]\n    when: { features-any: [recording] }\n"
      + "    effect: { notice: recording-consent }\n";

  Path dir;
  GeoServer server;
  DecisionService service;
  byte[] admit;
  byte[] limited;
  byte[] deny;

  static byte[] request(String id, String address) {
    return ("{\"participant\":{\"id\":\"" + id + "\",\"role\":\"attendee\",\"address\":\"" + address
        + "\"},\"meeting\":{\"tags\":[\"june-fourth\"],\"features\":[\"recording\"]}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Writes the benchmark's database and policy into a directory; returns a loopback config. */
  public static ServerConfig files(Path dir) throws Exception {
    Path db = dir.resolve("city.mmdb");
    MmdbWriter.ipv6("GeoIP2-City")
        .insert("11.0.0.0/24", MmdbWriter.geoip2City("US", "NY"))
        .insert("12.0.0.0/24", MmdbWriter.geoip2City("HK"))
        .insert("13.0.0.0/24", MmdbWriter.geoip2City("CN", "BJ"))
        .insert("14.0.0.0/24", MmdbWriter.geoip2City("RU", "MOW"))
        .write(db);
    Path policy = Files.writeString(dir.resolve("policy.yaml"), POLICY);
    return ServerConfig.of(policy, db).withReloadInterval(Duration.ZERO);
  }

  @Setup(Level.Trial)
  public void setup() throws Exception {
    dir = Files.createTempDirectory("geoscope-bench");
    server = GeoServer.start(files(dir));
    service = server.service();
    admit = request("host-1", "11.0.0.7");
    limited = request("p-ru", "14.0.0.7");
    deny = request("p-cn", "13.0.0.7");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    server.close();
  }

  @Benchmark
  public byte[] admit() throws Exception {
    return service.decide(admit).json();
  }

  @Benchmark
  public byte[] admitWithoutChat() throws Exception {
    return service.decide(limited).json();
  }

  @Benchmark
  public byte[] deny() throws Exception {
    return service.decide(deny).json();
  }
}
