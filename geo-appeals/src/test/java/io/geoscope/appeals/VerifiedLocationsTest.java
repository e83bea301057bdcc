package io.geoscope.appeals;

import static io.geoscope.appeals.Story.CRIMEA;
import static io.geoscope.appeals.Story.KYIV;
import static io.geoscope.appeals.Story.REVIEWED;
import static io.geoscope.appeals.Story.UNTIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Effect;
import io.geoscope.core.Evidence;
import io.geoscope.core.InstrumentKind;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Meeting;
import io.geoscope.core.Outcome;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.Role;
import io.geoscope.core.Rule;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The join path: the README's Crimea-to-Kyiv story through the real engine, the cache, outages. */
class VerifiedLocationsTest {
  static final Policy POLICY = crimeaPolicy();
  static final DecisionEngine ENGINE = DecisionEngine.builder(POLICY).build();

  static Policy crimeaPolicy() {
    try {
      return crimeaPolicyOrThrow();
    } catch (io.geoscope.core.PolicyValidationException e) {
      throw new IllegalStateException(e);
    }
  }

  static Policy crimeaPolicyOrThrow() throws io.geoscope.core.PolicyValidationException {
    return Policy.builder(Story.POLICY)
      .operator(io.geoscope.core.Operator.of("Example Meetings Inc.", "US"))
      .rule(Rule.builder("ofac-crimea")
          .basis(LegalBasis.builder().authority("OFAC").home("US").territory("UA-43")
              .extraterritorial("US sanctions bind the US provider for users located in Crimea")
              .kind(InstrumentKind.SANCTIONS)
              .citation("31 CFR part 589 (Ukraine-/Russia-Related Sanctions Regulations)")
              .build())
          .appliesIn("UA-43").effect(Effect.denyJoin()).build())
      .build();
  }
  /** What IP geolocation said: Crimea. */
  static final Evidence BY_IP =
      Evidence.of(CRIMEA, LocationSource.IP_GEOLOCATION, "GeoIP2-City build 2026-11-01");

  @TempDir Path dir;
  TestDatabase db;
  AppealStore store;
  MutableClock clock = new MutableClock(REVIEWED.plus(Duration.ofHours(1)));

  @BeforeEach
  void open() throws Exception {
    db = new TestDatabase.Sqlite(dir);
    store = db.open();
  }

  @AfterEach
  void close() {
    store.close();
  }

  VerifiedLocations locations() {
    return VerifiedLocations.builder(store).clock(clock).executor(Runnable::run)
        .refreshAfter(Duration.ofMinutes(1)).serveStaleFor(Duration.ofMinutes(10))
        .retryAfter(Duration.ofSeconds(5)).build();
  }

  Decision join(VerifiedLocations locations, String account) {
    Evidence where = locations.evidenceFor(account, BY_IP);
    return ENGINE.decide(new Participant("p-" + account, Role.ATTENDEE, where), Meeting.plain(),
        clock.instant());
  }

  @Test
  void deniedInCrimeaThenAppealedApprovedAndAdmittedAsVerifiedInKyiv() throws Exception {
    VerifiedLocations locations = locations();
    Decision before = join(locations, "acct-olena");
    assertThat(before.outcome()).isEqualTo(Outcome.DENY);
    assertThat(before.jurisdiction()).isSameAs(CRIMEA);

    Appeal a = store.file(Story.appeal("acct-olena"));
    store.approve(a.id(), Story.review("rev-ana", "lease and ID show Kyiv"), UNTIL);
    locations.invalidate("acct-olena");

    Decision after = join(locations, "acct-olena");
    assertThat(after.outcome()).isEqualTo(Outcome.ADMIT);
    assertThat(after.jurisdiction()).isSameAs(KYIV);
    Evidence used = locations.evidenceFor("acct-olena", BY_IP);
    assertThat(used.source()).isEqualTo(LocationSource.VERIFIED);
    assertThat(used.producer()).isEqualTo("appeal " + a.id());
    // Another account with the same Crimea evidence is untouched.
    assertThat(join(locations, "acct-someone-else").outcome()).isEqualTo(Outcome.DENY);
  }

  @Test
  void aLocationVerifiedInASanctionedPlaceRestrictsLikeAnyOtherEvidence() throws Exception {
    Appeal a = store.file(new AppealRequest("acct-k", KYIV, CRIMEA,
        Set.of(VerificationKind.VIDEO_CALL), "acct-k", Story.FILED, Story.POLICY));
    store.approve(a.id(), Story.review("rev-1", "confirmed the person lives in Crimea"), UNTIL);
    VerifiedLocations locations = locations();
    Evidence kyivByIp = Evidence.of(KYIV, LocationSource.IP_GEOLOCATION, "db");
    Decision d = ENGINE.decide(new Participant("p", Role.HOST,
        locations.evidenceFor("acct-k", kyivByIp)), Meeting.plain(), clock.instant());
    assertThat(d.outcome()).isEqualTo(Outcome.DENY);
    assertThat(d.applied()).singleElement()
        .satisfies(r -> assertThat(r.evidence().source()).isEqualTo(LocationSource.VERIFIED));
  }

