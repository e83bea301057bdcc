package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The order in which location sources outrank each other when a participant has several signals.
 *
 * <p>The {@linkplain #standard() standard precedence} is: {@code verified} (a reviewer decided),
 * {@code dial-in} (the telephone network placed the caller), {@code room-system} (where the
 * operator installed the device), {@code ip-geolocation} (a database's estimate, which VPNs and
 * proxies defeat), {@code declared} (the participant's own word), then {@code none}. A source the
 * order does not list ranks after every listed one, in declaration order of {@link LocationSource}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param order the sources from strongest to weakest, each at most once
 */
public record Precedence(List<LocationSource> order) {
  private static final Precedence STANDARD =
      new Precedence(
          List.of(
              LocationSource.VERIFIED,
              LocationSource.DIAL_IN,
              LocationSource.ROOM_SYSTEM,
              LocationSource.IP_GEOLOCATION,
              LocationSource.DECLARED,
              LocationSource.NONE));

  /** Copies the order and checks that no source is listed twice. */
  public Precedence {
    order = List.copyOf(requireNonNull(order, "order"));
    EnumSet<LocationSource> seen = EnumSet.noneOf(LocationSource.class);
    for (LocationSource s : order) {
      if (!seen.add(s)) {
        throw new IllegalArgumentException("precedence lists " + s.code() + " twice");
      }
    }
  }

  /** The standard precedence (see the class documentation). */
  public static Precedence standard() {
    return STANDARD;
  }

  /** A precedence listing {@code sources} from strongest to weakest. */
  public static Precedence of(LocationSource... sources) {
    return new Precedence(new ArrayList<>(List.of(sources)));
  }

  /** The rank of {@code source}: 0 is strongest. */
  public int rank(LocationSource source) {
    int i = order.indexOf(source);
    return i >= 0 ? i : order.size() + source.ordinal();
  }
}
