package io.geoscope.geoip;

import io.geoscope.core.Evidence;
import org.jspecify.annotations.Nullable;

/**
 * Place detail by place id as parallel primitive arrays (see {@link PlaceRecords}). Immutable after
 * construction (the arrays are never exposed) and thread-safe; reads allocate nothing.
 */
final class PlaceTable {
  private final Evidence[] evidence;
  private final String[] postal;
  private final int[] postalOf;
  private final float[] lat;
  private final float[] lon;
  private final short[] radius;

  PlaceTable(
      Evidence[] evidence, String[] postal, int[] postalOf, float[] lat, float[] lon, short[] radius) {
    this.evidence = evidence;
    this.postal = postal;
    this.postalOf = postalOf;
    this.lat = lat;
    this.lon = lon;
    this.radius = radius;
  }

  /** How many places (place 0 is "not in the database"). */
  public int size() {
    return postalOf.length;
  }

  /** The evidence of place {@code i}. */
  public Evidence evidence(int i) {
    return evidence[i];
  }

  /** The postal code of place {@code i}, or null. */
  public @Nullable String postalCode(int i) {
    return postalOf[i] == 0 ? null : postal[postalOf[i]];
  }

  /** Latitude in degrees, or NaN. */
  public double latitude(int i) {
    return lat[i];
  }

  /** Longitude in degrees, or NaN. */
  public double longitude(int i) {
    return lon[i];
  }

  /** Accuracy radius in km, or NaN. */
  public double accuracyRadiusKm(int i) {
    return radius[i] < 0 ? Double.NaN : radius[i];
  }
}
