package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides, for one participant at a time, whether a law of the participant's jurisdiction restricts
 * them. It can only ever act on that participant: there is no meeting-level or account-level
 * outcome.
 *
 * <p>Build one per policy with {@link #builder(Policy)}; instances are immutable and thread-safe.
 * Time is always an input: pass the instant, or build with a {@link Clock}.
 */
public final class DecisionEngine {
  private final Policy policy;
  private final Clock clock;
  private final @Nullable DecisionListener listener;

  private DecisionEngine(Policy policy, Clock clock, @Nullable DecisionListener listener) {
    this.policy = policy;
    this.clock = clock;
    this.listener = listener;
  }

  /** A builder for an engine over {@code policy}. */
  public static Builder builder(Policy policy) {
    return new Builder(policy);
  }

  /** The policy this engine decides by. */
  public Policy policy() {
    return policy;
  }

  /** Decides for {@code participant} now, by the engine's clock. */
  public Decision decide(Participant participant, Meeting meeting) {
    return decide(participant, meeting, clock.instant());
  }

  /** Decides for {@code participant} at {@code at}. Never throws for a valid policy. */
  public Decision decide(Participant participant, Meeting meeting, Instant at) {
    requireNonNull(participant, "participant");
    Decision d = decide(participant.evidence(), meeting, at);
    DecisionListener l = listener;
    if (l != null) {
      try {
        l.onDecision(DecisionEvent.of(at, policy.version(), participant, d));
      } catch (RuntimeException ignored) {
        // A listener's failure must never change or lose a decision.
      }
    }
    return d;
  }

  /** Decides for a participant placed by {@code evidence} at {@code at}; no event is sent. */
  public Decision decide(Evidence evidence, Meeting meeting, Instant at) {
    requireNonNull(evidence, "evidence");
    requireNonNull(meeting, "meeting");
    requireNonNull(at, "at");
    return evaluate(policy, evidence, meeting, at);
  }

  /** Decides for every participant; one decision each, in roster order, nothing meeting-level. */
  public List<ParticipantDecision> decideRoster(
      List<Participant> roster, Meeting meeting, Instant at) {
    List<ParticipantDecision> out = new ArrayList<>(roster.size());
    for (Participant p : roster) {
      out.add(new ParticipantDecision(p.id(), p.role(), decide(p, meeting, at)));
    }
    return out;
  }

  /** Decides for every participant now, by the engine's clock. */
  public List<ParticipantDecision> decideRoster(List<Participant> roster, Meeting meeting) {
    return decideRoster(roster, meeting, clock.instant());
  }

  /** Plain evaluation over every rule, in the clearest form. */
  static Decision evaluate(Policy policy, Evidence evidence, Meeting meeting, Instant at) {
    Jurisdiction j = evidence.jurisdiction();
    List<Rule> matched = new ArrayList<>();
    for (Rule rule : policy.rules()) {
      boolean inScope = j.isKnown() ? rule.appliesIn().covers(j) : rule.onUnknown() == OnUnknown.APPLY;
      if (inScope && rule.basis().inForceAt(at) && rule.when().matches(meeting)) {
        matched.add(rule);
      }
    }
    if (matched.isEmpty()) {
      return Decision.admit(j);
    }
    return assemble(policy, evidence, matched, at);
  }

  static Decision assemble(Policy policy, Evidence evidence, List<Rule> matched, Instant at) {
    Jurisdiction j = evidence.jurisdiction();
    List<Rule> sorted = new ArrayList<>(matched);
    sorted.sort(Comparator.comparing(Rule::id));
    List<AppliedRule> applied = new ArrayList<>();
    List<AppliedRule> shadowed = new ArrayList<>();
    List<LiftedRule> lifted = new ArrayList<>();
    List<Effect> effects = new ArrayList<>();
    for (Rule rule : sorted) {
      Exemption lifter = lifter(policy, rule, j, at);
      if (lifter != null) {
        lifted.add(new LiftedRule(rule.id(), lifter.id(), lifter.basis().citation()));
      } else if (rule.mode() == Mode.SHADOW) {
        shadowed.add(AppliedRule.of(rule, evidence));
      } else {
        applied.add(AppliedRule.of(rule, evidence));
        effects.add(rule.effect());
      }
    }
    if (applied.isEmpty() && shadowed.isEmpty() && lifted.isEmpty()) {
      return Decision.admit(j);
    }
    List<Effect> normalized = Decision.normalize(effects);
    Outcome outcome =
        normalized.isEmpty()
            ? Outcome.ADMIT
            : normalized.get(0) instanceof Effect.DenyJoin ? Outcome.DENY : Outcome.ADMIT_LIMITED;
    Map<String, String> params = new java.util.LinkedHashMap<>();
    params.put("jurisdiction", j.code());
    AppliedRule decisive = decisive(applied, outcome);
    if (decisive != null) {
      params.put("rule", decisive.ruleId());
      params.put("authority", decisive.authority());
      params.put("citation", decisive.citation());
    }
    return new Decision(
        j, outcome, normalized, applied, shadowed, lifted, "geoscope." + outcome.code(), params);
  }

  private static @Nullable AppliedRule decisive(List<AppliedRule> applied, Outcome outcome) {
    for (AppliedRule a : applied) {
      if (outcome != Outcome.DENY || a.effect() instanceof Effect.DenyJoin) {
        return a;
      }
    }
    return null;
  }

  private static @Nullable Exemption lifter(Policy policy, Rule rule, Jurisdiction j, Instant at) {
    if (!j.isKnown()) {
      return null;
    }
    Exemption best = null;
    for (Exemption e : policy.exemptions()) {
      if (e.lifts().contains(rule.id()) && e.appliesIn().covers(j) && e.basis().inForceAt(at)) {
        if (best == null || e.id().compareTo(best.id()) < 0) {
          best = e;
        }
      }
    }
    return best;
  }

  /** Builds a {@link DecisionEngine}. Not thread-safe. */
  public static final class Builder {
    private final Policy policy;
    private Clock clock = Clock.systemUTC();
    private @Nullable DecisionListener listener;

    private Builder(Policy policy) {
      this.policy = requireNonNull(policy, "policy");
    }

    /** The clock for calls that do not pass an instant; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** A listener that receives one event per participant decision. */
    public Builder listener(DecisionListener listener) {
      this.listener = requireNonNull(listener, "listener");
      return this;
    }

    /** Builds the engine, compiling the policy. */
    public DecisionEngine build() {
      return new DecisionEngine(policy, clock, listener);
    }
  }
}
