package io.geoscope.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.geoscope.areas.Area;
import io.geoscope.areas.AreaSet;
import io.geoscope.core.AreaRef;
import io.geoscope.core.EvidenceStandard;
import io.geoscope.core.OnUncertain;
import io.geoscope.core.OnAnonymizer;
import io.geoscope.core.OnImprecise;
import io.geoscope.core.Condition;
import io.geoscope.core.Effect;
import io.geoscope.core.Exemption;
import io.geoscope.core.Feature;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.Policy;
import io.geoscope.core.Rule;
import io.geoscope.core.Scope;
import io.geoscope.policy.PolicyFormat;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Writes a policy in the version-1 form {@link PolicyBinder} reads. Every field is written
 * explicitly except an always-true {@code when}, so a reviewer sees the defaults too. Stateless
 * and thread-safe.
 */
final class PolicyWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              // Strings that look like numbers or booleans stay strings for every YAML reader.
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .build());

  private PolicyWriter() {}

  /** The policy as a current-version document. */
  public static String write(Policy policy, PolicyFormat format) {
    ObjectNode root = NODES.objectNode();
    root.put("geoscope", PolicyBinder.FORMAT_VERSION);
    root.put("version", policy.version());
    policy.operator().ifPresent(o -> {
      ObjectNode op = root.putObject("operator");
      op.put("name", o.name());
      ArrayNode to = op.putArray("subject-to");
      o.subjectTo().stream().sorted().forEach(j -> to.add(j.code()));
    });
    if (!policy.authorities().isEmpty()) {
      ArrayNode declared = root.putArray("authorities");
      for (io.geoscope.core.Authority a : policy.authorities()) {
        ObjectNode n = declared.addObject();
        n.put("id", a.id());
        n.put("name", a.name());
        n.put("home", a.home().iterator().next().code());
        a.source().ifPresent(r -> n.put("reference", r));
      }
    }
    if (policy.areas() instanceof AreaSet set && set.size() > 0) {
      ArrayNode areas = root.putArray("areas");
      for (Area a : set.areas()) {
        areas.add(area(a));
      }
    }
    ArrayNode rules = root.putArray("rules");
    for (Rule rule : policy.rules()) {
      rules.add(rule(rule));
    }
    if (!policy.exemptions().isEmpty()) {
      ArrayNode exemptions = root.putArray("exemptions");
      for (Exemption e : policy.exemptions()) {
        exemptions.add(exemption(e));
      }
    }
    try {
      String text =
          (format == PolicyFormat.YAML ? YAML : JSON).writeValueAsString(root);
      return text.endsWith("\n") ? text : text + "\n";
    } catch (JsonProcessingException e) {
      // Writing an in-memory tree to a string has no I/O that could fail.
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode rule(Rule rule) {
    ObjectNode node = NODES.objectNode();
    node.put("id", rule.id());
    node.set("basis", basis(rule.basis()));
    node.set("applies-in", scope(rule.appliesIn()));
    if (!rule.when().isAlways()) {
      node.set("when", condition(rule.when()));
    }
    node.set("effect", effect(rule.effect()));
    node.put("mode", rule.mode().code());
    node.put("on-unknown", rule.onUnknown().code());
    // The evidence settings are written only when not the default, so files written before
    // they existed read and write back unchanged.
    if (rule.evidence() != EvidenceStandard.PRIMARY) {
      node.put("evidence", rule.evidence().code());
    }
    if (rule.onImprecise() != OnImprecise.SKIP) {
      node.put("on-imprecise", rule.onImprecise().code());
    }
    if (rule.onAnonymizer() != OnAnonymizer.IGNORE) {
      node.put("on-anonymizer", rule.onAnonymizer().code());
    }
    if (rule.onUncertain() != OnUncertain.SKIP) {
      node.put("on-uncertain", rule.onUncertain().code());
    }
    return node;
  }

  private static ObjectNode area(Area area) {
    ObjectNode node = NODES.objectNode();
    node.put("id", area.id());
    node.put("name", area.name());
    node.put("country", area.country().code());
    area.subdivision().ifPresent(s -> node.put("subdivision", s.code()));
    node.put("source", area.source());
    if (!area.postalCodes().isEmpty()) {
      node.set("postal-codes", strings(area.postalCodes()));
    }
    if (!area.postalPrefixes().isEmpty()) {
      node.set("postal-code-prefixes", strings(area.postalPrefixes()));
    }
    area.boundary().ifPresent(b -> {
      try {
        // Inline, so the written file stands alone; the definition hash is unchanged.
        node.set("boundary", JSON.readTree(b));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a compiled area's boundary is JSON", e);
      }
    });
    return node;
  }

  private static ObjectNode exemption(Exemption exemption) {
    ObjectNode node = NODES.objectNode();
    node.put("id", exemption.id());
    node.set("basis", basis(exemption.basis()));
    node.set("applies-in", scope(exemption.appliesIn()));
    node.set("lifts", strings(exemption.lifts()));
    return node;
  }

  private static ObjectNode basis(LegalBasis basis) {
    ObjectNode node = NODES.objectNode();
    node.put("authority", basis.authority());
    basis.home().ifPresent(h -> node.put("home", h.code()));
    basis.territory().ifPresent(t -> node.set("territory", scope(t)));
    basis.extraterritorial().ifPresent(s -> node.put("extraterritorial", s));
    node.put("kind", basis.kind().code());
    node.put("citation", basis.citation());
    basis.reference().ifPresent(r -> node.put("reference", r));
    basis.effective().ifPresent(d -> node.put("effective", d.toString()));
    basis.expires().ifPresent(d -> node.put("expires", d.toString()));
    return node;
  }

  private static ObjectNode condition(Condition when) {
    ObjectNode node = NODES.objectNode();
    if (!when.tagsAny().isEmpty()) {
      node.set("tags-any", strings(when.tagsAny()));
    }
    if (!when.tagsAll().isEmpty()) {
      node.set("tags-all", strings(when.tagsAll()));
    }
    if (!when.featuresAny().isEmpty()) {
      node.set("features-any", features(when.featuresAny()));
    }
    return node;
  }

  private static com.fasterxml.jackson.databind.JsonNode effect(Effect effect) {
    if (effect instanceof Effect.Disable d) {
      ObjectNode node = NODES.objectNode();
      node.set("disable", features(d.features()));
      return node;
    }
    if (effect instanceof Effect.Notice n) {
      ObjectNode node = NODES.objectNode();
      node.put("notice", n.key());
      return node;
    }
    return NODES.textNode(effect.kind());
  }

  private static ArrayNode scope(Scope scope) {
    ArrayNode node = NODES.arrayNode();
    for (Jurisdiction j : new TreeSet<>(scope.members())) {
      node.add(j.code());
    }
    for (String id : new TreeSet<>(scope.areas().stream().map(AreaRef::id).toList())) {
      node.add(id);
    }
    return node;
  }

  private static ArrayNode strings(Collection<String> values) {
    ArrayNode node = NODES.arrayNode();
    for (String v : new TreeSet<>(values)) {
      node.add(v);
    }
    return node;
  }

  private static ArrayNode features(Collection<Feature> features) {
    ArrayNode node = NODES.arrayNode();
    for (Feature f : features) {
      node.add(f.code());
    }
    return node;
  }
}
