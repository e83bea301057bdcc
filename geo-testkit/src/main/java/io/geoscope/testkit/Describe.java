package io.geoscope.testkit;

import io.geoscope.core.Condition;
import io.geoscope.core.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Policy-file-like wording for messages. Not part of the public API. Stateless. */
final class Describe {
  private Describe() {}

  /** E.g. {@code tags any of [june-fourth], features any of [recording]}; {@code always}. */
  public static String condition(Condition c) {
    if (c.isAlways()) {
      return "always";
    }
    List<String> parts = new ArrayList<>();
    if (!c.tagsAny().isEmpty()) {
      parts.add("tags any of " + c.tagsAny());
    }
    if (!c.tagsAll().isEmpty()) {
      parts.add("tags all of " + c.tagsAll());
    }
    if (!c.featuresAny().isEmpty()) {
      parts.add("features any of " + features(c.featuresAny()));
    }
    return String.join(", ", parts);
  }

  /** Feature codes, e.g. {@code [recording, chat]}. */
  public static String features(Set<Feature> features) {
    return features.stream().map(Feature::code).collect(Collectors.joining(", ", "[", "]"));
  }
}
