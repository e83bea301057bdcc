package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.geoscope.geoip.writer.RawMmdb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A structure-aware fuzzer for the database compiler: the fuzzer's bytes are a program that
 * writes a well-formed-looking MaxMind DB through {@link RawMmdb} (pointer DAGs and cycles, wide
 * and deep nesting, shared subtrees, lying lengths, odd metadata), so the mutations explore
 * pointer graphs rather than random bytes, which almost never form one. Every file must be
 * accepted or refused with a {@link DatabaseException} within a time bound, without any other
 * throwable (an OutOfMemoryError or StackOverflowError is a finding), and a refusal message never
 * holds an address. The committed corpus in {@code HostileDatabaseFuzzTestInputs/} replays in
 * every build.
 */
class HostileDatabaseFuzzTest {

  private static final Path FILE = temporaryFile();

  /**
   * Runs so far in this JVM. The first runs load and instrument (under Jazzer) every class a
   * compile touches, which took 14 s once on a loaded machine; the time bound applies after them.
   */
  private static int runs;

  @FuzzTest(maxDuration = "60s")
  void anyPointerGraphIsAcceptedOrRefusedTypedWithinItsBound(FuzzedDataProvider data)
      throws Exception {
    byte[] db = program(data);
    try {
      Files.write(FILE, db);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long t0 = System.nanoTime();
    try {
      GeoResolver r = GeoResolver.builder().database(FILE).build();
      assertThat(r.resolve("1.2.3.4")).isNotNull();
      assertThat(r.resolve("200.2.3.4")).isNotNull();
      assertThat(r.databaseType()).hasSizeLessThanOrEqualTo(128)
          .doesNotContainPattern("\\d+\\.\\d+\\.\\d+\\.\\d+");
    } catch (DatabaseException e) {
      assertThat(e.getMessage()).doesNotContain("\n")
          .doesNotContainPattern("\\d+\\.\\d+\\.\\d+\\.\\d+");
    }
    // Generous under instrumentation; uninstrumented every such file takes milliseconds.
    if (++runs > 10) {
      assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
    }
  }

  /** Interprets the fuzzer's bytes as instructions for {@link RawMmdb}. */
  static byte[] program(FuzzedDataProvider data) {
    RawMmdb raw = new RawMmdb();
    List<Integer> values = new ArrayList<>();
    values.add(raw.string("leaf"));
    int steps = data.consumeInt(1, 64);
    for (int s = 0; s < steps && data.remainingBytes() > 0; s++) {
      int kind = data.consumeInt(0, 9);
      int at;
      switch (kind) {
        case 0:
          at = raw.string(data.consumeString(16));
          break;
        case 1:
          at = raw.uint32(data.consumeLong());
          break;
        case 2: {
          // An array of pointers to earlier (or, for cycles, any) values: a DAG level.
          int width = data.consumeInt(0, 40);
          at = raw.array(width);
          for (int i = 0; i < width; i++) {
            raw.pointer(pick(data, values, at));
          }
          break;
        }
        case 3: {
          int entries = data.consumeInt(0, 6);
          at = raw.map(entries);
          for (int i = 0; i < entries; i++) {
            raw.string(data.pickValue(new String[] {"country", "iso_code", "subdivisions",
                "names", "country_code", "is_anonymous", "provider_name", "x"}));
            if (data.consumeBoolean()) {
              raw.pointer(pick(data, values, at));
            } else {
              raw.string(data.pickValue(new String[] {"GB", "US", "1.2.3.4", "ENG", "zz"}));
            }
          }
          break;
        }
        case 4: {
          // Inline nesting.
          int depth = data.consumeInt(1, 3000);
          at = raw.offset();
          for (int i = 0; i < depth; i++) {
            raw.array(1);
          }
          raw.pointer(pick(data, values, at));
          break;
        }
        case 5:
          // A declared length that may lie.
          at = raw.control(data.pickValue(new Integer[] {RawMmdb.STRING, RawMmdb.BYTES,
              RawMmdb.MAP, RawMmdb.ARRAY, RawMmdb.UINT32}), data.consumeInt(0, 16_800_000));
          break;
        case 6:
          at = raw.raw(data.consumeBytes(8));
          break;
        case 7:
          at = raw.bool(data.consumeBoolean());
          break;
        case 8: {
          // A country record pointing at whatever came before.
          at = raw.map(2);
          raw.string("country");
          raw.map(1);
          raw.string("iso_code");
          raw.string("GB");
          raw.string("names");
          raw.pointer(pick(data, values, at));
          break;
        }
        default:
          at = raw.pointer(pick(data, values, raw.offset()));
      }
      values.add(at);
    }
    int records = data.consumeInt(1, 16);
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      offsets.add(data.consumeBoolean() ? pick(data, values, 0) : data.consumeInt(0, raw.offset()));
    }
    String type = data.consumeBoolean()
        ? data.pickValue(new String[] {"GeoIP2-City", "81.2.69.160", "A".repeat(70_000), "x\u0007"})
        : data.consumeString(40);
    raw.metadata();
    raw.standardMetadata(type, RawMmdb.nodeCount(records) + data.consumeInt(-1, 1));
    return raw.toByteArray(offsets);
  }

  private static int pick(FuzzedDataProvider data, List<Integer> values, int self) {
    int i = data.consumeInt(0, values.size());
    return i == values.size() ? self : values.get(i);
  }

  private static Path temporaryFile() {
    try {
      Path p = Files.createTempFile("hostile", ".mmdb");
      p.toFile().deleteOnExit();
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
