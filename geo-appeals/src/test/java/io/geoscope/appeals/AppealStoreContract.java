package io.geoscope.appeals;

import static io.geoscope.appeals.Story.CRIMEA;
import static io.geoscope.appeals.Story.FILED;
import static io.geoscope.appeals.Story.KYIV;
import static io.geoscope.appeals.Story.POLICY;
import static io.geoscope.appeals.Story.REVIEWED;
import static io.geoscope.appeals.Story.UNTIL;
import static io.geoscope.appeals.Story.appeal;
import static io.geoscope.appeals.Story.review;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.geoscope.core.LocationSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same suite against every database: SQLite (embedded default) and PostgreSQL. */
abstract class AppealStoreContract {
  TestDatabase db;
  AppealStore store;

  abstract TestDatabase newDatabase() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    db = newDatabase();
    store = db.open();
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void anApprovedAppealGivesTheAccountAVerifiedLocationAndAnAuditTrail() throws Exception {
    Appeal filed = store.file(appeal("acct-olena"));
    assertThat(filed.status()).isEqualTo(AppealStatus.PENDING);
    assertThat(store.verifiedLocation("acct-olena")).isEmpty();

    Appeal approved = store.approve(filed.id(), review("rev-ana", "lease and ID show Kyiv"), UNTIL);

    assertThat(approved.status()).isEqualTo(AppealStatus.APPROVED);
    assertThat(store.find(filed.id())).isEqualTo(approved);
    VerifiedLocation v = store.verifiedLocation("acct-olena").orElseThrow();
    assertThat(v.jurisdiction()).isSameAs(KYIV);
    assertThat(v.appealId()).isEqualTo(filed.id());
    assertThat(v.expiresAt()).isEqualTo(UNTIL);
    assertThat(v.evidence().source()).isEqualTo(LocationSource.VERIFIED);
    assertThat(store.audit(filed.id()))
        .extracting(AuditRecord::seq, AuditRecord::action, AuditRecord::actor,
            AuditRecord::jurisdiction, AuditRecord::policyVersion)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, AuditAction.FILED, "acct-olena", KYIV, POLICY),
            org.assertj.core.groups.Tuple.tuple(2, AuditAction.APPROVED, "rev-ana", KYIV, POLICY));
    assertThat(store.audit(filed.id()).get(1).describe())
        .contains("approved by rev-ana", "lease and ID show Kyiv", "verified until " + UNTIL);
  }

  @Test
  void aDeniedAppealGrantsNothingAndRecordsWhy() throws Exception {
    Appeal filed = store.file(appeal("acct-b"));
    Appeal denied = store.deny(filed.id(), review("rev-1", "address could not be confirmed"));
    assertThat(denied.status()).isEqualTo(AppealStatus.DENIED);
    assertThat(denied.decided()).contains(REVIEWED);
    assertThat(store.verifiedLocation("acct-b")).isEmpty();
    assertThat(store.audit(filed.id())).last()
        .satisfies(r -> {
          assertThat(r.action()).isEqualTo(AuditAction.DENIED);
          assertThat(r.reason()).isEqualTo("address could not be confirmed");
        });
  }

  @Test
  void aDecidedAppealCannotBeReviewedAgain() throws Exception {
    Appeal filed = store.file(appeal("acct-c"));
    store.deny(filed.id(), review("rev-1", "no match"));
    assertThatThrownBy(() -> store.approve(filed.id(), review("rev-2", "looks fine"), UNTIL))
        .isInstanceOfSatisfying(AppealConflictException.class, e -> {
          assertThat(e.current()).isEqualTo(AppealStatus.DENIED);
          assertThat(e.appealId()).isEqualTo(filed.id());
        });
    assertThatThrownBy(() -> store.expire(filed.id(), review("system", "lapsed")))
        .isInstanceOf(AppealConflictException.class);
    assertThat(store.verifiedLocation("acct-c")).isEmpty();
    assertThat(store.audit(filed.id())).hasSize(2);
  }

  @Test
  void anUnknownAppealIsNotFound() {
    assertThatThrownBy(() -> store.approve("ap-nosuchappeal", review("rev-1", "x y"), UNTIL))
        .isInstanceOfSatisfying(AppealNotFoundException.class,
            e -> assertThat(e.appealId()).isEqualTo("ap-nosuchappeal"));
    assertThatThrownBy(() -> store.find("ap-nosuchappeal")).isInstanceOf(AppealNotFoundException.class);
  }

  @Test
  void aVerifiedLocationMustOutliveItsReview() throws Exception {
    Appeal filed = store.file(appeal("acct-d"));
    assertThatThrownBy(() -> store.approve(filed.id(), review("rev-1", "ok"), REVIEWED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("verifiedUntil");
    assertThat(store.find(filed.id()).status()).isEqualTo(AppealStatus.PENDING);
  }

  @Test
  void aLaterApprovalReplacesTheAccountsEarlierVerifiedLocation() throws Exception {
    Appeal first = store.file(appeal("acct-e"));
    store.approve(first.id(), review("rev-1", "Kyiv lease"), UNTIL);
    Appeal second = store.file(new AppealRequest("acct-e", KYIV, io.geoscope.core.Jurisdiction.of("PL"),
        java.util.Set.of(VerificationKind.INSTITUTION_LETTER), "acct-e", REVIEWED.plusSeconds(60), POLICY));
    store.approve(second.id(), new Review("rev-2", "moved to Warsaw", REVIEWED.plusSeconds(120), POLICY),
        UNTIL.plusSeconds(120));
    VerifiedLocation v = store.verifiedLocation("acct-e").orElseThrow();
    assertThat(v.jurisdiction().code()).isEqualTo("PL");
    assertThat(v.appealId()).isEqualTo(second.id());
    assertThat(store.verifiedLocation("acct-other")).isEmpty();
  }

  @Test
  void listsAndExpiryOfLapsedAppeals() throws Exception {
    Appeal old = store.file(appeal("acct-old", FILED));
    Appeal recent = store.file(appeal("acct-new", FILED.plus(Duration.ofDays(40))));
    Appeal decided = store.file(appeal("acct-done", FILED));
    store.deny(decided.id(), review("rev-1", "no"));

    List<Appeal> expired = store.expireLapsed(FILED.plus(Duration.ofDays(30)),
        new Review("system", "no verification within 30 days", FILED.plus(Duration.ofDays(41)), POLICY));

    assertThat(expired).extracting(Appeal::id).containsExactly(old.id());
    assertThat(store.find(old.id()).status()).isEqualTo(AppealStatus.EXPIRED);
    assertThat(store.list(AppealStatus.PENDING)).extracting(Appeal::id).containsExactly(recent.id());
    assertThat(store.list()).extracting(Appeal::id).containsExactlyInAnyOrder(old.id(), recent.id(), decided.id());
    assertThat(store.audit(old.id())).extracting(AuditRecord::action)
        .containsExactly(AuditAction.FILED, AuditAction.EXPIRED);
    assertThat(store.audit(FILED, FILED.plus(Duration.ofDays(1))))
        .extracting(AuditRecord::appealId).containsExactlyInAnyOrder(old.id(), decided.id());
  }

  @Test
  void theAuditTrailCannotBeChangedOrRemoved() throws Exception {
    Appeal filed = store.file(appeal("acct-f"));
    try (Connection c = db.raw(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("UPDATE audit SET reason = 'rewritten'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit"))
          .hasMessageContaining("append-only");
    }
    assertThat(store.audit(filed.id())).singleElement()
        .satisfies(r -> assertThat(r.reason()).startsWith("offers "));
  }

  @Test
  void ofConcurrentReviewersExactlyOneWinsAndTheOthersGetAConflict() throws Exception {
    int reviewers = 4;
    int rounds = 15;
    ExecutorService pool = Executors.newFixedThreadPool(reviewers);
    try {
      for (int round = 0; round < rounds; round++) {
        Appeal filed = store.file(appeal("acct-race-" + round));
        CyclicBarrier start = new CyclicBarrier(reviewers);
        List<Future<Appeal>> results = new ArrayList<>();
        for (int r = 0; r < reviewers; r++) {
          int reviewer = r;
          Callable<Appeal> task = () -> {
            start.await(10, TimeUnit.SECONDS);
            Review rv = new Review("rev-" + reviewer, "ruling " + reviewer, REVIEWED, POLICY);
            return reviewer % 2 == 0 ? store.approve(filed.id(), rv, UNTIL) : store.deny(filed.id(), rv);
          };
          results.add(pool.submit(task));
        }
        List<Appeal> won = new ArrayList<>();
        List<AppealConflictException> lost = new ArrayList<>();
        for (Future<Appeal> f : results) {
          try {
            won.add(f.get(60, TimeUnit.SECONDS));
          } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(AppealConflictException.class);
            lost.add((AppealConflictException) e.getCause());
          }
        }
        assertThat(won).hasSize(1);
        assertThat(lost).hasSize(reviewers - 1)
            .allSatisfy(e -> assertThat(e.current()).isEqualTo(won.get(0).status()));
        Appeal stored = store.find(filed.id());
        assertThat(stored).isEqualTo(won.get(0));
        assertThat(store.audit(filed.id())).hasSize(2);
        assertThat(store.verifiedLocation("acct-race-" + round).isPresent())
            .isEqualTo(stored.status() == AppealStatus.APPROVED);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theReportCountsEachOutcomeInItsPeriodAndPendingAtTheEnd() throws Exception {
    Instant day1 = Instant.parse("2026-01-01T00:00:00Z");
    Instant day2 = day1.plus(Duration.ofDays(1));
    Instant day3 = day2.plus(Duration.ofDays(1));
    Appeal a = store.file(appeal("acct-r1", day1.plusSeconds(10)));
    Appeal b = store.file(appeal("acct-r2", day1.plusSeconds(20)));
    Appeal c = store.file(appeal("acct-r3", day1.plusSeconds(30)));
    store.file(new AppealRequest("acct-r4", io.geoscope.core.Jurisdiction.of("IR"),
        io.geoscope.core.Jurisdiction.of("AM"), java.util.Set.of(VerificationKind.TRAVEL_RECORD),
        "acct-r4", day2.plusSeconds(5), POLICY));
    store.approve(a.id(), new Review("rev-1", "ok", day1.plusSeconds(100), POLICY), day3);
    store.deny(b.id(), new Review("rev-1", "no", day2.plusSeconds(100), POLICY));
    store.expire(c.id(), new Review("system", "lapsed", day2.plusSeconds(200), POLICY));

    AppealsReport first = store.report(day1, day2);
    assertThat(first.rows()).containsExactly(new AppealsReport.Row(CRIMEA, 3, 1, 0, 2, 0));
    AppealsReport second = store.report(day2, day3);
    assertThat(second.rows()).containsExactly(
        new AppealsReport.Row(io.geoscope.core.Jurisdiction.of("IR"), 1, 0, 0, 1, 0),
        new AppealsReport.Row(CRIMEA, 0, 0, 1, 0, 1));
    assertThat(second.toJson()).isEqualTo("{\"from\":\"2026-01-02T00:00:00Z\",\"to\":\"2026-01-03T00:00:00Z\","
        + "\"appeals\":[{\"placed_in\":\"IR\",\"received\":1,\"approved\":0,\"denied\":0,\"pending\":1,\"expired\":0},"
        + "{\"placed_in\":\"UA-43\",\"received\":0,\"approved\":0,\"denied\":1,\"pending\":0,\"expired\":1}]}");
    assertThat(second.toText()).contains("UA-43").containsPattern("total +1 +0 +1 +1 +1");
    assertThatThrownBy(() -> store.report(day2, day1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aClosedStoreRefusesWork() {
    store.close();
    assertThatThrownBy(() -> store.list()).isInstanceOf(IllegalStateException.class);
    store = null;
  }

  @Test
  void anUnreachableDatabaseIsATypedStorageErrorAndWritesNothing() throws Exception {
    Appeal filed = store.file(appeal("acct-g"));
    db.down = true;
    assertThatThrownBy(() -> store.approve(filed.id(), review("rev-1", "ok"), UNTIL))
        .isInstanceOfSatisfying(AppealStorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo("08001"));
    db.down = false;
    assertThat(store.find(filed.id()).status()).isEqualTo(AppealStatus.PENDING);
  }
}
