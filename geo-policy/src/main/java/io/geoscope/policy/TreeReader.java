package io.geoscope.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.geoscope.policy.PolicyFileProblem;
import io.geoscope.policy.PolicyFileProblem.Code;
import io.geoscope.policy.PolicyFileProblem.Location;
import io.geoscope.policy.PolicyFileException;
import io.geoscope.policy.PolicyFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a policy document into a {@link Node} tree, refusing hostile input in bounded time and
 * memory: documents over {@link #MAX_DOCUMENT_CHARS}, nesting over {@link #MAX_DEPTH}, scalars
 * over {@link #MAX_SCALAR_CHARS}, more than {@link #MAX_TOKENS} tokens, and any YAML anchor,
 * alias or explicit tag. Aliases are refused rather than expanded, so an alias bomb costs nothing
 * beyond reading its first anchor. Stateless and thread-safe.
 */
final class TreeReader {
  /** Largest document accepted, in characters (also the file-size cap, in bytes). */
  public static final int MAX_DOCUMENT_CHARS = 1 << 20;
  /** Deepest nesting accepted; a v1 policy needs 5. */
  public static final int MAX_DEPTH = 16;
  /** Longest scalar or key accepted, in characters. */
  public static final int MAX_SCALAR_CHARS = 8 * 1024;
  /** Most tokens accepted in one document (a few thousand rules). */
  public static final int MAX_TOKENS = 200_000;

  // Only the constraints Jackson 2.15 (the oldest supported line) has: maxNameLength and
  // maxDocumentLength came in 2.16, maxTokenCount in 2.18 and would fail with NoSuchMethodError
  // beside an older Jackson. The document length is checked before parsing, key length in
  // boundedText, and the token count by TokenBudget.
  private static final StreamReadConstraints CONSTRAINTS =
      StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxStringLength(MAX_SCALAR_CHARS)
          // Numbers are kept as text, never converted; the default cap is plenty.
          .maxNumberLength(1000)
          .build();

  private static final JsonFactory JSON =
      JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
  private static final YAMLFactory YAML =
      YAMLFactory.builder()
          .loaderOptions(loaderOptions())
          .streamReadConstraints(CONSTRAINTS)
          .build();

  private TreeReader() {}

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    // Jackson reads YAML events, not composed nodes, so aliases are never expanded here and are
    // refused outright below; these limits are a second line should that ever change.
    options.setMaxAliasesForCollections(10);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_DOCUMENT_CHARS);
    options.setAllowDuplicateKeys(false);
    options.setTagInspector(tag -> false);
    return options;
  }

  /**
   * Parses {@code content}. Well-formed documents yield a tree plus any duplicate-key problems in
   * {@code problems}; malformed or hostile ones throw.
   *
   * @throws PolicyFileException with one {@link Code#SYNTAX} problem naming the position
   */
  public static Node read(
      String content, String file, PolicyFormat format, List<PolicyFileProblem> problems)
      throws PolicyFileException {
    if (content.length() > MAX_DOCUMENT_CHARS) {
      throw syntax(
          new Location(file, 1, 1),
          "the document has " + content.length() + " characters; the limit is "
              + MAX_DOCUMENT_CHARS);
    }
    try (JsonParser parser =
        new TokenBudget(
            format == PolicyFormat.YAML ? YAML.createParser(content) : JSON.createParser(content))) {
      JsonToken first = next(parser, file);
      if (first == null) {
        throw syntax(new Location(file, 1, 1), "the document is empty");
      }
      Node root = readValue(parser, file, problems);
      JsonToken trailing = next(parser, file);
      if (trailing != null) {
        throw syntax(locationOf(parser, file), "unexpected content after the document");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      Location location =
          where == null
              ? new Location(file, 1, 1)
              : new Location(file, Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()));
      throw syntax(location, oneLine(e.getOriginalMessage()));
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // SnakeYAML signals some malformed input with unchecked exceptions; every one is a bad file.
      throw syntax(new Location(file, 1, 1), "not well-formed: " + oneLine(e.getMessage()));
    }
  }

  private static @Nullable JsonToken next(JsonParser parser, String file)
      throws IOException, PolicyFileException {
    JsonToken token = parser.nextToken();
    if (token != null
        && parser instanceof TokenBudget budget
        && budget.delegate() instanceof YAMLParser yaml) {
      refuseYamlExtras(yaml, file);
    }
    return token;
  }

  private static void refuseYamlExtras(YAMLParser parser, String file)
      throws IOException, PolicyFileException {
    if (parser.isCurrentAlias()) {
      throw syntax(
          locationOf(parser, file),
          "YAML aliases ('*" + parser.getText() + "') are not allowed in policy files");
    }
    Object anchor = parser.getObjectId();
    if (anchor != null) {
      throw syntax(
          locationOf(parser, file),
          "YAML anchors ('&" + anchor + "') are not allowed in policy files");
    }
    String tag = parser.getTypeId();
    if (tag != null) {
      throw syntax(
          locationOf(parser, file),
          "YAML tags ('" + tag + "') are not allowed in policy files");
    }
  }

  private static Node readValue(JsonParser parser, String file, List<PolicyFileProblem> problems)
      throws IOException, PolicyFileException {
    Location at = locationOf(parser, file);
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> readMap(parser, file, at, problems);
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        while (next(parser, file) != JsonToken.END_ARRAY) {
          items.add(readValue(parser, file, problems));
        }
        yield new Node.ListNode(at, List.copyOf(items));
      }
      case VALUE_STRING ->
          new Node.Scalar(at, boundedText(parser, at), Node.Scalar.Kind.STRING);
      case VALUE_NUMBER_INT ->
          new Node.Scalar(at, boundedText(parser, at), Node.Scalar.Kind.INTEGER);
      case VALUE_NUMBER_FLOAT ->
          new Node.Scalar(at, boundedText(parser, at), Node.Scalar.Kind.DECIMAL);
      case VALUE_TRUE, VALUE_FALSE ->
          new Node.Scalar(at, boundedText(parser, at), Node.Scalar.Kind.BOOLEAN);
      case VALUE_NULL -> new Node.Scalar(at, boundedText(parser, at), Node.Scalar.Kind.NULL);
      default -> throw syntax(at, "unexpected " + token);
    };
  }

  private static Node readMap(
      JsonParser parser, String file, Location at, List<PolicyFileProblem> problems)
      throws IOException, PolicyFileException {
    Map<String, Node> entries = new LinkedHashMap<>();
    Map<String, Location> keys = new LinkedHashMap<>();
    while (next(parser, file) == JsonToken.FIELD_NAME) {
      Location keyAt = locationOf(parser, file);
      String key = boundedText(parser, keyAt);
      next(parser, file);
      Node value = readValue(parser, file, problems);
      if (entries.containsKey(key)) {
        problems.add(
            PolicyFileProblem.of(
                keyAt, Code.SYNTAX, "policy", key, "key '" + key + "' appears twice in a map"));
        continue;
      }
      entries.put(key, value);
      keys.put(key, keyAt);
    }
    return new Node.MapNode(at, entries, keys);
  }

  private static String boundedText(JsonParser parser, Location at)
      throws IOException, PolicyFileException {
    String text = parser.getText();
    if (text.length() > MAX_SCALAR_CHARS) {
      throw syntax(
          at, "a value of " + text.length() + " characters exceeds the length limit of " + MAX_SCALAR_CHARS);
    }
    return text;
  }

  private static Location locationOf(JsonParser parser, String file) {
    JsonLocation l = parser.currentTokenLocation();
    return new Location(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
  }

  /** A parser message on one line, without the long source excerpts SnakeYAML adds. */
  private static String oneLine(@Nullable String message) {
    if (message == null) {
      return "unreadable input";
    }
    String flat = message.replaceAll("\\s+", " ").trim();
    return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
  }

  /** Refuses a document past {@link #MAX_TOKENS} tokens, on any Jackson 2.15+. Not shared. */
  private static final class TokenBudget extends JsonParserDelegate {
    private int tokens;

    TokenBudget(JsonParser parser) {
      super(parser);
    }

    @Override
    public @Nullable JsonToken nextToken() throws IOException {
      JsonToken token = super.nextToken();
      if (token != null && ++tokens > MAX_TOKENS) {
        throw new JsonParseException(
            this, "the document has more than " + MAX_TOKENS + " tokens, the limit");
      }
      return token;
    }
  }

  static PolicyFileException syntax(Location at, String message) {
    return new PolicyFileException(
        List.of(PolicyFileProblem.of(at, Code.SYNTAX, "policy", "", message)));
  }
}
