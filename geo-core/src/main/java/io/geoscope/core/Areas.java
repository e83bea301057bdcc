package io.geoscope.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The areas a policy defines, compiled: their references and a way to place a participant relative
 * to each of them. geo-areas' {@code AreaSet} is the implementation; geo-core only reads the
 * result. Placing runs the geometric and postal-code tests and may allocate: it is meant to run
 * once per distinct place ahead of joins (a resolver does it per location record at load), so a
 * join reads prebuilt {@link AreaPlacements} from its {@link Evidence}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Areas {

  /** Every area, in policy order. */
  List<AreaRef> refs();

  /**
   * The placements, relative to every area of {@code where}'s country, of a participant resolved to
   * {@code where} with {@code postalCode} (or null) and a location circle (latitude and longitude in
   * degrees, radius in kilometres; NaN when unknown). Areas in other countries are left out: the
   * engine never applies them there.
   */
  AreaPlacements place(
      Jurisdiction where, @Nullable String postalCode, double latitude, double longitude,
      double radiusKm);

  /**
   * {@code evidence} with its placements for a postal code (dial-in or declared evidence), or for
   * its jurisdiction alone when {@code postalCode} is null. Allocates: for joins that carry a
   * postal code by hand, not for resolver lookups.
   */
  default Evidence placed(Evidence evidence, @Nullable String postalCode) {
    AreaPlacements p =
        place(evidence.jurisdiction(), postalCode, Double.NaN, Double.NaN, Double.NaN);
    return p.equals(evidence.areas()) ? evidence : evidence.withAreas(p);
  }

  /** No areas: every placement is empty. */
  static Areas none() {
    return NoAreas.INSTANCE;
  }
}
