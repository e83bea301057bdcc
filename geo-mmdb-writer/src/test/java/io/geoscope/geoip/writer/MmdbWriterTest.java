package io.geoscope.geoip.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.maxmind.db.Metadata;
import com.maxmind.db.Reader;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link MmdbWriter} writes is what MaxMind's reader reads back. */
class MmdbWriterTest {

  @ParameterizedTest(name = "record size {0}")
  @ValueSource(ints = {24, 28, 32})
  void everyDataTypeAndSizeClassRoundTripsThroughMaxMindsReader(int recordSize) throws Exception {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("string", "ünïcødé ☯");
    record.put("long_string_29", "x".repeat(200));
    record.put("long_string_285", "y".repeat(5_000));
    record.put("long_string_65821", "z".repeat(70_000));
    record.put("true", true);
    record.put("false", false);
    record.put("uint32", 4_000_000);
    record.put("zero", 0);
    record.put("int32", -268_435_456);
    record.put("uint64", Long.MAX_VALUE);
    record.put("uint128", BigInteger.ONE.shiftLeft(127).add(BigInteger.TEN));
    record.put("double", 42.123456);
    record.put("float", 1.5f);
    record.put("bytes", new byte[] {0, 1, (byte) 0xFF});
    record.put("array", List.of(1, 2, 3));
    record.put("map", Map.of("nested", Map.of("deeper", List.of("a", "b"))));
    byte[] db =
        MmdbWriter.ipv6("Writer-Test")
            .recordSize(recordSize)
            .buildEpoch(Instant.ofEpochSecond(1_700_000_000L))
            .languages(List.of("en", "de"))
            .description("en", "test database")
            .insert("1.2.3.0/24", record)
            .insert("2001:db8:1::/48", Map.of("v6", true))
            .toByteArray();
    try (Reader reader = new Reader(new ByteArrayInputStream(db))) {
      @SuppressWarnings("unchecked")
      Map<String, Object> back = reader.get(InetAddress.getByName("1.2.3.4"), Map.class);
      assertThat(back.keySet()).containsExactlyInAnyOrderElementsOf(record.keySet());
      assertThat(back.get("string")).isEqualTo("ünïcødé ☯");
      assertThat(back.get("long_string_65821")).isEqualTo("z".repeat(70_000));
      assertThat(back.get("long_string_285")).isEqualTo("y".repeat(5_000));
      assertThat(back.get("true")).isEqualTo(true);
      assertThat(back.get("false")).isEqualTo(false);
      assertThat(((Number) back.get("uint32")).longValue()).isEqualTo(4_000_000L);
      assertThat(((Number) back.get("zero")).longValue()).isZero();
      assertThat(back.get("int32")).isEqualTo(-268_435_456);
      assertThat(new BigInteger(back.get("uint64").toString()))
          .isEqualTo(BigInteger.valueOf(Long.MAX_VALUE));
      assertThat(back.get("uint128")).isEqualTo(BigInteger.ONE.shiftLeft(127).add(BigInteger.TEN));
      assertThat(back.get("double")).isEqualTo(42.123456);
      assertThat(back.get("float")).isEqualTo(1.5f);
      assertThat((byte[]) back.get("bytes")).containsExactly(0, 1, (byte) 0xFF);
      assertThat(back.get("map").toString()).isEqualTo("{nested={deeper=[a, b]}}");
      @SuppressWarnings("unchecked")
      Map<String, Object> v6 = reader.get(InetAddress.getByName("2001:db8:1::5"), Map.class);
      assertThat(v6).containsEntry("v6", true);
      Metadata m = reader.getMetadata();
      assertThat(m.recordSize()).isEqualTo(recordSize);
      assertThat(m.ipVersion()).isEqualTo(6);
      assertThat(m.databaseType()).isEqualTo("Writer-Test");
      assertThat(m.buildEpoch()).isEqualTo(BigInteger.valueOf(1_700_000_000L));
      assertThat(m.languages()).containsExactly("en", "de");
      assertThat(m.description()).containsEntry("en", "test database");
      assertThat(m.binaryFormatMajorVersion()).isEqualTo(2);
    }
  }

  @Test
  void ipv4MappedAnd6to4AliasTheIpv4SubtreeForMaxMindsReader() throws Exception {
    byte[] db =
        MmdbWriter.ipv6("Alias-Test")
            .insert("81.2.69.0/24", MmdbWriter.geoip2Country("GB"))
            .toByteArray();
    try (Reader reader = new Reader(new ByteArrayInputStream(db))) {
      for (String alias : List.of("::ffff:5102:4501", "2002:5102:4501::1", "81.2.69.1")) {
        assertThat(reader.get(InetAddress.getByName(alias), Map.class))
            .as(alias)
            .isEqualTo(MmdbWriter.geoip2Country("GB"));
      }
    }
  }

  @Test
  void laterInsertOverridesTheOverlappedPartOnly() throws Exception {
    byte[] db =
        MmdbWriter.ipv4("Override-Test")
            .insert("10.0.0.0/8", MmdbWriter.flatCountry("US"))
            .insert("10.1.0.0/16", MmdbWriter.flatCountry("DE"))
            .toByteArray();
    try (Reader reader = new Reader(new ByteArrayInputStream(db))) {
      assertThat(reader.get(InetAddress.getByName("10.1.2.3"), Map.class))
          .isEqualTo(MmdbWriter.flatCountry("DE"));
      assertThat(reader.get(InetAddress.getByName("10.2.2.3"), Map.class))
          .isEqualTo(MmdbWriter.flatCountry("US"));
      assertThat(reader.getMetadata().ipVersion()).isEqualTo(4);
    }
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(() -> MmdbWriter.ipv4("x").insert("2001:db8::/32", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MmdbWriter.ipv4("x").insert("1.2.3.0/33", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MmdbWriter.ipv4("x").recordSize(20))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                MmdbWriter.ipv4("x").insert("1.2.3.0/24", Map.of("k", new Object())).toByteArray())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
