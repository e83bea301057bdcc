package io.geoscope.testkit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What went wrong in one check: a message for people and the rules (or exemptions) involved.
 *
 * @param detail what was observed, for people
 * @param ruleIds the rule and exemption ids involved, most specific first; may be empty
 * @param cause what the decision function threw, if it threw
 */
record Failure(String detail, List<String> ruleIds, @Nullable Throwable cause) {
  /** Copies the ids. */
  public Failure {
    ruleIds = List.copyOf(ruleIds);
  }

  /** A failure observed in decisions, with nothing thrown. */
  public Failure(String detail, List<String> ruleIds) {
    this(detail, ruleIds, null);
  }
}
