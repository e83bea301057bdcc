package io.geoscope.policy;

import io.geoscope.policy.PolicyFileProblem.Location;
import java.util.List;
import java.util.Map;

/**
 * A parsed policy document with the file position of every value: maps (keys in file order),
 * lists and scalars. Scalars keep their source text, so {@code NO} stays Norway whatever a YAML
 * 1.1 reader would make of it.
 */
sealed interface Node permits Node.MapNode, Node.ListNode, Node.Scalar {

  /** Where the value starts. */
  Location location();

  /** A short word for messages: "a map", "a list", "a string"... */
  String describe();

  /**
   * A mapping.
   *
   * @param entries the entries in file order; the first wins on duplicate keys (reported)
   * @param keyLocations where each key is written
   */
  record MapNode(Location location, Map<String, Node> entries, Map<String, Location> keyLocations)
      implements Node {
    @Override
    public String describe() {
      return "a map";
    }
  }

  /** A sequence. */
  record ListNode(Location location, List<Node> items) implements Node {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A scalar value.
   *
   * @param text the source text ({@code "null"} or {@code "~"} for null)
   * @param kind what the parser made of it
   */
  record Scalar(Location location, String text, Kind kind) implements Node {
    /** What the parser made of a scalar. */
    public enum Kind {
      /** A string. */
      STRING,
      /** An integer. */
      INTEGER,
      /** A non-integral number. */
      DECIMAL,
      /** A boolean (YAML 1.1 words such as {@code NO} included). */
      BOOLEAN,
      /** An explicit null. */
      NULL
    }

    @Override
    public String describe() {
      return switch (kind) {
        case NULL -> "null";
        case INTEGER, DECIMAL -> "a number";
        case BOOLEAN -> "a boolean";
        default -> "a string";
      };
    }
  }
}
