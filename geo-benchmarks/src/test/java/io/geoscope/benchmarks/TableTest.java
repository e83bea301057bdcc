package io.geoscope.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableTest {

  @TempDir Path dir;

  /** One result as JMH 1.37 writes it with -prof gc (trimmed to the fields Table reads). */
  private static String result(String method, String db, double ns, double bytes) {
    return "{\"benchmark\":\"io.geoscope.benchmarks.ResolveBenchmark."
        + method
        + "\","
        + "\"mode\":\"avgt\",\"threads\":1,"
        + "\"params\":{\"db\":\""
        + db
        + "\",\"distribution\":\"uniform\"},"
        + "\"primaryMetric\":{\"score\":"
        + ns
        + ",\"scoreError\":1.5,\"scoreUnit\":\"ns/op\"},"
        + "\"secondaryMetrics\":{\"gc.alloc.rate\":{\"score\":3.0,\"scoreUnit\":\"MB/sec\"},"
        + "\"gc.alloc.rate.norm\":{\"score\":"
        + bytes
        + ",\"scoreUnit\":\"B/op\"}}}";
  }

  @Test
  void ratiosCompareOursWithEachBaselineOnTheSameDatabaseOnly() throws Exception {
    Path json = dir.resolve("jmh.json");
    Files.writeString(
        json,
        "["
            + String.join(
                ",",
                result("geoscopeFromString", "real", 20, 0.001),
                result("geoip2DatabaseReaderChmCacheFromString", "real", 1500, 900),
                result("maxmindReaderChmCacheFromString", "real", 80, 300),
                result("geoscopeFromString", "synthetic", 40, 0.001),
                result("geoip2DatabaseReaderChmCacheFromString", "synthetic", 1000, 900))
            + "]");
    List<Table.Row> rows = Table.read(json);
    assertThat(rows).hasSize(5);
    assertThat(rows.get(1).bytesPerOp()).isEqualTo(900);

    String printed = print(rows);
    assertThat(printed)
        .contains("| geoscopeFromString | 20.0 | 0.001 | 40.0 | 0.001 |")
        .contains("| geoip2DatabaseReaderChmCacheFromString | 1,500 | 900 | 1,000 | 900 |")
        .contains("| maxmindReaderChmCacheFromString | 80.0 | 300 |  |  |")
        .contains(
            "| geoscopeFromString vs geoip2DatabaseReaderChmCacheFromString | 75.0x | 25.0x |")
        .contains("| geoscopeFromString vs maxmindReaderChmCacheFromString | 4.0x |  |")
        .doesNotContain("vs maxmindReaderFromString")
        .contains("tryCountry + CHMCache (db=real distribution=uniform) | 75.0 | yes |")
        .contains("tryCountry + CHMCache (db=synthetic distribution=uniform) | 25.0 | **no** |")
        .contains("Reader.get + CHMCache (db=real distribution=uniform) | 4.0 | **no** |")
        .contains("allocates 0 B/op (db=real distribution=uniform) | 0.001 | yes |");
  }

  private static String result(String cls, String method, String params, double ns, double bytes) {
    return result(method, "x", ns, bytes)
        .replace("ResolveBenchmark." + method, cls + "." + method)
        .replace("{\"db\":\"x\",\"distribution\":\"uniform\"}", params);
  }

  @Test
  void hotPathTargetsAreMarkedMetOrMissedFromTheSameRun() throws Exception {
    String synthetic = "{\"db\":\"synthetic\"}";
    String uniform = "{\"db\":\"synthetic\",\"distribution\":\"uniform\"}";
    Path json = dir.resolve("jmh.json");
    Files.writeString(
        json,
        "["
            + String.join(
                ",",
                result("ResolveBenchmark", "geoscopeFromString", uniform, 30, 0),
                result("ResolveBenchmark", "geoscopeFromBytes", uniform, 20, 0),
                result("ResolveBenchmark", "geoscopeIpv6FromString", uniform, 120, 0),
                result("JoinPathBenchmark", "resolveOnly", synthetic, 40, 0),
                result("JoinPathBenchmark", "wiredAdmit", synthetic, 50, 0),
                result("JoinPathBenchmark", "wiredLimited", synthetic, 80, 72),
                result("JoinPathBenchmark", "wiredDeny", synthetic, 250, 0),
                result("VirtualThreadBenchmark", "ipv6FromString", synthetic, 70, 0),
                result("CompileBenchmark", "buildResolver", "{\"db\":\"city28\"}", 1.6e9, 0))
            + "]");
    String printed = print(Table.read(json));
    assertThat(printed)
        .contains("| IPv4 text -> jurisdiction <= 1.7x the byte lookup (db=synthetic distribution=uniform) | 1.5 | yes |")
        .contains("| IPv6 text -> jurisdiction <= 90 ns (db=synthetic distribution=uniform) | 120 | **no** |")
        .contains("| wired join path, admit, <= 1.5x resolve alone (db=synthetic) | 1.3 | yes |")
        .contains("| wired join path, limited, <= 1.5x resolve alone (db=synthetic) | 2.0 | **no** |")
        .contains("| wired join path, limited, allocates 0 B/op (db=synthetic) | 72.0 | **no** |")
        .contains("| wired join path, deny, <= 300 ns (db=synthetic) | 250 | yes |")
        .contains("| ipv6FromString on virtual threads allocates 0 B/op (db=synthetic) | 0.000 | yes |")
        .contains("| compile of the 28 MB GeoLite2-City-shaped IPv4 file (MmdbWriter) <= 1.5 s | 1.6 | **no** |");
  }

  private static String print(List<Table.Row> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Table.print(rows, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
