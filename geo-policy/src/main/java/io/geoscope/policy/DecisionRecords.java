package io.geoscope.policy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.geoscope.core.AppliedRule;
import io.geoscope.core.Decision;
import io.geoscope.core.Effect;
import io.geoscope.core.Feature;
import io.geoscope.core.LiftedRule;
import io.geoscope.core.Participant;
import io.geoscope.core.Role;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The audit form of a decision: one JSON object per participant decision, complete without the
 * call that produced it, one line each (JSON Lines) so a log or queue can hold them.
 *
 * <pre>{@code
 * DecisionEngine engine = DecisionEngine.builder(policy)
 *     .listener((at, participantId, role, decision) ->
 *         auditLog.info(DecisionRecords.toJson(at, participantId, role, decision)))
 *     .build();
 * }</pre>
 *
 * <p>The fields, in this order (the form is versioned by {@code "record": "geoscope.decision/1"}):
 *
 * <ul>
 *   <li>{@code record}: {@value #FORM}
 *   <li>{@code at}: the decision instant, ISO-8601 UTC
 *   <li>{@code policyVersion}: the version of the policy that decided
 *   <li>{@code participantId}, {@code role}: the caller's opaque id and the role's code
 *   <li>{@code jurisdiction}: e.g. {@code CN-BJ}, {@code unknown:anonymizer}
 *   <li>{@code outcome}: {@code admit}, {@code admit-limited} or {@code deny}
 *   <li>{@code effects}: objects with {@code kind} ({@code deny-join}, {@code disable}, {@code
 *       notice}) and {@code features} or {@code key}
 *   <li>{@code rules}: applied rules, objects with {@code id}, {@code authority}, {@code citation}
 *       and, when an area placed the participant, {@code area} (e.g. "area zone: inside (postal
 *       code listed)")
 *   <li>{@code shadowRules}: ids of shadow matches; {@code lifted}: objects with {@code rule},
 *       {@code exemption}, {@code citation}
 *   <li>{@code evidence}: {@code source} (e.g. {@code ip-geolocation}), {@code producer} (the
 *       database and its build), {@code detail} (the field that decided)
 *   <li>{@code areas} (only when the evidence placed the participant relative to areas): area id
 *       to {@link io.geoscope.core.Placement} name, e.g. {@code "zone": "UNCERTAIN_STRADDLES_BOUNDARY"}
 * </ul>
 *
 * <p>Never an IP address or phone number: a decision holds none, and this form only writes what
 * the decision and the participant's id and role hold. Stateless and thread-safe.
 */
public final class DecisionRecords {
  /** The value of the {@code record} field: the form's name and version. */
  public static final String FORM = "geoscope.decision/1";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DecisionRecords() {}

  /** The audit record of {@code decision} for {@code participant} at {@code at}, one line. */
  public static String toJson(Instant at, Participant participant, Decision decision) {
    requireNonNull(participant, "participant");
    return toJson(at, participant.id(), participant.role(), decision);
  }

  /**
   * The audit record of {@code decision} for the participant {@code participantId} at {@code at},
   * one line: what a {@link io.geoscope.core.DecisionListener} is given, recorded.
   */
  public static String toJson(Instant at, String participantId, Role role, Decision decision) {
    try {
      return MAPPER.writeValueAsString(toTree(at, participantId, role, decision));
    } catch (JsonProcessingException e) {
      // An in-memory tree written to a string cannot fail on I/O.
      throw new UncheckedIOException(e);
    }
  }

  /** The audit record as a Jackson tree (Jackson stays off the public API). */
  static ObjectNode toTree(Instant at, String participantId, Role role, Decision decision) {
    requireNonNull(at, "at");
    requireNonNull(participantId, "participantId");
    requireNonNull(role, "role");
    requireNonNull(decision, "decision");
    ObjectNode o = Json.object();
    o.put("record", FORM);
    o.put("at", at.toString());
    o.put("policyVersion", decision.policyVersion());
    o.put("participantId", participantId);
    o.put("role", role.code());
    o.put("jurisdiction", decision.jurisdiction().code());
    o.put("outcome", decision.outcome().code());
    ArrayNode effects = o.putArray("effects");
    for (Effect e : decision.effects()) {
      ObjectNode n = effects.addObject().put("kind", e.kind());
      if (e instanceof Effect.Disable d) {
        ArrayNode features = n.putArray("features");
        for (Feature f : d.features()) {
          features.add(f.code());
        }
      } else if (e instanceof Effect.Notice notice) {
        n.put("key", notice.key());
      }
    }
    ArrayNode rules = o.putArray("rules");
    for (AppliedRule a : decision.applied()) {
      ObjectNode r = rules.addObject().put("id", a.ruleId()).put("authority", a.authority())
          .put("citation", a.citation());
      if (!a.area().isEmpty()) {
        r.put("area", a.area());
      }
    }
    o.set("shadowRules", Json.strings(ids(decision.shadowed())));
    ArrayNode lifted = o.putArray("lifted");
    for (LiftedRule l : decision.lifted()) {
      lifted.addObject().put("rule", l.ruleId()).put("exemption", l.exemptionId())
          .put("citation", l.citation());
    }
    o.putObject("evidence")
        .put("source", decision.evidence().source().code())
        .put("producer", decision.evidence().producer())
        .put("detail", decision.evidence().detail());
    if (!decision.evidence().areas().isEmpty()) {
      // Which areas the participant was placed relative to, and by which test: never the
      // postal code or location that placed them.
      ObjectNode areas = o.putObject("areas");
      decision.evidence().areas().asMap().forEach((id, p) -> areas.put(id, p.name()));
    }
    if (decision.conflict().present()) {
      o.put("conflict", decision.conflict().describe());
      o.set("narrowed", Json.strings(decision.conflict().narrowed()));
    }
    return o;
  }

  private static List<String> ids(List<AppliedRule> rules) {
    return rules.stream().map(AppliedRule::ruleId).toList();
  }
}
