package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decides, for one participant at a time, whether a law of the participant's jurisdiction restricts
 * them. It can only ever act on that participant: there is no meeting-level or account-level
 * outcome.
 *
 * <p>Build one per policy with {@link #builder(Policy)}; building compiles the policy into tables
 * indexed by jurisdiction, so a decision looks only at the rules whose scope names the
 * participant's jurisdiction or its country (or, for an unknown jurisdiction, the rules with
 * on-unknown {@code apply}). Decisions never depend on the order of rules in the policy.
 *
 * <p>When no rule matches, {@link #decide(Evidence, Meeting, Instant)} and, without a listener,
 * {@link #decide(Participant, Meeting, Instant)} return the constant {@link Decision#admit} and
 * allocate nothing (given a {@link Meeting}, whose sets are immutable copies).
 *
 * <p>Instances are immutable and thread-safe. Time is always an input: pass the instant, or build
 * with a {@link Clock}.
 */
public final class DecisionEngine {
  private final Policy policy;
  private final CompiledPolicy compiled;
  private final Clock clock;
  private final @Nullable DecisionListener listener;

  private DecisionEngine(Policy policy, Clock clock, @Nullable DecisionListener listener) {
    this.policy = policy;
    this.compiled = CompiledPolicy.compile(policy);
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

  /**
   * Decides for {@code participant} at {@code at} and reports the decision to the listener, if
   * any. The role is reported, never decisive. Never throws for a valid policy; an exception from
   * the listener is swallowed and never changes the decision.
   *
   * @throws NullPointerException if an argument is null
   */
  public Decision decide(Participant participant, Meeting meeting, Instant at) {
    requireNonNull(participant, "participant");
    Decision d = decide(participant.signals(), meeting, at);
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

  /**
   * Decides for a participant placed by {@code evidence} at {@code at}; no event is sent.
   *
   * @throws NullPointerException if an argument is null
   */
  public Decision decide(Evidence evidence, Meeting meeting, Instant at) {
    requireNonNull(evidence, "evidence");
    requireNonNull(meeting, "meeting");
    requireNonNull(at, "at");
    return compiled.decide(evidence, meeting, at);
  }

  /**
   * Decides for a participant with these signals at {@code at}; no event is sent. Each rule is
   * bound by its {@link EvidenceStandard}; when the signals disagree at country level the decision
   * records every signal ({@link Decision#conflict()}) and rules with {@code evidence: primary}
   * that are not sanctions rules do not apply. One signal decides exactly as {@link
   * #decide(Evidence, Meeting, Instant)}.
   *
   * @throws NullPointerException if an argument is null
   */
  public Decision decide(Signals signals, Meeting meeting, Instant at) {
    requireNonNull(signals, "signals");
    requireNonNull(meeting, "meeting");
    requireNonNull(at, "at");
    return compiled.decide(signals, meeting, at);
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
