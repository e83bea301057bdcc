package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

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
 * <p>Decisions are prebuilt: the decision for a given evidence and rule standing is built once and
 * then returned as the same instance, so after the first join from a place, {@link
 * #decide(Evidence, Meeting, Instant)} and {@link #decide(String, Role, Evidence, Meeting,
 * Instant)} allocate nothing for admits, admit-limiteds and denies alike (given a {@link Meeting}, whose sets
 * are immutable copies), listeners included: listeners receive the participant's id and role and
 * the decision itself, no event object.
 * Every decision names the policy version it was made under and its evidence.
 *
 * <p>Several listeners may be added; each is called in the order added. A listener's exception is
 * caught, counted in {@link #listenerFailures()}, and never changes a decision or stops the next
 * listener.
 *
 * <p>Instances are immutable and thread-safe. Time is always an input: pass the instant, or build
 * with a {@link Clock}.
 */
public final class DecisionEngine {
  private final Policy policy;
  private final CompiledPolicy compiled;
  private final Clock clock;
  private final DecisionListener[] listeners;
  private final LongAdder listenerFailures = new LongAdder();

  private DecisionEngine(Policy policy, Clock clock, List<DecisionListener> listeners) {
    this.policy = policy;
    this.compiled = CompiledPolicy.compile(policy);
    this.clock = clock;
    this.listeners = listeners.toArray(new DecisionListener[0]);
  }

  /** A builder for an engine over {@code policy}. */
  public static Builder builder(Policy policy) {
    return new Builder(policy);
  }

  /** The policy this engine decides by. */
  public Policy policy() {
    return policy;
  }

  /**
   * How many times a listener has thrown since the engine was built. A listener's failure never
   * changes a decision; this count is how it is noticed.
   */
  public long listenerFailures() {
    return listenerFailures.sum();
  }

  /** Decides for {@code participant} now, by the engine's clock. */
  public Decision decide(Participant participant, Meeting meeting) {
    return decide(participant, meeting, clock.instant());
  }

  /**
   * Decides for {@code participant} at {@code at} and reports the decision to every listener, in
   * the order they were added. The role is reported, never decisive. Never throws for a valid
   * policy; an exception from a listener is counted in {@link #listenerFailures()} and never
   * changes the decision.
   *
   * @throws NullPointerException if an argument is null
   */
  public Decision decide(Participant participant, Meeting meeting, Instant at) {
    requireNonNull(participant, "participant");
    Decision d = decide(participant.signals(), meeting, at);
    return report(at, participant.id(), participant.role(), d);
  }

  /**
   * Decides for the participant {@code participantId}, placed by {@code evidence}, at {@code at}
   * and reports the decision to every listener, exactly as {@link #decide(Participant, Meeting,
   * Instant)} does for a participant with that one signal. The join path's form: it needs no
   * {@link Participant} object, so a join with listeners allocates nothing once the decision is
   * prebuilt.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code participantId} is blank
   */
  public Decision decide(
      String participantId, Role role, Evidence evidence, Meeting meeting, Instant at) {
    requireNonNull(participantId, "participantId");
    requireNonNull(role, "role");
    if (participantId.isBlank()) {
      throw new IllegalArgumentException("participant id must not be blank");
    }
    return report(at, participantId, role, decide(evidence, meeting, at));
  }

  private Decision report(Instant at, String participantId, Role role, Decision d) {
    DecisionListener[] ls = listeners;
    for (int i = 0; i < ls.length; i++) {
      try {
        ls[i].onDecision(at, participantId, role, d);
      } catch (RuntimeException e) {
        // A listener's failure must never change or lose a decision, nor starve the next listener.
        listenerFailures.increment();
      }
    }
    return d;
  }

  /**
   * Decides for a participant placed by {@code evidence} at {@code at}; listeners are not called
   * (there is no participant to report).
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
    private final List<DecisionListener> listeners = new ArrayList<>();

    private Builder(Policy policy) {
      this.policy = requireNonNull(policy, "policy");
    }

    /** The clock for calls that do not pass an instant; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Adds a listener that is called once per participant decision; each call adds one, and
     * listeners are called in the order added.
     */
    public Builder listener(DecisionListener listener) {
      listeners.add(requireNonNull(listener, "listener"));
      return this;
    }

    /** Builds the engine, compiling the policy. */
    public DecisionEngine build() {
      return new DecisionEngine(policy, clock, listeners);
    }
  }
}
