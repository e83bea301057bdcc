package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Where one participant stands relative to the areas of their country: a {@link Placement} per
 * area id, computed ahead of the join (see {@link Areas#place}) and carried by their {@link
 * Evidence}. An area it does not list is {@link Placement#UNCERTAIN_NO_PLACE_DETAIL}.
 *
 * <p>Reading a placement is a scan of a small array and allocates nothing. Instances are immutable
 * and thread-safe; equality is by value.
 */
public final class AreaPlacements {
  private static final AreaPlacements NONE = new AreaPlacements(new String[0], new Placement[0]);

  private final String[] ids;
  private final Placement[] placements;
  private final int hash;

  private AreaPlacements(String[] ids, Placement[] placements) {
    this.ids = ids;
    this.placements = placements;
    this.hash = 31 * Arrays.hashCode(ids) + Arrays.hashCode(placements);
  }

  /** No placements: the evidence knows nothing below its jurisdiction. */
  public static AreaPlacements none() {
    return NONE;
  }

  /** The placements given, by area id (kept in id order). */
  public static AreaPlacements of(Map<String, Placement> byArea) {
    requireNonNull(byArea, "byArea");
    if (byArea.isEmpty()) {
      return NONE;
    }
    TreeMap<String, Placement> sorted = new TreeMap<>();
    for (Map.Entry<String, Placement> e : byArea.entrySet()) {
      sorted.put(requireNonNull(e.getKey(), "area id"), requireNonNull(e.getValue(), "placement"));
    }
    return new AreaPlacements(
        sorted.keySet().toArray(new String[0]), sorted.values().toArray(new Placement[0]));
  }

  /** The placement for area {@code id}; {@link Placement#UNCERTAIN_NO_PLACE_DETAIL} if unlisted. */
  public Placement placement(String id) {
    for (int i = 0; i < ids.length; i++) {
      if (ids[i].equals(id)) {
        return placements[i];
      }
    }
    return Placement.UNCERTAIN_NO_PLACE_DETAIL;
  }

  /** True if no area is listed. */
  public boolean isEmpty() {
    return ids.length == 0;
  }

  /** The placements by area id, in id order. */
  public Map<String, Placement> asMap() {
    Map<String, Placement> out = new LinkedHashMap<>();
    for (int i = 0; i < ids.length; i++) {
      out.put(ids[i], placements[i]);
    }
    return out;
  }

  /** E.g. {@code "area zone-a: inside (postal code listed)"}, one clause per area, or empty. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < ids.length; i++) {
      b.append(i == 0 ? "" : "; ").append("area ").append(ids[i]).append(": ")
          .append(placements[i].describe());
    }
    return b.toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o == this
        || o instanceof AreaPlacements p
            && hash == p.hash
            && Arrays.equals(ids, p.ids)
            && Arrays.equals(placements, p.placements);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "AreaPlacements[" + describe() + "]";
  }
}
