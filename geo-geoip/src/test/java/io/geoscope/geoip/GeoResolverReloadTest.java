package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.geoscope.core.Jurisdiction;
import io.geoscope.geoip.writer.MmdbWriter;
import io.geoscope.reload.ReloadEvent;
import io.geoscope.testkit.ManualExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolver's reload shape, driven by hand: an injected clock and executor, no sleeps. */
class GeoResolverReloadTest {
  static final Instant BUILT = Instant.parse("2026-06-01T00:00:00Z");
  static final Clock NOW = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  static MmdbWriter city(Instant built, String subdivision) {
    return MmdbWriter.ipv6("GeoLite2-City").buildEpoch(built)
        .insert("81.2.69.0/24", MmdbWriter.geoip2City("US", subdivision));
  }

  static MmdbWriter country(Instant built) {
    return MmdbWriter.ipv6("GeoLite2-Country").buildEpoch(built)
        .insert("81.2.69.0/24", MmdbWriter.geoip2Country("US"));
  }

  @Test
  void theRememberedFileReloadsOnlyWhenChangedAndIsCountedAndHeard() throws Exception {
    Path db = dir.resolve("city.mmdb");
    city(BUILT, "WA").write(db);
    List<ReloadEvent> heard = new ArrayList<>();
    try (GeoResolver r = GeoResolver.builder().database(db).clock(NOW).build()) {
      r.addReloadListener(heard::add);
      assertThat(r.reloadIfChanged()).isFalse();
      city(BUILT.plusSeconds(86_400), "OR").write(db);
      assertThat(r.reloadIfChanged()).isTrue();
      assertThat(r.resolve("81.2.69.1").jurisdiction()).isEqualTo(Jurisdiction.of("US-OR"));
      r.reload();
      assertThat(r.reloads()).isEqualTo(2);
      assertThat(r.refusals()).isZero();
      assertThat(r.lastSuccess()).isEqualTo(NOW.instant());
      assertThat(heard).extracting(ReloadEvent::accepted).containsExactly(true, true);
      assertThat(heard.get(0).detail()).startsWith("GeoLite2-City build 2026-06-02");
    }
  }

  @Test
  void aCountryOnlyDatabaseCannotQuietlyReplaceACityOne() throws Exception {
    Path db = dir.resolve("city.mmdb");
    city(BUILT, "WA").write(db);
    GeoResolver r = GeoResolver.builder().database(db).clock(NOW).build();
    assertThat(r.precision()).isEqualTo(DatabasePrecision.SUBDIVISION);
    Path coarse = dir.resolve("country.mmdb");
    country(BUILT.plusSeconds(86_400)).write(coarse);

    DatabaseException e = catchThrowableOfType(DatabaseException.class, () -> r.reload(coarse));
    assertThat(e.reason()).isEqualTo(DatabaseException.Reason.COARSER_THAN_IN_SERVICE);
    assertThat(e.getMessage()).contains("GeoLite2-Country").contains("subdivision");
    assertThat(r.resolve("81.2.69.1").jurisdiction()).as("the city database stays")
        .isEqualTo(Jurisdiction.of("US-WA"));

    country(BUILT.plusSeconds(86_400)).write(db);
    assertThatThrownBy(r::reloadIfChanged).isInstanceOf(DatabaseException.class);
    assertThat(r.refusals()).isEqualTo(1);

    r.reload(coarse, true);
    assertThat(r.precision()).isEqualTo(DatabasePrecision.COUNTRY);
    assertThat(r.resolve("81.2.69.1").jurisdiction()).isEqualTo(Jurisdiction.of("US"));
  }

  @Test
  void theDatabaseAgeIsReportedAgainstAConfigurableMaximum() throws Exception {
    Path db = dir.resolve("city.mmdb");
    city(BUILT, "WA").write(db);
    GeoResolver fresh = GeoResolver.builder().database(db).clock(NOW).build();
    assertThat(fresh.databaseAge()).isEqualTo(Duration.ofDays(30));
    assertThat(fresh.maximumAge()).isEqualTo(Duration.ofDays(30));
    assertThat(fresh.isStale()).isFalse();
    GeoResolver strict =
        GeoResolver.builder().database(db).clock(NOW).maximumAge(Duration.ofDays(7)).build();
    assertThat(strict.isStale()).isTrue();
    assertThatThrownBy(() -> GeoResolver.builder().maximumAge(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aScheduledRefreshReloadsAChangedFileOnEachRunUntilClosed() throws Exception {
    Path db = dir.resolve("city.mmdb");
    city(BUILT, "WA").write(db);
    ManualExecutor executor = new ManualExecutor();
    try {
      GeoResolver r = GeoResolver.builder().database(db).clock(NOW).build();
      r.refreshEvery(Duration.ofDays(1), executor);
      Runnable run = executor.scheduled().get(0);
      run.run();
      assertThat(r.reloads()).isZero();
      city(BUILT.plusSeconds(86_400), "OR").write(db);
      run.run();
      assertThat(r.resolve("81.2.69.1").jurisdiction()).isEqualTo(Jurisdiction.of("US-OR"));
      country(BUILT.plusSeconds(2 * 86_400)).write(db);
      run.run();
      assertThat(r.refusals()).as("refused in the schedule: counted, not thrown").isEqualTo(1);
      assertThat(r.resolve("81.2.69.1").jurisdiction()).isEqualTo(Jurisdiction.of("US-OR"));
      r.close();
      assertThat(executor.futures().get(0).isCancelled()).isTrue();
      assertThat(executor.isShutdown()).isFalse();
    } finally {
      executor.shutdownNow();
    }
  }
}
