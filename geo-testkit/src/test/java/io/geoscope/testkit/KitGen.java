package io.geoscope.testkit;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/**
 * Drives the kit's generators from QuickTheories: every draw goes through QuickTheories'
 * randomness source, so QuickTheories reproduces and shrinks the generated policies, rosters and
 * meetings itself (towards the first, simplest choice of every draw). The README shows the same
 * adapter for compliance engineers to copy.
 */
final class KitGen {
  private KitGen() {}

  /** A QuickTheories generator drawing from {@code arbitrary}. */
  static <T> Gen<T> gen(Arbitrary<T> arbitrary) {
    return in -> arbitrary.generate((min, max) -> in.next(Constraint.between(min, max)));
  }

  /** A QuickTheories generator picking one of {@code values}, the first being the simplest. */
  static <T> Gen<T> oneOf(List<T> values) {
    return gen(Generators.oneOf(values));
  }
}
