package io.geoscope.core;

import static java.util.Objects.requireNonNull;

/**
 * What placed a participant in a jurisdiction: the jurisdiction itself, how it was established,
 * and what produced it. Never holds an IP address.
 *
 * <p>Resolvers build one {@code Evidence} per (database, jurisdiction, field) at load time and
 * hand out the same instance on every lookup, so producing evidence allocates nothing.
 *
 * @param jurisdiction where the participant is, possibly unknown
 * @param source how the location was established
 * @param producer what produced it, e.g. {@code "GeoLite2-Country build 2026-06-17T00:00:00Z"}
 * @param detail which field or method decided, e.g. {@code "country"} or {@code
 *     "subdivisions[0]"}; empty when there is nothing to add
 */
public record Evidence(
    Jurisdiction jurisdiction, LocationSource source, String producer, String detail) {

  /** Lazily, because jurisdictions build their constant admits (and evidence) while initializing. */
  private static final class None {
    static final Evidence INSTANCE =
        new Evidence(Jurisdiction.unknown(UnknownReason.NO_EVIDENCE), LocationSource.NONE, "", "");
  }

  /** Checks that no component is null. */
  public Evidence {
    requireNonNull(jurisdiction, "jurisdiction");
    requireNonNull(source, "source");
    requireNonNull(producer, "producer");
    requireNonNull(detail, "detail");
  }

  /** Evidence declared or configured by hand, e.g. in tests or for a room system. */
  public static Evidence of(Jurisdiction jurisdiction, LocationSource source, String producer) {
    return new Evidence(jurisdiction, source, producer, "");
  }

  /** Evidence of source {@code none} placing a participant in {@code j}, for hand-made decisions. */
  static Evidence unattributed(Jurisdiction j) {
    return new Evidence(j, LocationSource.NONE, "", "");
  }

  /** The absence of evidence: jurisdiction unknown with reason {@code no-evidence}. */
  public static Evidence none() {
    return None.INSTANCE;
  }
}
