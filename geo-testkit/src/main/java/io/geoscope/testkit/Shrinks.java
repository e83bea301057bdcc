package io.geoscope.testkit;

import com.google.common.collect.ImmutableSet;
import io.geoscope.core.Condition;
import io.geoscope.core.Effect;
import io.geoscope.core.Exemption;
import io.geoscope.core.Feature;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.Role;
import io.geoscope.core.Rule;
import io.geoscope.core.Scope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Domain-aware shrinking: simpler, still valid variants of Geoscope values, simplest first.
 *
 * <p>Policies shrink by dropping every exemption, dropping one rule (with any lift of it, and any
 * exemption left lifting nothing), dropping one exemption, then by shrinking one rule or
 * exemption in place. Rules shrink by narrowing their scope (removing a member) and simplifying
 * their condition; rosters by dropping a participant and setting a role to attendee; meetings by
 * dropping a tag or a feature. Each candidate is strictly smaller, so repeated shrinking ends.
 * Stateless and thread-safe.
 */
public final class Shrinks {
  private Shrinks() {}

  /** Simpler policies: fewer rules and exemptions, narrower scopes, simpler conditions. */
  public static List<Policy> policy(Policy policy) {
    List<Policy> out = new ArrayList<>(droppingParts(policy));
    for (int i = 0; i < policy.rules().size(); i++) {
      for (Rule smaller : rule(policy.rules().get(i))) {
        List<Rule> rules = new ArrayList<>(policy.rules());
        rules.set(i, smaller);
        out.add(PolicyEdits.rebuild(policy, rules, policy.exemptions()));
      }
    }
    for (int i = 0; i < policy.exemptions().size(); i++) {
      for (Exemption smaller : exemption(policy.exemptions().get(i))) {
        List<Exemption> exemptions = new ArrayList<>(policy.exemptions());
        exemptions.set(i, smaller);
        out.add(PolicyEdits.rebuild(policy, policy.rules(), exemptions));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Smaller policies made only by dropping whole rules and exemptions, so every rule left is
   * exactly as written: all exemptions, then each rule (with any lift of it, and any exemption
   * left lifting nothing), then each exemption.
   */
  public static List<Policy> droppingParts(Policy policy) {
    List<Policy> out = new ArrayList<>();
    if (!policy.exemptions().isEmpty()) {
      out.add(PolicyEdits.withoutExemptions(policy, e -> true));
    }
    for (Rule r : policy.rules()) {
      out.add(PolicyEdits.withoutRule(policy, r.id()));
    }
    if (policy.exemptions().size() > 1) {
      for (Exemption e : policy.exemptions()) {
        out.add(PolicyEdits.withoutExemptions(policy, x -> x.id().equals(e.id())));
      }
    }
    return List.copyOf(out);
  }

  /** Simpler rules: a scope with one member fewer, a simpler condition, fewer disabled features. */
  public static List<Rule> rule(Rule rule) {
    List<Rule> out = new ArrayList<>();
    for (Scope narrower : scope(rule.appliesIn())) {
      out.add(
          new Rule(rule.id(), rule.basis(), narrower, rule.when(), rule.effect(), rule.mode(),
              rule.onUnknown()));
    }
    for (Condition simpler : condition(rule.when())) {
      out.add(
          new Rule(rule.id(), rule.basis(), rule.appliesIn(), simpler, rule.effect(), rule.mode(),
              rule.onUnknown()));
    }
    if (rule.effect() instanceof Effect.Disable d && d.features().size() > 1) {
      for (Set<Feature> fewer : without(d.features())) {
        out.add(
            new Rule(rule.id(), rule.basis(), rule.appliesIn(), rule.when(), Effect.disable(fewer),
                rule.mode(), rule.onUnknown()));
      }
    }
    return List.copyOf(out);
  }

  /** Simpler exemptions: a scope with one member fewer, or one lifted rule fewer. */
  public static List<Exemption> exemption(Exemption exemption) {
    List<Exemption> out = new ArrayList<>();
    for (Scope narrower : scope(exemption.appliesIn())) {
      out.add(new Exemption(exemption.id(), exemption.basis(), narrower, exemption.lifts()));
    }
    if (exemption.lifts().size() > 1) {
      for (Set<String> fewer : without(exemption.lifts())) {
        out.add(new Exemption(exemption.id(), exemption.basis(), exemption.appliesIn(), fewer));
      }
    }
    return List.copyOf(out);
  }

  /** Narrower scopes: each with one member removed; none for a single-member scope. */
  public static List<Scope> scope(Scope scope) {
    List<Scope> out = new ArrayList<>();
    if (scope.members().size() > 1) {
      for (Set<Jurisdiction> fewer : without(scope.members())) {
        out.add(new Scope(fewer));
      }
    }
    return List.copyOf(out);
  }

  /** Simpler conditions: always, then each with one tag or feature removed. */
  public static List<Condition> condition(Condition condition) {
    if (condition.isAlways()) {
      return List.of();
    }
    List<Condition> out = new ArrayList<>();
    out.add(Condition.always());
    for (Set<String> fewer : without(condition.tagsAny())) {
      out.add(new Condition(fewer, condition.tagsAll(), condition.featuresAny()));
    }
    for (Set<String> fewer : without(condition.tagsAll())) {
      out.add(new Condition(condition.tagsAny(), fewer, condition.featuresAny()));
    }
    for (Set<Feature> fewer : without(condition.featuresAny())) {
      out.add(new Condition(condition.tagsAny(), condition.tagsAll(), fewer));
    }
    out.remove(condition);
    return List.copyOf(new LinkedHashSet<>(out));
  }

  /** Simpler rosters: one participant fewer (never empty), or one role set to attendee. */
  public static List<List<Participant>> roster(List<Participant> roster) {
    List<List<Participant>> out = new ArrayList<>();
    if (roster.size() > 1) {
      for (int i = 0; i < roster.size(); i++) {
        List<Participant> fewer = new ArrayList<>(roster);
        fewer.remove(i);
        out.add(List.copyOf(fewer));
      }
    }
    for (int i = 0; i < roster.size(); i++) {
      for (Participant simpler : participant(roster.get(i))) {
        List<Participant> changed = new ArrayList<>(roster);
        changed.set(i, simpler);
        out.add(List.copyOf(changed));
      }
    }
    return List.copyOf(out);
  }

  /** Simpler participants: the role set to attendee. */
  public static List<Participant> participant(Participant participant) {
    if (participant.role() == Role.ATTENDEE) {
      return List.of();
    }
    return List.of(new Participant(participant.id(), Role.ATTENDEE, participant.evidence()));
  }

  /** Simpler meetings: one tag or one feature fewer. */
  public static List<Meeting> meeting(Meeting meeting) {
    List<Meeting> out = new ArrayList<>();
    for (Set<String> fewer : without(meeting.tags())) {
      out.add(new Meeting(fewer, meeting.featuresInUse()));
    }
    for (Set<Feature> fewer : without(meeting.featuresInUse())) {
      out.add(new Meeting(meeting.tags(), fewer));
    }
    return List.copyOf(out);
  }

  /** Simpler jurisdictions: a subdivision's country. */
  public static List<Jurisdiction> jurisdiction(Jurisdiction jurisdiction) {
    return jurisdiction.isSubdivision() ? List.of(jurisdiction.country()) : List.of();
  }

  /** Each set with one element removed, in iteration order. */
  private static <T> List<Set<T>> without(Set<T> set) {
    List<Set<T>> out = new ArrayList<>();
    for (T t : set) {
      Set<T> fewer = new LinkedHashSet<>(set);
      fewer.remove(t);
      out.add(ImmutableSet.copyOf(fewer));
    }
    return out;
  }
}
