package io.geoscope.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.geoscope.core.AppliedRule;
import io.geoscope.core.Decision;
import io.geoscope.core.Effect;
import io.geoscope.core.Evidence;
import io.geoscope.core.Feature;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.Role;
import io.geoscope.geoip.GeoResolver;
import io.geoscope.policy.LivePolicy;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The decide handler without HTTP: a JSON request in, the decision as JSON out.
 *
 * <p>Request: {@code {"participant": {"id", "role", "address", "dial_in", "site", "declared",
 * "postal_code"}, "meeting": {"tags": [...], "features": [...]}}}; {@code id} is required, {@code
 * role} defaults to {@code attendee}, each signal is optional (precedence: dial_in, site, address,
 * declared). {@code postal_code} places a dial-in, site or declared location relative to the
 * policy's areas; an address located by the database uses the database's postal code.
 * Answer: {@code participant, outcome, admitted, jurisdiction, disabled, notices, reason,
 * reason_key, rules, citations, evidence {source, producer, detail}, policy}. The answer never
 * contains the address; evidence detail names the database field, never the address.
 *
 * <p>Thread-safe: it reads the policy and resolver in service at each call, so their reloads take
 * effect on the next request.
 */
public final class DecisionService {
  /** Longest request body accepted, in bytes. */
  public static final int MAX_REQUEST_BYTES = 16 * 1024;

  private static final int MAX_TAGS = 64;
  private static final int MAX_TEXT = 256;

