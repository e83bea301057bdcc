package io.geoscope.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * No raw IP address, phone number or document number reaches the database: inputs shaped like one
 * are refused without being echoed, and a dump of every table (and the SQLite files, or pg_dump's
 * output) contains none of the values an attacker or a careless reviewer tried to store.
 */
class PrivacyTest {
  @TempDir Path dir;

  static final Pattern DUMPED_IPV4 = Pattern.compile("(?<![0-9.])[0-9]{1,3}(\\.[0-9]{1,3}){3}(?![0-9])");
  static final Pattern DUMPED_PHONE = Pattern.compile("\\+?[0-9]([ ().-]{0,2}[0-9]){6,}");

  static Gen<String> ipv4() {
    Gen<Integer> octet = SourceDSL.integers().between(0, 255);
    return octet.zip(octet, octet, octet, (a, b, c, d) -> a + "." + b + "." + c + "." + d);
  }

  static Gen<String> ipv6() {
    Gen<Integer> group = SourceDSL.integers().between(0, 0xffff);
    Gen<Integer> form = SourceDSL.integers().between(0, 2);
    return group.zip(group, group, form, (a, b, c, f) -> switch (f) {
      case 0 -> "2001:db8:" + Integer.toHexString(a) + ":" + Integer.toHexString(b) + "::"
          + Integer.toHexString(c);
      case 1 -> "fe80::" + Integer.toHexString(a) + ":" + Integer.toHexString(b);
      default -> Integer.toHexString(a) + ":" + Integer.toHexString(b) + ":" + Integer.toHexString(c)
          + ":0:0:0:0:1";
    });
  }

  static Gen<String> phone() {
    Gen<Long> subscriber = SourceDSL.longs().between(1_000_000L, 999_999_999_999L);
    Gen<Integer> style = SourceDSL.integers().between(0, 3);
    return subscriber.zip(style, (n, s) -> {
      String digits = Long.toString(n);
      return switch (s) {
        case 0 -> "+380" + digits;
        case 1 -> digits.replaceAll("(\\d{3})(?=\\d)", "$1 ");
        case 2 -> "(" + digits.substring(0, 3) + ") " + digits.substring(3);
        default -> digits.replaceAll("(\\d{2})(?=\\d)", "$1-");
      };
    });
  }

  static Gen<String> words() {
    return SourceDSL.strings().betweenCodePoints('a', 'z').ofLengthBetween(0, 12);
  }

  static Gen<String> personal() {
    return ipv4().mix(ipv6()).mix(phone());
  }

  @Test
  void anyReasonCarryingAnAddressOrANumberIsRefusedWithoutEchoingIt() {
    qt().withExamples(1000)
        .forAll(words(), personal(), words())
        .checkAssert((before, value, after) -> {
          String reason = before + " " + value + " " + after;
          Throwable t = catchThrowable(() -> new Review("rev-1", reason, Instant.EPOCH, "v1"));
          assertThat(t).isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("reason").hasMessageNotContaining(value);
        });
  }

  @Test
  void anyAccountIdThatIsAnAddressOrANumberIsRefusedWithoutEchoingIt() {
    qt().withExamples(1000)
        .forAll(personal().map(v -> v.replace(' ', '-').replace("(", "").replace(")", "")))
        .checkAssert(value -> {
          if (!value.matches("[A-Za-z0-9._:-]{1,128}")) {
            return; // refused by the id shape already, which never echoes either
          }
          Throwable t = catchThrowable(() -> Story.appeal(value));
          assertThat(t).isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("accountId").hasMessageNotContaining(value);
        });
  }

  @Test
  void ordinaryReasonsWithDatesAndTimesAreKept() {
    qt().withExamples(1000)
        .forAll(words(), SourceDSL.longs().between(0, 4_000_000_000_000L), words())
        .checkAssert((before, millis, after) -> {
          String reason = "x" + before + " reviewed " + Instant.ofEpochMilli(millis) + " on "
              + Instant.ofEpochMilli(millis).toString().substring(0, 10) + " " + after;
          assertThat(new Review("rev-1", reason, Instant.EPOCH, "2026-11-01").reason()).isEqualTo(reason);
        });
  }

  @Test
  void opaqueIdsOfEveryCommonShapeAreAccepted() {
    for (String id : List.of("acct-7", "u:42", "3f2a9c1e-8b7d-4e6f-a1b2-c3d4e5f60718", "user.name_1")) {
      assertThat(Story.appeal(id).accountId()).isEqualTo(id);
    }
    assertThatThrownBy(() -> Story.appeal("someone@example.org"))
        .hasMessageNotContaining("someone").hasMessageContaining("accountId");
    assertThatThrownBy(() -> new Review("rev-1", "line\nbreak", Instant.EPOCH, "v1"))
        .hasMessageContaining("control");
    assertThatThrownBy(() -> new Review("rev-1", "x".repeat(513), Instant.EPOCH, "v1"))
        .hasMessageContaining("512");
    assertThatThrownBy(() -> new Review("rev-1", " ", Instant.EPOCH, "v1"))
        .hasMessageContaining("blank");
  }

  @Test
  void theSqliteDumpHoldsNoAddressOrNumberAndThePlantedOneIsFound() throws Exception {
    dumpIsClean(new TestDatabase.Sqlite(dir));
  }

  @Test
  void thePostgresDumpHoldsNoAddressOrNumberAndThePlantedOneIsFound() throws Exception {
    dumpIsClean(new TestDatabase.Postgres());
  }

  private static final List<String> TRIED =
      List.of("203.0.113.77", "2001:db8::4711", "+380652123456", "AB1234567");

  private void dumpIsClean(TestDatabase db) throws Exception {
    try (AppealStore store = db.open()) {
      Appeal a = store.file(Story.appeal("acct-olena"));
      for (String value : TRIED) {
        if (!value.startsWith("AB")) { // a document number is a fine opaque id shape
          assertThatThrownBy(() -> store.file(Story.appeal(value.replace("+", ""))))
              .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.deny(a.id(), Story.review("rev-1", "her IP was " + value)))
            .isInstanceOf(IllegalArgumentException.class);
      }
      store.approve(a.id(), Story.review("rev-1", "lease and ID show Kyiv"), Story.UNTIL);
      store.report(Story.FILED, Story.UNTIL).toJson();
    }
    String dump = db.dump();
    assertThat(dump).contains("acct-olena", "lease and ID show Kyiv"); // the dump is real
    for (String value : TRIED) {
      assertThat(dump).doesNotContain(value);
    }
    // ISO dates and instants (policy versions, expiry notes) are the only digit runs allowed.
    String rows = db.dumpTextColumns().replaceAll("[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:.]+Z)?", "<date>");
    assertThat(DUMPED_IPV4.matcher(rows).find()).as("an IPv4 address in %s", rows).isFalse();
    assertThat(DUMPED_PHONE.matcher(rows).find()).as("a phone number in %s", rows).isFalse();
    assertThat(rows).contains("acct-olena", "UA-30"); // the text columns were read

    // Planted: the same grep finds a value written past the store's checks.
    try (Connection c = db.raw(); PreparedStatement s = c.prepareStatement(
        "INSERT INTO appeal (id, account_id, placed_in, claimed, verification, status, filed_at,"
            + " version) VALUES ('ap-planted', ?, 'UA-43', 'UA-30', 'video-call', 'pending', 0, 1)")) {
      s.setString(1, "203.0.113.77");
      s.executeUpdate();
    }
    assertThat(db.dump()).contains("203.0.113.77");
    assertThat(DUMPED_IPV4.matcher(db.dumpTextColumns()).find()).isTrue();
  }
}
