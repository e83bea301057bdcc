package io.geoscope.testkit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Generates values of one type from a {@link Source}, and proposes simpler variants of a value.
 *
 * <p>{@link #generate(Source)} must make every choice through the source, so the same seed gives
 * the same value. {@link #shrink(Object)} returns candidates that are each strictly simpler than
 * the value and still valid (a shrunk policy is still accepted by {@code Policy.of}); simplest
 * first. Instances returned by {@link Generators} are immutable and thread-safe.
 *
 * @param <T> the generated type
 */
public interface Arbitrary<T> {

  /** Generates one value, drawing every choice from {@code source}. */
  T generate(Source source);

  /** Simpler valid variants of {@code value}, simplest first; empty if it cannot shrink. */
  default List<T> shrink(T value) {
    return List.of();
  }

  /** The value generated from {@code Source.seeded(seed)}. */
  default T sample(long seed) {
    return generate(Source.seeded(seed));
  }

  /** {@code count} values from one source seeded with {@code seed}. */
  default List<T> samples(long seed, int count) {
    Source source = Source.seeded(seed);
    List<T> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(generate(source));
    }
    return List.copyOf(out);
  }

  /**
   * An arbitrary from a generating function and a shrinking function.
   *
   * @param generate draws one value from a source
   * @param shrink simpler valid variants of a value, simplest first
   */
  static <T> Arbitrary<T> of(Function<Source, T> generate, Function<T, List<T>> shrink) {
    requireNonNull(generate, "generate");
    requireNonNull(shrink, "shrink");
    return new Arbitrary<>() {
      @Override
      public T generate(Source source) {
        return generate.apply(source);
      }

      @Override
      public List<T> shrink(T value) {
        return shrink.apply(value);
      }
    };
  }

  /** An arbitrary from a generating function, with no shrinking. */
  static <T> Arbitrary<T> of(Function<Source, T> generate) {
    return of(generate, v -> List.of());
  }
}