  private static final ObjectMapper JSON =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(8)
                      .maxStringLength(MAX_TEXT)
                      .maxNameLength(64)
                      .maxNumberLength(32)
                      .maxDocumentLength(MAX_REQUEST_BYTES)
                      .build())
              .build());

  private static final Set<String> TOP = Set.of("participant", "meeting");
  private static final Set<String> PARTICIPANT =
      Set.of("id", "role", "address", "dial_in", "site", "declared", "postal_code");
  private static final Set<String> MEETING = Set.of("tags", "features");

  private final LivePolicy policy;
  private final Signals signals;

  private DecisionService(LivePolicy policy, GeoResolver resolver) {
    this.policy = policy;
    this.signals = new Signals(resolver);
  }

  /** A service over a policy and a resolver in service (both may reload while it runs). */
  public static DecisionService of(LivePolicy policy, GeoResolver resolver) {
    return new DecisionService(requireNonNull(policy, "policy"), requireNonNull(resolver, "resolver"));
  }

  /** The result of one request: the decision and its JSON answer. */
  public record Answer(Decision decision, byte[] json) {
    /** Validates. */
    public Answer {
      requireNonNull(decision, "decision");
      requireNonNull(json, "json");
    }
  }

  /**
   * Decides one participant.
   *
   * @param body the UTF-8 JSON request, at most {@link #MAX_REQUEST_BYTES}
   * @throws BadRequestException naming what was wrong, never echoing a value
   */
  public Answer decide(byte[] body) throws BadRequestException {
    if (body.length > MAX_REQUEST_BYTES) {
      throw new BadRequestException("request body over " + MAX_REQUEST_BYTES + " bytes");
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new BadRequestException("request is not valid JSON or exceeds a limit (depth 8, strings "
          + MAX_TEXT + " characters)");
    } catch (IOException e) {
      throw new BadRequestException("request could not be read");
    }
    if (root == null || !root.isObject()) {
      throw new BadRequestException("request must be a JSON object");
    }
    only(root, TOP, "");
    JsonNode p = root.get("participant");
    if (p == null || !p.isObject()) {
      throw new BadRequestException("participant is required and must be an object");
    }
    only(p, PARTICIPANT, "participant.");
    String id = text(p, "id", "participant.");
    if (id == null || id.isBlank()) {
      throw new BadRequestException("participant.id is required");
    }
    String roleText = text(p, "role", "participant.");
    Role role;
    try {
      role = roleText == null ? Role.ATTENDEE : Role.fromCode(roleText.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("participant.role must be host, co-host, panelist or attendee");
    }
    Evidence where =
        signals.evidence(
            text(p, "dial_in", "participant."),
            text(p, "site", "participant."),
            text(p, "address", "participant."),
            text(p, "declared", "participant."));
    String postal = text(p, "postal_code", "participant.");
    if (postal != null && where.source() != LocationSource.IP_GEOLOCATION
        && where.jurisdiction().isKnown()) {
      // A postal code the caller knows (dial-in area, room system, declared) places them
      // relative to the policy's areas; an IP location keeps its database's own postal code.
      where = policy.policy().areas().placed(where, postal);
    }
    Meeting meeting = meeting(root.get("meeting"));
    Decision d = policy.engine().decide(new Participant(id, role, where), meeting);
    return new Answer(d, render(id, d, where));
  }

  private static Meeting meeting(@Nullable JsonNode m) throws BadRequestException {
    if (m == null || m.isNull()) {
      return Meeting.plain();
    }
    if (!m.isObject()) {
      throw new BadRequestException("meeting must be an object");
    }
    only(m, MEETING, "meeting.");
    Set<String> tags = new LinkedHashSet<>();
    for (String t : strings(m.get("tags"), "meeting.tags")) {
      tags.add(t);
    }
    EnumSet<Feature> features = EnumSet.noneOf(Feature.class);
    for (String f : strings(m.get("features"), "meeting.features")) {
      try {
        features.add(Feature.fromCode(f));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("meeting.features has an unknown feature");
      }
    }
    return new Meeting(tags, features);
  }

  private static java.util.List<String> strings(@Nullable JsonNode a, String field)
      throws BadRequestException {
    if (a == null || a.isNull()) {
      return java.util.List.of();
    }
    if (!a.isArray() || a.size() > MAX_TAGS) {
      throw new BadRequestException(field + " must be an array of at most " + MAX_TAGS + " strings");
    }
    java.util.List<String> out = new java.util.ArrayList<>(a.size());
    for (JsonNode n : a) {
      if (!n.isTextual()) {
        throw new BadRequestException(field + " must contain only strings");
      }
      out.add(n.textValue());
    }
    return out;
  }

  private static void only(JsonNode o, Set<String> allowed, String prefix) throws BadRequestException {
    Iterator<String> names = o.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!allowed.contains(n)) {
        throw new BadRequestException("unknown field " + prefix + sanitize(n) + " (allowed: "
            + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
      }
    }
  }

  /** A field name is shown only if it looks like one, so no address can be echoed through it. */
  private static String sanitize(String name) {
    return name.matches("[a-z_]{1,32}") ? name : "(unnamed)";
  }

  private static @Nullable String text(JsonNode o, String field, String prefix) throws BadRequestException {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new BadRequestException(prefix + field + " must be a string");
    }
    String s = n.textValue();
    return s.isEmpty() ? null : s;
  }

  private byte[] render(String id, Decision d, Evidence ev) {
    ObjectNode o = JSON.createObjectNode();
    o.put("participant", id);
    o.put("outcome", d.outcome().code());
    o.put("admitted", d.admitted());
    o.put("jurisdiction", d.jurisdiction().code());
    ArrayNode disabled = o.putArray("disabled");
    for (Feature f : d.disabledFeatures()) {
      disabled.add(f.code());
    }
    ArrayNode notices = o.putArray("notices");
    for (Effect e : d.effects()) {
      if (e instanceof Effect.Notice n) {
        notices.add(n.key());
      }
    }
    o.put("reason", Reasons.text(d));
    o.put("reason_key", d.reasonKey());
    ArrayNode rules = o.putArray("rules");
    ArrayNode citations = o.putArray("citations");
    for (AppliedRule r : d.applied()) {
      rules.add(r.ruleId());
      citations.add(r.citation());
    }
    ObjectNode evidence = o.putObject("evidence");
    evidence.put("source", ev.source().code());
    evidence.put("producer", ev.producer());
    evidence.put("detail", ev.detail());
    o.put("policy", policy.policy().version());
    try {
      return JSON.writeValueAsBytes(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
