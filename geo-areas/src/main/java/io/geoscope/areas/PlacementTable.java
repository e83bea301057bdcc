package io.geoscope.areas;

import io.geoscope.core.Placement;

/**
 * Every area's {@link Placement} of every place of a {@link PlaceSource}, computed once by {@link
 * AreaSet#precompute}; {@link #placement} is an array read that allocates nothing.
 *
 * <p>Immutable and thread-safe.
 */
public final class PlacementTable {
  private static final Placement[] PLACEMENTS = Placement.values();

  private final byte[][] byArea;
  private final int places;

  PlacementTable(byte[][] byArea, int places) {
    this.byArea = byArea;
    this.places = places;
  }

  /**
   * Area {@code area}'s placement of place {@code place}.
   *
   * @throws ArrayIndexOutOfBoundsException if either index is out of range
   */
  public Placement placement(int area, int place) {
    return PLACEMENTS[byArea[area][place]];
  }

  /** How many areas. */
  public int areas() {
    return byArea.length;
  }

  /** How many places. */
  public int places() {
    return places;
  }
}
