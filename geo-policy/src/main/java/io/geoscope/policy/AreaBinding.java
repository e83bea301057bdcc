package io.geoscope.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.geoscope.areas.Area;
import io.geoscope.areas.AreaException;
import io.geoscope.areas.AreaProblem;
import io.geoscope.areas.AreaSet;
import io.geoscope.areas.AreaValidator;
import io.geoscope.core.Jurisdiction;
import io.geoscope.policy.Node.ListNode;
import io.geoscope.policy.Node.MapNode;
import io.geoscope.policy.Node.Scalar;
import io.geoscope.policy.PolicyFileProblem.Code;
import io.geoscope.policy.PolicyFileProblem.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Binds a policy file's top-level {@code areas:} into an {@link AreaSet}: reads each entry's
 * fields, takes a boundary inline (a GeoJSON object in the file) or from a file beside the policy,
 * and turns each of geo-areas' {@link AreaProblem}s into a positioned problem: inside an inline
 * boundary at the very coordinate, otherwise at the field. Every area check is {@link
 * AreaValidator}'s. Not thread-safe: one instance per file.
 */
final class AreaBinding {
  static final Set<String> FIELDS =
      Set.of("id", "name", "country", "subdivision", "source", "postal-codes",
          "postal-code-prefixes", "boundary");

