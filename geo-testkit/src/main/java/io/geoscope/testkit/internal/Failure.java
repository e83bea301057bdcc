package io.geoscope.testkit.internal;

import java.util.List;

/**
 * What went wrong in one check: a message for people and the rules (or exemptions) involved.
 *
 * @param detail what was observed, for people
 * @param ruleIds the rule and exemption ids involved, most specific first; may be empty
 */
public record Failure(String detail, List<String> ruleIds) {
  /** Copies the ids. */
  public Failure {
    ruleIds = List.copyOf(ruleIds);
  }
}
