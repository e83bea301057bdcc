package io.geoscope.testkit;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.Effect;
import io.geoscope.core.Exemption;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.Rule;
import java.time.Instant;
import java.util.List;

/**
 * One situation in which an invariant was checked: a policy, a roster, a meeting and an instant.
 * Instances are immutable and thread-safe.
 *
 * @param policy the policy (the caller's own, or — for policy-level invariants — a shrunk part)
 * @param roster the participants, never empty
 * @param meeting the meeting
 * @param at the instant of the decisions
 */
public record Counterexample(Policy policy, List<Participant> roster, Meeting meeting, Instant at) {

  /** Copies the roster and checks for nulls. */
  public Counterexample {
    requireNonNull(policy, "policy");
    roster = List.copyOf(roster);
    requireNonNull(meeting, "meeting");
    requireNonNull(at, "at");
    if (roster.isEmpty()) {
      throw new IllegalArgumentException("a counterexample needs at least one participant");
    }
  }

  /** A multi-line description for people: instant, meeting, roster and policy contents. */
  public String describe() {
    return describe(null);
  }

  /**
   * Like {@link #describe()}, but lists only the rules and exemptions whose ids are in {@code
   * involved} (and counts the others), so a failure message blames only the rules it involves.
   */
  public String describeInvolving(java.util.Collection<String> involved) {
    return describe(java.util.Set.copyOf(involved));
  }

  private String describe(java.util.@org.jspecify.annotations.Nullable Set<String> involved) {
    StringBuilder sb = new StringBuilder();
    sb.append("  at:      ").append(at).append('\n');
    sb.append("  meeting: tags ").append(meeting.tags()).append(", features ")
        .append(Describe.features(meeting.featuresInUse()))
        .append('\n');
    sb.append("  roster:  ").append(roster.size()).append(" participant(s)\n");
    for (Participant p : roster) {
      sb.append("    ").append(p.id()).append(' ').append(p.role().code()).append(" in ")
          .append(p.jurisdiction()).append(" (").append(p.evidence().source().code())
          .append(")\n");
    }
    sb.append("  policy:  ").append(policy.version()).append(", ").append(policy.rules().size())
        .append(" rule(s), ").append(policy.exemptions().size()).append(" exemption(s)\n");
    int omitted = 0;
    for (Rule r : policy.rules()) {
      if (involved != null && !involved.contains(r.id())) {
        omitted++;
        continue;
      }
      sb.append("    rule ").append(r.id()).append(": ").append(r.effect().kind());
      if (r.effect() instanceof Effect.Disable d) {
        sb.append(' ').append(Describe.features(d.features()));
      } else if (r.effect() instanceof Effect.Notice n) {
        sb.append(' ').append(n.key());
      }
      sb.append(" in ").append(r.appliesIn()).append(", ").append(r.mode().code())
          .append(", on-unknown ").append(r.onUnknown().code());
      if (!r.when().isAlways()) {
        sb.append(", when ").append(Describe.condition(r.when()));
      }
      sb.append(", under ").append(r.basis().citation());
      r.basis().effective().ifPresent(d -> sb.append(", from ").append(d));
      r.basis().expires().ifPresent(d -> sb.append(", until ").append(d));
      sb.append('\n');
    }
    for (Exemption e : policy.exemptions()) {
      if (involved != null && !involved.contains(e.id())) {
        omitted++;
        continue;
      }
      sb.append("    exemption ").append(e.id()).append(": lifts ").append(e.lifts())
          .append(" in ").append(e.appliesIn()).append(", under ").append(e.basis().citation());
      e.basis().effective().ifPresent(d -> sb.append(", from ").append(d));
      e.basis().expires().ifPresent(d -> sb.append(", until ").append(d));
      sb.append('\n');
    }
    if (omitted > 0) {
      sb.append("    (").append(omitted).append(" other rule(s) and exemption(s) not involved)\n");
    }
    return sb.toString();
  }
}
