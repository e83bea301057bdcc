package io.geoscope.appeals;

import io.geoscope.core.Jurisdiction;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** The README's story: placed in Crimea (UA-43) by IP, actually in Kyiv (UA-30). */
final class Story {
  static final Jurisdiction CRIMEA = Jurisdiction.of("UA-43");
  static final Jurisdiction KYIV = Jurisdiction.of("UA-30");
  static final Instant FILED = Instant.parse("2026-11-02T09:00:00Z");
  static final Instant REVIEWED = FILED.plus(Duration.ofDays(2));
  static final Instant UNTIL = REVIEWED.plus(Duration.ofDays(365));
  static final String POLICY = "2026-11-01";

  private Story() {}

  static AppealRequest appeal(String account) {
    return appeal(account, FILED);
  }

  static AppealRequest appeal(String account, Instant at) {
    return new AppealRequest(account, CRIMEA, KYIV,
        Set.of(VerificationKind.PROOF_OF_ADDRESS, VerificationKind.IDENTITY_DOCUMENT), account, at,
        POLICY);
  }

  static Review review(String reviewer, String reason) {
    return new Review(reviewer, reason, REVIEWED, POLICY);
  }
}
