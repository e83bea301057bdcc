package io.geoscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.geoscope.core.AppliedRule;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionMessages;
import io.geoscope.core.Effect;
import io.geoscope.core.Evidence;
import io.geoscope.core.Feature;
import io.geoscope.core.LiftedRule;
import io.geoscope.core.Participant;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a participant's decision as one tab-separated text line or one JSON object. Neither
 * carries an IP address: evidence is its source, producer and detail.
 *
 * <p>Text columns: {@code id, jurisdiction, outcome, effects, rules, citations, lifted, evidence,
 * conflict}; lists are joined with {@code ,} (citations with {@code ; }) and an empty list is
 * {@code -}. {@code conflict} is {@code -}, or when the participant's signals disagree every signal
 * with its jurisdiction and the rules the dispute kept from applying.
 *
 * <p>Thread-safe.
 */
final class DecisionFormat {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The words shown to the person; English, as the rest of the CLI's output. */
  static final DecisionMessages WORDS = DecisionMessages.forLocale(java.util.Locale.ENGLISH);

  private DecisionFormat() {}

  /** An effect as written on the command line: {@code deny-join}, {@code disable:recording+chat}, {@code notice:key}. */
  static String effect(Effect e) {
    if (e instanceof Effect.Disable d) {
      List<String> codes = new ArrayList<>();
      for (Feature f : d.features()) {
        codes.add(f.code());
      }
      return "disable:" + String.join("+", codes);
    }
    if (e instanceof Effect.Notice n) {
      return "notice:" + n.key();
    }
    return e.kind();
  }

  static List<String> effects(Decision d) {
    List<String> out = new ArrayList<>();
    for (Effect e : d.effects()) {
      out.add(effect(e));
    }
    return out;
  }

  static List<String> rules(Decision d) {
    List<String> out = new ArrayList<>();
    for (AppliedRule a : d.applied()) {
      out.add(a.ruleId());
    }
    return out;
  }

  static List<String> citations(Decision d) {
    List<String> out = new ArrayList<>();
    for (AppliedRule a : d.applied()) {
      if (!out.contains(a.citation())) {
        out.add(a.citation());
      }
    }
    return out;
  }

  /** The evidence as {@code source producer detail}, e.g. {@code ip-geolocation Demo subdivisions[0]}. */
  static String evidence(Evidence e) {
    StringBuilder b = new StringBuilder(e.source().code());
    if (!e.producer().isEmpty()) {
      b.append(' ').append(e.producer());
    }
    if (!e.detail().isEmpty()) {
      b.append(" [").append(e.detail()).append(']');
    }
    return b.toString();
  }

  /** One tab-separated line, without the line separator. */
  static String text(Participant p, Decision d) {
    List<String> lifted = new ArrayList<>();
    for (LiftedRule l : d.lifted()) {
      lifted.add(l.ruleId() + " by " + l.exemptionId());
    }
    return String.join(
        "\t",
        p.id(),
        d.jurisdiction().code(),
        d.outcome().code(),
        join(effects(d), ","),
        join(rules(d), ","),
        join(citations(d), "; "),
        join(lifted, ","),
        evidence(p.evidence()),
        conflict(d));
  }

  /** {@code -}, or e.g. {@code dial-in US-CA, ip-geolocation CN; narrowed ca-notice}. */
  static String conflict(Decision d) {
    if (!d.conflict().present()) {
      return "-";
    }
    String narrowed = d.conflict().narrowed().isEmpty()
        ? "" : "; narrowed " + String.join(",", d.conflict().narrowed());
    return d.conflict().describe() + narrowed;
  }

  private static String join(List<String> items, String separator) {
    return items.isEmpty() ? "-" : String.join(separator, items);
  }

  /** One JSON object on one line, without the line separator. */
  static String json(Participant p, Decision d) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", p.id());
    n.put("role", p.role().code());
    n.put("jurisdiction", d.jurisdiction().code());
    n.put("outcome", d.outcome().code());
    strings(n.putArray("effects"), effects(d));
    strings(n.putArray("rules"), rules(d));
    strings(n.putArray("citations"), citations(d));
    ArrayNode authorities = n.putArray("authorities");
    for (AppliedRule a : d.applied()) {
      authorities.add(a.authority());
    }
    ArrayNode lifted = n.putArray("lifted");
    for (LiftedRule l : d.lifted()) {
      lifted.addObject()
          .put("rule", l.ruleId())
          .put("exemption", l.exemptionId())
          .put("citation", l.citation());
    }
    ArrayNode shadowed = n.putArray("shadowed");
    for (AppliedRule a : d.shadowed()) {
      shadowed.add(a.ruleId());
    }
    n.put("policyVersion", d.policyVersion());
    n.put("message", WORDS.reason(d));
    strings(n.putArray("notices"), WORDS.notices(d));
    Evidence e = p.evidence();
    n.putObject("evidence")
        .put("source", e.source().code())
        .put("producer", e.producer())
        .put("detail", e.detail());
    ArrayNode signals = n.putArray("signals");
    for (Evidence s : p.signals().all()) {
      signals.addObject()
          .put("source", s.source().code())
          .put("jurisdiction", s.jurisdiction().code())
          .put("producer", s.producer())
          .put("detail", s.detail());
    }
    if (d.conflict().present()) {
      ObjectNode c = n.putObject("conflict");
      strings(c.putArray("narrowed"), d.conflict().narrowed());
      c.put("explanation", d.describe());
    }
    return n.toString();
  }

  private static void strings(ArrayNode array, List<String> items) {
    for (String s : items) {
      array.add(s);
    }
  }
}
