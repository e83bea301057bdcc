package io.geoscope.core;

/**
 * Where a participant stands relative to one area, and which test placed them there.
 *
 * <p>Tests run in this order, and the first that decides wins: the country (a participant resolved
 * to another country is outside), the stated subdivision (resolved to another subdivision of the
 * country: outside), the postal code (listed: inside), the boundary (the location circle wholly
 * inside: inside; wholly outside: outside), then, for areas without a boundary, the postal code
 * again (known and not listed: outside). Anything else is uncertain: with a boundary, an unlisted
 * postal code proves nothing, since the codes may list only part of the area.
 *
 * <p>The tests themselves run where areas are compiled (geo-areas), once per distinct place and
 * never on a join; the engine reads the result from {@link Evidence#areas()}.
 */
public enum Placement {
  /** Resolved to a different country than the area's. */
  OUTSIDE_BY_COUNTRY(Verdict.OUTSIDE, Test.COUNTRY),
  /** Resolved to a subdivision of the area's country other than the area's stated subdivision. */
  OUTSIDE_BY_SUBDIVISION(Verdict.OUTSIDE, Test.SUBDIVISION),
  /** The participant's postal code is listed, exactly or by prefix. */
  INSIDE_BY_POSTAL_CODE(Verdict.INSIDE, Test.POSTAL_CODE),
  /** The location circle (point and accuracy radius) lies wholly inside the boundary. */
  INSIDE_BY_BOUNDARY(Verdict.INSIDE, Test.BOUNDARY),
  /** The location circle lies wholly outside the boundary. */
  OUTSIDE_BY_BOUNDARY(Verdict.OUTSIDE, Test.BOUNDARY),
  /** The area has no boundary, and the postal code is known and not listed. */
  OUTSIDE_BY_POSTAL_CODE(Verdict.OUTSIDE, Test.POSTAL_CODE),
  /** The location circle crosses the boundary (or a pole or the antimeridian): could be either. */
  UNCERTAIN_STRADDLES_BOUNDARY(Verdict.UNCERTAIN, Test.BOUNDARY),
  /** In the area's country but without a postal code or location the area's definition can use. */
  UNCERTAIN_NO_PLACE_DETAIL(Verdict.UNCERTAIN, Test.NONE),
  /** The jurisdiction itself is unknown (the engine's on-unknown decides such participants). */
  UNCERTAIN_UNKNOWN_JURISDICTION(Verdict.UNCERTAIN, Test.NONE);

  /** Inside, outside, or cannot tell. */
  public enum Verdict {
    /** Inside the area. */
    INSIDE,
    /** Outside the area. */
    OUTSIDE,
    /** Cannot tell from the evidence. */
    UNCERTAIN
  }

  /** The test that placed the participant. */
  public enum Test {
    /** The resolved country. */
    COUNTRY,
    /** The resolved subdivision. */
    SUBDIVISION,
    /** The postal code. */
    POSTAL_CODE,
    /** The boundary against the location circle. */
    BOUNDARY,
    /** No test could decide. */
    NONE
  }

  private final Verdict verdict;
  private final Test test;

  Placement(Verdict verdict, Test test) {
    this.verdict = verdict;
    this.test = test;
  }

  /** Inside, outside or uncertain. */
  public Verdict verdict() {
    return verdict;
  }

  /** Which test placed the participant. */
  public Test test() {
    return test;
  }

  /**
   * A phrase for explanations, e.g. {@code "inside (postal code listed)"} or {@code "uncertain (the
   * location circle straddles the boundary)"}.
   */
  public String describe() {
    return switch (this) {
      case OUTSIDE_BY_COUNTRY -> "outside (another country)";
      case OUTSIDE_BY_SUBDIVISION -> "outside (another subdivision)";
      case INSIDE_BY_POSTAL_CODE -> "inside (postal code listed)";
      case INSIDE_BY_BOUNDARY -> "inside (location circle within the boundary)";
      case OUTSIDE_BY_BOUNDARY -> "outside (location circle clear of the boundary)";
      case OUTSIDE_BY_POSTAL_CODE -> "outside (postal code not listed)";
      case UNCERTAIN_STRADDLES_BOUNDARY -> "uncertain (the location circle straddles the boundary)";
      case UNCERTAIN_NO_PLACE_DETAIL -> "uncertain (no postal code or location to test)";
      case UNCERTAIN_UNKNOWN_JURISDICTION -> "uncertain (jurisdiction unknown)";
    };
  }

  /** True if {@link #verdict()} is INSIDE. */
  public boolean isInside() {
    return verdict == Verdict.INSIDE;
  }

  /** True if {@link #verdict()} is OUTSIDE. */
  public boolean isOutside() {
    return verdict == Verdict.OUTSIDE;
  }

  /** True if {@link #verdict()} is UNCERTAIN. */
  public boolean isUncertain() {
    return verdict == Verdict.UNCERTAIN;
  }
}
