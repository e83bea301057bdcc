package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.geoscope.geoip.DatabaseException;
import io.geoscope.geoip.DatabaseException.Reason;
import io.geoscope.geoip.writer.MmdbWriter;
import io.geoscope.geoip.writer.RawMmdb;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bounded decoder reads every type of the specification and refuses what it forbids. */
class DataSectionTest {

  private static DataSection section(byte[] data) {
    return new DataSection(data, 0, data.length, "data section",
        new Budget("t.mmdb", data.length, 4, 1_000_000_000L), 512);
  }

  private static Object decode(byte[] data, Shape shape) throws DatabaseException {
    DataSection s = section(data);
    s.check(0);
    return s.decode(0, shape);
  }

  /** A one-record file written by MmdbWriter, an independent encoder. */
  private static byte[] written(Map<String, ?> record) {
    return MmdbWriter.ipv4("T").insert("1.0.0.0/8", record).toByteArray();
  }

  @Test
  void everyScalarTypeDecodesToItsJavaValue() throws Exception {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("s", "text");
    record.put("d", 1.5d);
    record.put("f", 2.5f);
    record.put("u16", 7);
    record.put("u32", 70_000);
    record.put("i32", -5);
    record.put("u64", 1L << 40);
    record.put("u128", BigInteger.ONE.shiftLeft(100));
    record.put("b", new byte[] {1, 2});
    record.put("t", true);
    record.put("l", List.of("x", "y"));
    Map<String, Shape> fields = new LinkedHashMap<>();
    for (String k : record.keySet()) {
      fields.put(k, Shape.SCALAR);
    }
    fields.put("l", Shape.arrayOf(Shape.SCALAR));
    byte[] file = written(record);
    // Where the writer put its data section is its business: try every start before the marker.
    int marker = indexOfMarker(file);
    for (int start = 0; start < marker; start++) {
      try {
        DataSection s = new DataSection(file, start, marker - start, "data section",
            new Budget("t.mmdb", file.length, 4, 1_000_000_000L), 512);
        s.check(0);
        Object v = s.decode(0, Shape.map(fields));
        if (v instanceof Map<?, ?> m && "text".equals(m.get("s"))) {
          assertThat(m.get("d")).isEqualTo(1.5d);
          assertThat(m.get("f")).isEqualTo(2.5f);
          assertThat(m.get("u16")).isEqualTo(7L);
          assertThat(m.get("u32")).isEqualTo(70_000L);
          assertThat(m.get("i32")).isEqualTo(-5L);
          assertThat(m.get("u64")).isEqualTo(BigInteger.ONE.shiftLeft(40));
          assertThat(m.get("u128")).isEqualTo(BigInteger.ONE.shiftLeft(100));
          assertThat((byte[]) m.get("b")).containsExactly(1, 2);
          assertThat(m.get("t")).isEqualTo(true);
          assertThat(m.get("l")).isEqualTo(List.of("x", "y"));
          return;
        }
      } catch (DatabaseException e) {
        // not the record's start
      }
    }
    throw new AssertionError("record not found");
  }

  private static int indexOfMarker(byte[] file) {
    for (int i = file.length - 14; i >= 0; i--) {
      if ((file[i] & 0xFF) == 0xAB && (file[i + 1] & 0xFF) == 0xCD && (file[i + 2] & 0xFF) == 0xEF
          && file[i + 3] == 'M') {
        return i;
      }
    }
    return -1;
  }

  @Test
  void sharedValuesAreDecodedOnceAndAreTheSameObject() throws Exception {
    RawMmdb raw = new RawMmdb();
    int list = raw.array(0);
    int top = raw.array(2);
    raw.pointer(list);
    raw.pointer(list);
    byte[] all = raw.toByteArray(List.of(0));
    int marker = indexOfMarker(all);
    int dataStart = (int) (RawMmdb.nodeCount(1) * 8 + 16);
    DataSection s = new DataSection(all, dataStart, marker - dataStart, "data section",
        new Budget("t.mmdb", all.length, 4, 1_000_000_000L), 512);
    s.check(top);
    List<?> decoded = (List<?>) s.decode(top, Shape.arrayOf(Shape.arrayOf(Shape.SCALAR)));
    assertThat(decoded.get(0)).isSameAs(decoded.get(1));
  }

  @Test
  void forbiddenShapesAreCorrupt() {
    byte[][] corrupt = {
      {0x02, 0x07},                   // boolean of size 2
      {0x65, 1, 2, 3, 4, 5},          // double (type 3) of size 5
      {(byte) 0xC5, 1, 2, 3, 4, 5},   // uint32 of size 5
      {0x00, 0x05},                   // extended type 12: data cache container
      {0x00, 0x06},                   // extended type 13: end marker
      {0x00, 0x00},                   // extended type 7: not extended
      {0x38, 0, 0, 1, 0},             // pointer (size 3) past the end
      {0x5E, 1, 2},                   // string of 30 bytes, 2 there
      {(byte) 0xE1, 0x20, 0x00},      // map whose key points at itself (a map)
    };
    for (int i = 0; i < corrupt.length; i++) {
      byte[] data = corrupt[i];
      DatabaseException e = catchThrowableOfType(DatabaseException.class,
          () -> decode(data, Shape.SCALAR));
      assertThat(e).as("case %d", i).isNotNull();
      assertThat(e.reason()).as("case %d", i).isEqualTo(Reason.CORRUPT);
    }
  }

  @Test
  void theBudgetAndTheClockEndADecode() {
    RawMmdb raw = new RawMmdb();
    raw.array(3);
    raw.string("a");
    raw.string("b");
    raw.string("c");
    byte[] bytes = raw.toByteArray(List.of(0));
    DataSection tiny = new DataSection(bytes, (int) (RawMmdb.nodeCount(1) * 8 + 16), 8,
        "data section", new Budget("t.mmdb", -65_534, 1, 1_000_000_000L), 512);
    assertThat(catchThrowableOfType(DatabaseException.class, () -> tiny.check(0)).getMessage())
        .contains("limit decodeBudgetPerByte=1 exceeded");
    Budget late = new Budget("t.mmdb", 1, 1, 0);
    assertThat(catchThrowableOfType(DatabaseException.class, late::checkClock).reason())
        .isEqualTo(Reason.RESOURCE_LIMIT);
  }
}
