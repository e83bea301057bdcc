package io.geoscope.policy;

import io.geoscope.core.AppliedRule;
import io.geoscope.core.AreaPlacements;
import io.geoscope.core.AreaRef;
import io.geoscope.core.Placement;
import io.geoscope.core.Condition;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Evidence;
import io.geoscope.core.Exemption;
import io.geoscope.core.Feature;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LiftedRule;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Meeting;
import io.geoscope.core.Mode;
import io.geoscope.core.OnUnknown;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.Role;
import io.geoscope.core.Rule;
import io.geoscope.policy.PolicyReport.NetExposure;
import io.geoscope.policy.PolicyReport.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import java.util.TreeSet;

/**
 * Computes a report's net exposure by asking the real engine, so the report cannot drift from what
 * the engine does: one representative participant per place the policy names (and the countries
 * and parents of its subdivisions), in one representative meeting per rule condition.
 */
final class NetExposures {
  /** The producer named on the representative participants' evidence. */
  static final String PRODUCER = "policy-report";

  private NetExposures() {}

  /** Every place the net exposure covers: named places, their parents, and unknown if reached. */
  static List<Jurisdiction> placesOf(Policy policy) {
    Set<Jurisdiction> out = new TreeSet<>();
    for (Rule r : policy.rules()) {
      addWithParents(r.appliesIn().places(), out);
    }
    for (Exemption e : policy.exemptions()) {
      addWithParents(e.appliesIn().places(), out);
    }
    List<Jurisdiction> places = new ArrayList<>(out);
    for (Rule r : policy.rules()) {
      if (r.onUnknown() == OnUnknown.APPLY) {
        places.add(Evidence.none().jurisdiction());
        break;
      }
    }
    return places;
  }

  private static void addWithParents(Set<Jurisdiction> members, Set<Jurisdiction> out) {
    for (Jurisdiction j : members) {
      Jurisdiction at = j;
      while (out.add(at) && at.isSubdivision()) {
        at = at.parent();
      }
    }
  }

  /** One condition per distinct rule condition, {@code always} first. */
  static List<Condition> conditionsOf(Policy policy) {
    Set<Condition> out = new LinkedHashSet<>();
    out.add(Condition.always());
    for (Rule r : policy.rules()) {
      out.add(r.when());
    }
    return List.copyOf(out);
  }

  /** The smallest meeting that satisfies {@code when}. */
  static Meeting meetingFor(Condition when) {
    Set<String> tags = new TreeSet<>(when.tagsAll());
    if (!when.tagsAny().isEmpty()) {
      tags.add(new TreeSet<>(when.tagsAny()).first());
    }
    Set<Feature> features = new LinkedHashSet<>();
    if (!when.featuresAny().isEmpty()) {
      features.add(when.featuresAny().iterator().next());
    }
    return new Meeting(tags, features);
  }

  /** The representative participant for {@code where}. */
  static Participant participantIn(Jurisdiction where) {
    Evidence evidence = where.isKnown()
        ? Evidence.of(where, LocationSource.VERIFIED, PRODUCER)
        : Evidence.none();
    return new Participant("report:" + where.code(), Role.ATTENDEE, evidence);
  }

  static List<NetExposure> of(Policy policy, Instant at) {
    DecisionEngine engine = DecisionEngine.builder(policy).build();
    List<NetExposure> out = new ArrayList<>();
    for (Jurisdiction where : placesOf(policy)) {
      rows(policy, engine, where.code(), participantIn(where), where, at, out);
    }
    // Each area as someone verified inside it, and as someone the evidence cannot place.
    for (AreaRef a : policy.areas().refs()) {
      for (Placement p : List.of(Placement.INSIDE_BY_POSTAL_CODE,
          Placement.UNCERTAIN_NO_PLACE_DETAIL)) {
        Evidence e = Evidence.of(a.within(), LocationSource.VERIFIED, PRODUCER)
            .withAreas(AreaPlacements.of(Map.of(a.id(), p)));
        String label = "area " + a.id() + " (" + p.verdict().name().toLowerCase(Locale.ROOT) + ")";
        rows(policy, engine, label, new Participant("report:" + a.id(), Role.ATTENDEE, e), null,
            at, out);
      }
    }
    return dropRepeats(out);
  }

  private static void rows(Policy policy, DecisionEngine engine, String label,
      Participant participant, @Nullable Jurisdiction where, Instant at, List<NetExposure> out) {
    for (Condition when : conditionsOf(policy)) {
      Meeting meeting = meetingFor(when);
      Decision d = engine.decide(participant, meeting, at);
      List<String> why = why(policy, where, meeting, at, d);
      if (!when.isAlways() && why.isEmpty() && d.applied().isEmpty()) {
        continue; // nothing of this condition touches this place
      }
      out.add(new NetExposure(label, when, d.outcome(), d.effects(),
          d.applied().stream().map(AppliedRule::ruleId).toList(), why));
    }
  }

  /** A conditional row that says exactly what the unconditional row says adds nothing. */
  private static List<NetExposure> dropRepeats(List<NetExposure> rows) {
    List<NetExposure> out = new ArrayList<>();
    NetExposure always = null;
    for (NetExposure n : rows) {
      if (n.when().isAlways()) {
        always = n;
      } else if (always != null && always.where().equals(n.where())
          && always.outcome() == n.outcome() && always.effects().equals(n.effects())
          && always.why().equals(n.why())) {
        continue;
      }
      out.add(n);
    }
    return List.copyOf(out);
  }

  /** Why the place is not simply exposed to every rule naming it: lifts, dates, shadow mode. */
  private static List<String> why(
      Policy policy, @Nullable Jurisdiction where, Meeting meeting, Instant at, Decision d) {
    List<String> out = new ArrayList<>();
    for (AppliedRule a : d.applied()) {
      out.add(a.ruleId() + " applies (" + a.citation() + ")"
          + (a.area().isEmpty() ? "" : ", " + a.area()));
    }
    for (LiftedRule l : d.lifted()) {
      out.add(l.ruleId() + " lifted by " + l.exemptionId() + " (" + l.citation() + ")");
    }
    for (AppliedRule s : d.shadowed()) {
      out.add(s.ruleId() + " shadow only: would " + PolicyReport.describe(s.effect())
          + ", changes nothing");
    }
    for (Rule r : policy.rules()) {
      if (where == null || !r.appliesIn().covers(where) || !r.when().matches(meeting)) {
        continue;
      }
      Status status = Status.of(r.basis(), at);
      if (status == Status.EXPIRED) {
        out.add(r.id() + " expired" + r.basis().expires().map(e -> " on " + e).orElse("")
            + (r.mode() == Mode.SHADOW ? " (shadow)" : ""));
      } else if (status == Status.NOT_YET_EFFECTIVE) {
        out.add(r.id() + " not yet effective" + r.basis().effective().map(e -> " (from " + e + ")")
            .orElse("") + (r.mode() == Mode.SHADOW ? " (shadow)" : ""));
      }
    }
    return List.copyOf(out);
  }
}