  @Test
  void anExpiredVerifiedLocationNoLongerCounts() throws Exception {
    Appeal a = store.file(Story.appeal("acct-x"));
    store.approve(a.id(), Story.review("rev-1", "ok"), REVIEWED.plus(Duration.ofHours(2)));
    VerifiedLocations locations = locations();
    assertThat(locations.evidenceFor("acct-x", BY_IP).source()).isEqualTo(LocationSource.VERIFIED);
    clock.advance(Duration.ofHours(1));
    assertThat(locations.evidenceFor("acct-x", BY_IP)).isSameAs(BY_IP);
  }

  @Test
  void aHitIsServedFromMemoryAndAMissIsOneQueryRememberedEvenWhenAbsent() throws Exception {
    Appeal a = store.file(Story.appeal("acct-h"));
    store.approve(a.id(), Story.review("rev-1", "ok"), UNTIL);
    VerifiedLocations locations = locations();
    Evidence first = locations.evidenceFor("acct-h", BY_IP);
    assertThat(locations.evidenceFor("acct-none", BY_IP)).isSameAs(BY_IP);
    db.down = true; // no query can succeed now: both answers come from the cache
    assertThat(locations.evidenceFor("acct-h", BY_IP)).isSameAs(first);
    assertThat(locations.evidenceFor("acct-none", BY_IP)).isSameAs(BY_IP);
    assertThat(locations.cachedAccounts()).isEqualTo(2);
  }

  @Test
  void theMissQueryUsesThePrimaryKeyIndex() throws Exception {
    try (Connection c = db.raw(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN SELECT jurisdiction, appeal_id,"
            + " verified_at, expires_at FROM verified_location WHERE account_id = 'a'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("detail")).contains("USING INDEX");
    }
  }

  @Test
  void duringAnOutageCachedEntriesAreServedThenTheOtherSignalsSayingSo() throws Exception {
    Appeal a = store.file(Story.appeal("acct-o"));
    store.approve(a.id(), Story.review("rev-1", "ok"), UNTIL);
    VerifiedLocations locations = locations();
    assertThat(locations.evidenceFor("acct-o", BY_IP).source()).isEqualTo(LocationSource.VERIFIED);

    db.down = true;
    clock.advance(Duration.ofMinutes(5)); // past refresh: the refresh fails, the entry is kept
    assertThat(locations.evidenceFor("acct-o", BY_IP).source()).isEqualTo(LocationSource.VERIFIED);
    assertThat(locations.evidenceFor("acct-o", BY_IP).source()).isEqualTo(LocationSource.VERIFIED);

    clock.advance(Duration.ofMinutes(10)); // past serveStaleFor: dropped, the load fails
    Evidence fallback = locations.evidenceFor("acct-o", BY_IP);
    assertThat(fallback.source()).isEqualTo(LocationSource.IP_GEOLOCATION);
    assertThat(fallback.jurisdiction()).isSameAs(CRIMEA);
    assertThat(fallback.detail()).isEqualTo(VerifiedLocations.UNAVAILABLE);
    Decision d = ENGINE.decide(new Participant("p", Role.ATTENDEE, fallback), Meeting.plain(),
        clock.instant());
    assertThat(d.outcome()).isEqualTo(Outcome.DENY);
    assertThat(d.applied().get(0).evidence().detail()).contains(VerifiedLocations.UNAVAILABLE);

    db.down = false; // back, but within retryAfter no query is tried
    assertThat(locations.evidenceFor("acct-o", BY_IP).detail()).contains(VerifiedLocations.UNAVAILABLE);
    clock.advance(Duration.ofSeconds(6));
    assertThat(locations.evidenceFor("acct-o", BY_IP).source()).isEqualTo(LocationSource.VERIFIED);
  }

  @Test
  void unavailabilityIsAppendedToAnExistingDetail() throws Exception {
    VerifiedLocations locations = locations();
    db.down = true;
    Evidence withDetail = new Evidence(CRIMEA, LocationSource.IP_GEOLOCATION, "db", "subdivisions[0]");
    assertThat(locations.evidenceFor("acct-z", withDetail).detail())
        .isEqualTo("subdivisions[0]; " + VerifiedLocations.UNAVAILABLE);
  }

  @Test
  void theBuilderNamesABadSetting() {
    assertThatThrownBy(() -> VerifiedLocations.builder(store).maximumSize(0).build())
        .hasMessageContaining("maximumSize");
    assertThatThrownBy(() -> VerifiedLocations.builder(store).refreshAfter(Duration.ZERO).build())
        .hasMessageContaining("refreshAfter");
    assertThatThrownBy(() -> VerifiedLocations.builder(store).refreshAfter(Duration.ofHours(1))
        .serveStaleFor(Duration.ofMinutes(1)).build()).hasMessageContaining("serveStaleFor");
    assertThatThrownBy(() -> VerifiedLocations.builder(store).retryAfter(Duration.ofSeconds(-1)).build())
        .hasMessageContaining("retryAfter");
  }
}
