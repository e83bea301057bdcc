package io.geoscope.testkit;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Where generators draw their choices from: one method returning a number in a closed range.
 *
 * <p>Generators in this kit make every choice through {@link #next(long, long)} and treat smaller
 * draws as simpler values (fewer rules, no optional parts, the first of a list). That lets a
 * framework that shrinks its draws — QuickTheories shrinks each draw towards the bottom of its
 * range — shrink generated policies and rosters without knowing anything about them:
 *
 * <pre>{@code
 * Gen<Policy> policies = in -> Generators.policies()
 *     .generate((min, max) -> in.next(Constraint.between(min, max)));
 * }</pre>
 *
 * <p>{@link #seeded(long)} gives a reproducible source for plain JUnit tests or any other
 * framework that hands out a seed. A seeded source is not thread-safe; use one per thread.
 */
@FunctionalInterface
public interface Source {

  /**
   * Returns a number in {@code [min, max]}, both inclusive.
   *
   * @throws IllegalArgumentException if {@code min > max}
   */
  long next(long min, long max);

  /** Returns an int in {@code [min, max]}, both inclusive. */
  default int nextInt(int min, int max) {
    return (int) next(min, max);
  }

  /**
   * Returns true with roughly {@code percent} per cent probability; a draw of the minimum (the
   * simplest choice) returns false.
   */
  default boolean chance(int percent) {
    return next(0, 99) >= 100 - percent;
  }

  /**
   * Returns one of {@code options}; the first is the simplest choice.
   *
   * @throws IllegalArgumentException if {@code options} is empty
   */
  default <T> T pick(List<T> options) {
    if (options.isEmpty()) {
      throw new IllegalArgumentException("cannot pick from no options");
    }
    return options.get(nextInt(0, options.size() - 1));
  }

  /** A reproducible source: the same seed gives the same draws. Not thread-safe. */
  static Source seeded(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return (min, max) -> {
      if (min > max) {
        throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
      }
      if (max == Long.MAX_VALUE) {
        // nextLong(origin, bound) excludes bound; shift the range down by one instead.
        return min == Long.MIN_VALUE ? random.nextLong() : random.nextLong(min - 1, max) + 1;
      }
      return random.nextLong(min, max + 1);
    };
  }
}
