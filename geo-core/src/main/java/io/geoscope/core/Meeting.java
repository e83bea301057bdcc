package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * What the engine may know about a meeting: its tags and the features in use. Nothing about the
 * host or any account, on purpose. Instances are immutable and thread-safe.
 *
 * @param tags free-form labels the service attaches, e.g. {@code june-fourth}
 * @param featuresInUse features the meeting uses
 */
public record Meeting(Set<String> tags, Set<Feature> featuresInUse) {

  private static final Meeting PLAIN = new Meeting(Set.of(), Set.of());

  /** Copies the sets. */
  public Meeting {
    tags = Immutables.orderedSet(requireNonNull(tags, "tags"));
    featuresInUse =
        Immutables.enumSet(Feature.class, requireNonNull(featuresInUse, "featuresInUse"));
  }

  /** A meeting with no tags and no features in use. */
  public static Meeting plain() {
    return PLAIN;
  }

  /** A meeting with these tags and no features in use. */
  public static Meeting tagged(String... tags) {
    return new Meeting(Immutables.orderedSet(java.util.Arrays.asList(tags)), Set.of());
  }
}
