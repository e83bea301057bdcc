package io.geoscope.engine;

import io.geoscope.testkit.Arbitrary;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/**
 * geo-testkit's generators as QuickTheories generators: every draw goes through QuickTheories'
 * randomness source, so QuickTheories reproduces and shrinks generated policies, rosters and
 * signals itself, towards the first (simplest) choice of every draw. The adapter the README shows
 * compliance engineers; our engine properties use the kit exactly as they would.
 */
final class Kit {
  private Kit() {}

  /** A QuickTheories generator drawing from {@code arbitrary}. */
  static <T> Gen<T> gen(Arbitrary<T> arbitrary) {
    return in -> arbitrary.generate((min, max) -> in.next(Constraint.between(min, max)));
  }

}
