package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * One location signal: where it placed the participant, how that was established, what produced
 * it, how precise it is, and the anonymizer facts known about it. Never holds an IP address or a
 * phone number.
 *
 * <p>Resolvers build one {@code Evidence} per (database, jurisdiction, field) at load time and
 * hand out the same instance on every lookup, so producing evidence allocates nothing. Instances are
 * immutable and thread-safe; equality is by value.
 *
 * @param jurisdiction where the participant is, possibly unknown
 * @param source how the location was established
 * @param producer what produced it, e.g. {@code "GeoLite2-Country build 2026-06-17T00:00:00Z"}
 * @param detail which field or method decided, e.g. {@code "country"} or {@code
 *     "subdivisions[0]"}; empty when there is nothing to add
 * @param accuracyRadiusKm for City databases, MaxMind's {@code location.accuracy_radius} in
 *     kilometres; 0 when not given
 * @param anonymizers the kinds of anonymizer the address belongs to; empty for none
 * @param areas where the participant stands relative to the areas of their country, computed ahead
 *     of the join (see {@link Areas}); {@link AreaPlacements#none()} when there are none
 */
public record Evidence(
    Jurisdiction jurisdiction,
    LocationSource source,
    String producer,
    String detail,
    int accuracyRadiusKm,
    Set<Anonymizer> anonymizers,
    AreaPlacements areas) {

  /** Lazily, because jurisdictions build their constant admits (and evidence) while initializing. */
  private static final class None {
    static final Evidence INSTANCE =
        new Evidence(Jurisdiction.unknown(UnknownReason.NO_EVIDENCE), LocationSource.NONE, "", "");
  }

  /** Checks and copies the components. */
  public Evidence {
    requireNonNull(jurisdiction, "jurisdiction");
    requireNonNull(source, "source");
    requireNonNull(producer, "producer");
    requireNonNull(detail, "detail");
    if (accuracyRadiusKm < 0) {
      throw new IllegalArgumentException("accuracy radius must not be negative");
    }
    requireNonNull(anonymizers, "anonymizers");
    anonymizers = anonymizers.isEmpty() ? Set.of() : Immutables.enumSet(Anonymizer.class, anonymizers);
    requireNonNull(areas, "areas");
  }

  /** Evidence without area placements. */
  public Evidence(
      Jurisdiction jurisdiction,
      LocationSource source,
      String producer,
      String detail,
      int accuracyRadiusKm,
      Set<Anonymizer> anonymizers) {
    this(jurisdiction, source, producer, detail, accuracyRadiusKm, anonymizers,
        AreaPlacements.none());
  }

  /** Evidence with no accuracy radius and no anonymizer facts: the one-signal form. */
  public Evidence(Jurisdiction jurisdiction, LocationSource source, String producer, String detail) {
    this(jurisdiction, source, producer, detail, 0, Set.of());
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

  /** How precisely this evidence placed the participant, from its jurisdiction's level. */
  public Precision precision() {
    if (!jurisdiction.isKnown()) {
      return Precision.NONE;
    }
    return jurisdiction.isSubdivision() ? Precision.SUBDIVISION : Precision.COUNTRY;
  }

  /** True if some anonymizer fact is known about this signal. */
  public boolean anonymized() {
    return !anonymizers.isEmpty();
  }

  /** The same evidence with these anonymizer facts. */
  public Evidence withAnonymizers(Set<Anonymizer> kinds) {
    return new Evidence(jurisdiction, source, producer, detail, accuracyRadiusKm, kinds, areas);
  }

  /** The same evidence with these area placements. */
  public Evidence withAreas(AreaPlacements placements) {
    return new Evidence(
        jurisdiction, source, producer, detail, accuracyRadiusKm, anonymizers, placements);
  }

  /** The same evidence with this accuracy radius in kilometres (0: not given). */
  public Evidence withAccuracyRadiusKm(int km) {
    return new Evidence(jurisdiction, source, producer, detail, km, anonymizers, areas);
  }
}
