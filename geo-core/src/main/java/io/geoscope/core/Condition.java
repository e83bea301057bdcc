package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * When a rule applies, in terms of the meeting: its tags and the features in use. An empty set
 * places no condition. Instances are immutable and thread-safe.
 *
 * @param tagsAny the meeting must carry at least one of these tags (if non-empty)
 * @param tagsAll the meeting must carry all of these tags
 * @param featuresAny at least one of these features must be in use (if non-empty)
 */
public record Condition(Set<String> tagsAny, Set<String> tagsAll, Set<Feature> featuresAny) {

  private static final Condition ALWAYS = new Condition(Set.of(), Set.of(), Set.of());

  /** Copies the sets. */
  public Condition {
    tagsAny = Immutables.orderedSet(requireNonNull(tagsAny, "tagsAny"));
    tagsAll = Immutables.orderedSet(requireNonNull(tagsAll, "tagsAll"));
    featuresAny = Immutables.enumSet(Feature.class, requireNonNull(featuresAny, "featuresAny"));
    for (String t : tagsAny) {
      checkTag(t);
    }
    for (String t : tagsAll) {
      checkTag(t);
    }
  }

  private static void checkTag(String tag) {
    if (tag.isBlank()) {
      throw new IllegalArgumentException("a meeting tag must not be blank");
    }
  }

  /** The condition that always holds. */
  public static Condition always() {
    return ALWAYS;
  }

  /**
   * The condition that the meeting carries at least one of {@code tags}, e.g. {@code
   * Condition.anyTag("june-fourth")}.
   *
   * @throws IllegalArgumentException if no tag is given or a tag is blank
   */
  public static Condition anyTag(String... tags) {
    if (tags.length == 0) {
      throw new IllegalArgumentException("anyTag needs at least one tag");
    }
    return new Condition(Immutables.orderedSet(java.util.Arrays.asList(tags)), Set.of(), Set.of());
  }

  /** True if this condition places no constraint. */
  public boolean isAlways() {
    return tagsAny.isEmpty() && tagsAll.isEmpty() && featuresAny.isEmpty();
  }

  /** True if the meeting satisfies this condition. Allocation-free. */
  public boolean matches(Meeting meeting) {
    if (!tagsAny.isEmpty() && !intersects(tagsAny, meeting.tags())) {
      return false;
    }
    if (!tagsAll.isEmpty() && !meeting.tags().containsAll(tagsAll)) {
      return false;
    }
    return featuresAny.isEmpty() || intersects(featuresAny, meeting.featuresInUse());
  }

  private static <T> boolean intersects(Set<T> wanted, Set<T> present) {
    for (T t : wanted) {
      if (present.contains(t)) {
        return true;
      }
    }
    return false;
  }
}
