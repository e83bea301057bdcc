package io.geoscope.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The empty set of areas of {@link Areas#none()}. */
final class NoAreas implements Areas {
  static final NoAreas INSTANCE = new NoAreas();

  private NoAreas() {}

  @Override
  public List<AreaRef> refs() {
    return List.of();
  }

  @Override
  public AreaPlacements place(
      Jurisdiction where, @Nullable String postalCode, double latitude, double longitude,
      double radiusKm) {
    return AreaPlacements.none();
  }

  @Override
  public String toString() {
    return "Areas[]";
  }
}