  private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)\\]");
  private static final JsonFactory JSON = new JsonFactory();

  private final String file;
  private final List<PolicyFileProblem> problems;
  /** Every area id written in the file, usable or not: a rule naming a broken area is not "unknown". */
  private final Set<String> written = new HashSet<>();

  AreaBinding(String file, List<PolicyFileProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** True if {@code id} is an area id the file defines (even one refused). */
  boolean defines(String id) {
    return written.contains(id);
  }

  /** The file's areas; those with problems are left out (and the file is refused for them). */
  AreaSet bind(@Nullable Node node) {
    if (node == null || node instanceof Scalar s && s.kind() == Scalar.Kind.NULL) {
      return AreaSet.empty();
    }
    if (!(node instanceof ListNode list)) {
      add(node.location(), Code.INVALID_VALUE, "policy", "areas",
          "'areas' must be a list, not " + node.describe());
      return AreaSet.empty();
    }
    List<Area> usable = new ArrayList<>();
    Map<String, MapNode> nodes = new LinkedHashMap<>();
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      String entry = "areas[" + i + "]";
      if (!(item instanceof MapNode m)) {
        add(item.location(), Code.INVALID_VALUE, entry, "",
            "each entry of 'areas' must be a map, not " + item.describe());
        continue;
      }
      Area area = area(m, entry);
      if (area == null) {
        continue;
      }
      if (nodes.containsKey(area.id())) {
        add(m.entries().get("id").location(), Code.AREA, area.id(), "id",
            "[DUPLICATE_AREA_ID] another area has the id '" + area.id() + "'");
        continue;
      }
      List<AreaProblem> found = AreaValidator.validate(area);
      for (AreaProblem p : found) {
        place(p, m);
      }
      nodes.put(area.id(), m);
      if (found.isEmpty()) {
        usable.add(area);
      }
    }
    try {
      return AreaSet.compile(usable);
    } catch (AreaException e) {
      // Each area passed alone; what is left is what only the set sees.
      for (AreaProblem p : e.problems()) {
        MapNode m = nodes.get(p.area());
        place(p, m == null ? null : m);
      }
      return AreaSet.empty();
    }
  }

  private @Nullable Area area(MapNode m, String entry) {
    for (Map.Entry<String, Location> key : m.keyLocations().entrySet()) {
      if (!FIELDS.contains(key.getKey())) {
        add(key.getValue(), Code.UNKNOWN_FIELD, entry, key.getKey(),
            "unknown field '" + key.getKey() + "'; expected one of "
                + new java.util.TreeSet<>(FIELDS));
      }
    }
    String id = text(m, "id", entry, true);
    String subject = id == null ? entry : id;
    if (id != null) {
      written.add(id);
    }
    String name = text(m, "name", subject, true);
    String source = text(m, "source", subject, true);
    Jurisdiction country = code(m, "country", subject, true);
    Jurisdiction subdivision = code(m, "subdivision", subject, false);
    List<String> codes = codes(m, "postal-codes", subject);
    List<String> prefixes = codes(m, "postal-code-prefixes", subject);
    String boundary = boundary(m, subject);
    if (id == null || name == null || source == null || country == null || codes == null
        || prefixes == null || (m.entries().containsKey("subdivision") && subdivision == null)
        || (m.entries().containsKey("boundary") && boundary == null)) {
      return null;
    }
    Area.Builder b =
        Area.builder(id).name(name).source(source).country(country).postalCodes(codes)
            .postalPrefixes(prefixes);
    if (subdivision != null) {
      b.subdivision(subdivision);
    }
    if (boundary != null) {
      b.boundary(boundary);
    }
    return b.build();
  }

  private @Nullable String text(MapNode m, String key, String subject, boolean required) {
    Node v = m.entries().get(key);
    if (v == null || v instanceof Scalar s && s.kind() == Scalar.Kind.NULL) {
      if (required) {
        add(m.location(), Code.MISSING_FIELD, subject, key, "'" + key + "' is required");
      }
      return null;
    }
    if (!(v instanceof Scalar s) || s.kind() != Scalar.Kind.STRING) {
      add(v.location(), Code.INVALID_VALUE, subject, key,
          "'" + key + "' must be a string, not " + v.describe());
      return null;
    }
    return s.text();
  }

  private @Nullable Jurisdiction code(MapNode m, String key, String subject, boolean required) {
    String text = text(m, key, subject, required);
    if (text == null) {
      return null;
    }
    try {
      return Jurisdiction.of(text);
    } catch (IllegalArgumentException e) {
      add(m.entries().get(key).location(), Code.INVALID_CODE, subject, key,
          shown(String.valueOf(e.getMessage())));
      return null;
    }
  }

  /** The codes of a list field (empty when absent), or null when it is malformed. */
  private @Nullable List<String> codes(MapNode m, String key, String subject) {
    Node v = m.entries().get(key);
    if (v == null || v instanceof Scalar s && s.kind() == Scalar.Kind.NULL) {
      return List.of();
    }
    if (!(v instanceof ListNode list)) {
      add(v.location(), Code.INVALID_VALUE, subject, key,
          "'" + key + "' must be a list of postal codes, not " + v.describe());
      return null;
    }
    List<String> out = new ArrayList<>();
    boolean ok = true;
    for (Node item : list.items()) {
      // Postal codes are strings; a YAML reader's 12345 is the code "12345".
      if (item instanceof Scalar s
          && (s.kind() == Scalar.Kind.STRING || s.kind() == Scalar.Kind.INTEGER)) {
        out.add(s.text());
      } else {
        add(item.location(), Code.INVALID_VALUE, subject, key,
            "a postal code is a string, not " + item.describe());
        ok = false;
      }
    }
    return ok ? out : null;
  }

  /** The boundary's GeoJSON text: the inline object written out, or a file's content. */
  private @Nullable String boundary(MapNode m, String subject) {
    Node v = m.entries().get("boundary");
    if (v == null || v instanceof Scalar s && s.kind() == Scalar.Kind.NULL) {
      return null;
    }
    if (v instanceof MapNode inline) {
      return json(inline);
    }
    if (!(v instanceof Scalar s) || s.kind() != Scalar.Kind.STRING) {
      add(v.location(), Code.INVALID_VALUE, subject, "boundary",
          "'boundary' is a GeoJSON Polygon or MultiPolygon object, or the path of a .geojson"
              + " file beside the policy, not " + v.describe());
      return null;
    }
    return read(s, subject);
  }

  private @Nullable String read(Scalar s, String subject) {
    String name = s.text();
    Path relative;
    try {
      relative = Path.of(name).normalize();
    } catch (InvalidPathException e) {
      add(s.location(), Code.INVALID_VALUE, subject, "boundary",
          "boundary file '" + shown(name) + "' is not a path");
      return null;
    }
    if (relative.isAbsolute() || relative.startsWith("..") || name.isBlank()) {
      add(s.location(), Code.INVALID_VALUE, subject, "boundary",
          "boundary file '" + shown(name) + "' must be a relative path inside"
              + " the policy's directory");
      return null;
    }
    Path policy = Path.of(file).toAbsolutePath();
    Path dir = policy.getParent();
    Path target = (dir == null ? relative : dir.resolve(relative)).normalize();
    try (InputStream in = Files.newInputStream(target)) {
      byte[] bytes = in.readNBytes(AreaValidator.MAX_GEOJSON_CHARS + 1);
      if (bytes.length > AreaValidator.MAX_GEOJSON_CHARS) {
        add(s.location(), Code.AREA, subject, "boundary",
            "[INVALID_GEOJSON] boundary file '" + shown(name)
                + "' is over the limit of " + AreaValidator.MAX_GEOJSON_CHARS + " bytes");
        return null;
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      add(s.location(), Code.INVALID_VALUE, subject, "boundary",
          "boundary file '" + shown(name) + "' cannot be read ("
              + e.getClass().getSimpleName() + ")");
      return null;
    }
  }

  /** Writes a node tree as JSON text (numbers as written, so no precision is lost). */
  static String json(Node node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      write(node, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(Node node, JsonGenerator g) throws IOException {
    if (node instanceof MapNode m) {
      g.writeStartObject();
      for (Map.Entry<String, Node> e : m.entries().entrySet()) {
        g.writeFieldName(e.getKey());
        write(e.getValue(), g);
      }
      g.writeEndObject();
    } else if (node instanceof ListNode l) {
      g.writeStartArray();
      for (Node item : l.items()) {
        write(item, g);
      }
      g.writeEndArray();
    } else {
      Scalar s = (Scalar) node;
      switch (s.kind()) {
        case INTEGER, DECIMAL -> g.writeNumber(s.text());
        case BOOLEAN -> g.writeString(s.text());
        case NULL -> g.writeNull();
        default -> g.writeString(s.text());
      }
    }
  }

  /**
   * Places an area problem: at the node its path names when the boundary is inline (the deepest
   * node the path reaches), else at the field; the path is said in the message either way.
   */
  private void place(AreaProblem p, @Nullable MapNode m) {
    String subject = p.area().isEmpty() ? "areas" : p.area();
    Location at = m == null ? new Location(file, 1, 1) : m.location();
    if (m != null) {
      Node current = m;
      Matcher step = STEP.matcher(p.path());
      while (step.find() && current != null) {
        Node next = null;
        if (step.group(1) != null && current instanceof MapNode map) {
          next = map.entries().get(step.group(1));
        } else if (step.group(2) != null && current instanceof ListNode list) {
          int i = Integer.parseInt(step.group(2));
          next = i < list.items().size() ? list.items().get(i) : null;
        }
        if (next == null) {
          break;
        }
        current = next;
        at = current.location();
      }
    }
    String field = p.path().isEmpty() ? "" : p.path();
    String fromFile =
        m != null && m.entries().get("boundary") instanceof Scalar s
            && p.path().startsWith("boundary")
            ? " (in " + shown(s.text()) + ")"
            : "";
    add(at, Code.AREA, subject, field, "[" + p.code() + "] " + p.message() + fromFile);
  }

  /** A value for a message: at most 60 characters, control and format characters as '?'. */
  private static String shown(String text) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < text.length() && i < 60; i++) {
      char c = text.charAt(i);
      b.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c);
    }
    return text.length() > 60 ? b + "..." : b.toString();
  }

  private void add(Location at, Code code, String subject, String field, String message) {
    problems.add(PolicyFileProblem.of(at, code, subject, field, message));
  }
}
