package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Immutable copies that keep the caller's order and refuse nulls, so that values built from the
 * same input render the same way on every run ({@link Set#copyOf} iterates in an order that changes
 * between runs). JDK only: geo-core depends on nothing else.
 */
final class Immutables {
  private Immutables() {}

  /** An unmodifiable copy in first-seen order; a null element is a {@link NullPointerException}. */
  static <T> Set<T> orderedSet(Collection<? extends T> values) {
    requireNonNull(values, "values");
    if (values.isEmpty()) {
      return Set.of();
    }
    LinkedHashSet<T> copy = new LinkedHashSet<>(values.size() * 2);
    for (T v : values) {
      copy.add(requireNonNull(v, "element"));
    }
    return Collections.unmodifiableSet(copy);
  }

  /** An unmodifiable enum set (declaration order); a null element is an NPE. */
  static <E extends Enum<E>> Set<E> enumSet(Class<E> type, Collection<E> values) {
    requireNonNull(values, "values");
    EnumSet<E> copy = EnumSet.noneOf(type);
    for (E v : values) {
      copy.add(requireNonNull(v, "element"));
    }
    return Collections.unmodifiableSet(copy);
  }

  /** An unmodifiable map copy in the caller's order; null keys or values are an NPE. */
  static <K, V> Map<K, V> orderedMap(Map<? extends K, ? extends V> values) {
    requireNonNull(values, "values");
    if (values.isEmpty()) {
      return Map.of();
    }
    LinkedHashMap<K, V> copy = new LinkedHashMap<>(values.size() * 2);
    values.forEach((k, v) -> copy.put(requireNonNull(k, "key"), requireNonNull(v, "value")));
    return Collections.unmodifiableMap(copy);
  }
}
