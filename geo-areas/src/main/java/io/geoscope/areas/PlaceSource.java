package io.geoscope.areas;

import io.geoscope.core.Jurisdiction;
import org.jspecify.annotations.Nullable;

/**
 * Distinct places a resolver can report, numbered 0 to {@code size() - 1}, for {@link
 * AreaSet#precompute}: each with its jurisdiction, postal code and location circle. A GeoIP City
 * database gives one per distinct location record; the precomputed table then answers every lookup
 * with an array read.
 *
 * <p>Implementations must answer the same for the same index for as long as the table is in use.
 */
public interface PlaceSource {
  /** How many places. */
  int size();

  /** The jurisdiction of place {@code i}. */
  Jurisdiction jurisdiction(int i);

  /** The postal code of place {@code i} as the source spells it, or null when unknown. */
  @Nullable String postalCode(int i);

  /** Latitude in degrees (WGS 84), or NaN when place {@code i} has no location. */
  double latitude(int i);

  /** Longitude in degrees (WGS 84), or NaN when place {@code i} has no location. */
  double longitude(int i);

  /**
   * The radius in kilometres around the location within which the source says the place lies
   * (MaxMind's {@code accuracy_radius}), or NaN when unknown. A location without a radius is not
   * used for boundary tests: a point alone claims more certainty than any database has.
   */
  double accuracyRadiusKm(int i);
}
