package io.geoscope.policy;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/** The two spellings of a version-1 policy file. Both describe the same model. */
public enum PolicyFormat {
  /** YAML 1.1 without anchors, aliases or tags: {@code .yaml} or {@code .yml}. */
  YAML,
  /** JSON: {@code .json}. */
  JSON;

  /**
   * The format a file name's extension names.
   *
   * @throws IllegalArgumentException if the name ends in none of {@code .yaml}, {@code .yml},
   *     {@code .json}
   */
  public static PolicyFormat ofFileName(String fileName) {
    requireNonNull(fileName, "fileName");
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return YAML;
    }
    if (lower.endsWith(".json")) {
      return JSON;
    }
    throw new IllegalArgumentException(
        "cannot tell the format of '" + fileName + "': name it .yaml, .yml or .json");
  }
}
