package io.geoscope.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collection;

/** What must hold in a database after any crash, read with plain SQL beside the store. */
final class Consistency {
  private Consistency() {}

  /**
   * No half-written review: a pending appeal has no review, no verified location and one audit
   * record; a decided one has exactly one review with its outcome, an audit record per change,
   * and (approved) its account's verified location.
   */
  static void check(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery(
          "SELECT a.id, a.status, a.version,"
              + " (SELECT COUNT(*) FROM review r WHERE r.appeal_id = a.id),"
              + " (SELECT COUNT(*) FROM review r WHERE r.appeal_id = a.id AND r.outcome = a.status),"
              + " (SELECT COUNT(*) FROM audit u WHERE u.appeal_id = a.id),"
              + " (SELECT MAX(seq) FROM audit u WHERE u.appeal_id = a.id),"
              + " (SELECT COUNT(*) FROM verified_location v WHERE v.appeal_id = a.id)"
              + " FROM appeal a")) {
        while (rs.next()) {
          String id = rs.getString(1);
          boolean pending = rs.getString(2).equals("pending");
          assertThat(rs.getInt(4)).as("reviews of %s", id).isEqualTo(pending ? 0 : 1);
          assertThat(rs.getInt(5)).as("matching reviews of %s", id).isEqualTo(pending ? 0 : 1);
          assertThat(rs.getInt(6)).as("audit records of %s", id).isEqualTo(rs.getInt(3));
          assertThat(rs.getInt(7)).as("last audit seq of %s", id).isEqualTo(rs.getInt(3));
          assertThat(rs.getInt(8)).as("verified locations from %s", id)
              .isEqualTo(rs.getString(2).equals("approved") ? 1 : 0);
        }
      }
    }
  }

  /** Every acknowledged filing and approval is there. */
  static void acknowledged(AppealStore store, Collection<String> filed, Collection<String> approved)
      throws Exception {
    for (String id : filed) {
      assertThat(store.find(id).id()).isEqualTo(id);
    }
    for (String id : approved) {
      assertThat(store.find(id).status()).as("acknowledged approval %s", id)
          .isEqualTo(AppealStatus.APPROVED);
    }
  }
}
