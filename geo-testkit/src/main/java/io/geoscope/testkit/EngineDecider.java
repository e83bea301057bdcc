package io.geoscope.testkit;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.ParticipantDecision;
import io.geoscope.core.Policy;
import io.geoscope.testkit.Decider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The real engine as a {@link Decider}. Not part of the public API. Thread-safe. */
final class EngineDecider implements Decider {
  /** The one instance; engines are cached per policy identity and dropped with the policy. */
  public static final EngineDecider INSTANCE = new EngineDecider();

  // The checker asks about a handful of policy variants thousands of times; building an engine
  // may compile the policy, so build once per policy object.
  private final LoadingCache<Policy, DecisionEngine> engines =
      CacheBuilder.newBuilder()
          .weakKeys()
          .maximumSize(1024)
          .build(CacheLoader.from(p -> DecisionEngine.builder(p).build()));

  private EngineDecider() {}

  @Override
  public Decision decide(Policy policy, Participant participant, Meeting meeting, Instant at) {
    return engines.getUnchecked(policy).decide(participant, meeting, at);
  }

  @Override
  public List<Decision> decideRoster(
      Policy policy, List<Participant> roster, Meeting meeting, Instant at) {
    List<ParticipantDecision> decided = engines.getUnchecked(policy).decideRoster(roster, meeting, at);
    List<Decision> out = new ArrayList<>(decided.size());
    for (ParticipantDecision d : decided) {
      out.add(d.decision());
    }
    return out;
  }

  @Override
  public String toString() {
    return "DecisionEngine";
  }
}
