package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Where a participant is, for the purposes of law: an ISO 3166-1 country, an ISO 3166-2
 * subdivision of one, or {@linkplain #unknown(UnknownReason) unknown} with a reason.
 *
 * <p>Instances are interned: two equal jurisdictions are the same object, so they can be compared
 * with {@code ==} on the hot path and each has a small, stable {@link #index()} for array-based
 * lookup tables. Country codes are checked against the ISO 3166-1 alpha-2 list (plus {@code XK},
 * user-assigned for Kosovo). HK, MO and TW are countries of their own; nothing maps them to CN.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Jurisdiction implements Comparable<Jurisdiction> {

  /** What kind of jurisdiction this is. */
  public enum Kind {
    /** An ISO 3166-1 alpha-2 country or territory. */
    COUNTRY,
    /** An ISO 3166-2 subdivision of a country, such as {@code US-CA}. */
    SUBDIVISION,
    /** Location could not be determined; see {@link Jurisdiction#unknownReason()}. */
    UNKNOWN
  }

  /** ISO 3166-1 alpha-2 officially assigned codes, plus XK (user-assigned, Kosovo). */
  private static final String COUNTRY_CODES =
      "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ"
          + " BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ"
          + " DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN"
          + " GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP"
          + " KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG"
          + " MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU"
          + " NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG"
          + " SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT"
          + " TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK";

  private static final AtomicInteger NEXT_INDEX = new AtomicInteger();
  /** Countries by (c0 - 'A') * 26 + (c1 - 'A'); null where the code is not assigned. */
  private static final @Nullable Jurisdiction[] COUNTRIES = new Jurisdiction[26 * 26];

  private static final ConcurrentMap<String, Jurisdiction> SUBDIVISIONS = new ConcurrentHashMap<>();
  private static final java.util.EnumMap<UnknownReason, Jurisdiction> UNKNOWN =
      new java.util.EnumMap<>(UnknownReason.class);

  static {
    for (String code : COUNTRY_CODES.split(" ")) {
      COUNTRIES[slot(code.charAt(0), code.charAt(1))] =
          new Jurisdiction(Kind.COUNTRY, code, null, null);
    }
    for (UnknownReason reason : UnknownReason.values()) {
      UNKNOWN.put(
          reason, new Jurisdiction(Kind.UNKNOWN, "unknown:" + reason.code(), null, reason));
    }
  }

  private final Kind kind;
  private final String code;
  private final Jurisdiction country;
  private final @Nullable UnknownReason unknownReason;
  private final int index;
  /** The constant decision for a participant here to whom no rule applies: allocation-free admit. */
  final Decision admitted;

  private Jurisdiction(
      Kind kind, String code, @Nullable Jurisdiction country, @Nullable UnknownReason reason) {
    this.kind = kind;
    this.code = code;
    this.country = country == null ? this : country;
    this.unknownReason = reason;
    this.index = NEXT_INDEX.getAndIncrement();
    this.admitted = Decision.admittedIn(this);
  }

  private static int slot(char c0, char c1) {
    return (c0 - 'A') * 26 + (c1 - 'A');
  }

  private static boolean isUpperLetter(char c) {
    return c >= 'A' && c <= 'Z';
  }

  /**
   * Returns the country with the given ISO 3166-1 alpha-2 code.
   *
   * @throws IllegalArgumentException if {@code alpha2} is not an assigned upper-case code
   */
  public static Jurisdiction country(String alpha2) {
    Jurisdiction j = findCountry(alpha2);
    if (j == null) {
      throw new IllegalArgumentException(
          "'" + alpha2 + "' is not an ISO 3166-1 alpha-2 country code (upper case, e.g. US)");
    }
    return j;
  }

  /**
   * Returns the country with the given code, or {@code null} if it is not an assigned ISO 3166-1
   * alpha-2 code. Allocation-free; meant for readers of databases on the hot path.
   */
  public static @Nullable Jurisdiction findCountry(CharSequence alpha2) {
    requireNonNull(alpha2, "alpha2");
    if (alpha2.length() != 2) {
      return null;
    }
    char c0 = alpha2.charAt(0);
    char c1 = alpha2.charAt(1);
    if (!isUpperLetter(c0) || !isUpperLetter(c1)) {
      return null;
    }
    return COUNTRIES[slot(c0, c1)];
  }

  /**
   * Returns the ISO 3166-2 subdivision written {@code CC-XXX}, e.g. {@code US-CA}, {@code UA-43}.
   *
   * <p>The country part must be an assigned alpha-2 code; the subdivision part is one to three
   * upper-case letters or digits, as ISO 3166-2 writes them. The subdivision list itself changes
   * often and is not checked beyond that shape.
   *
   * @throws IllegalArgumentException if the code does not have that shape
   */
  public static Jurisdiction subdivision(String iso3166_2) {
    requireNonNull(iso3166_2, "iso3166_2");
    Jurisdiction existing = SUBDIVISIONS.get(iso3166_2);
    if (existing != null) {
      return existing;
    }
    Jurisdiction country =
        iso3166_2.indexOf('-') == 2 ? findCountry(iso3166_2.substring(0, 2)) : null;
    String part = iso3166_2.length() > 3 ? iso3166_2.substring(3) : "";
    String problem = country == null ? "CC must be an ISO 3166-1 country" : partProblem(part);
    if (country == null || problem != null) {
      throw new IllegalArgumentException(
          "'" + iso3166_2 + "' is not an ISO 3166-2 subdivision code CC-XXX (e.g. US-CA): "
              + problem);
    }
    return intern(country, part);
  }

  /**
   * Returns the subdivision {@code part} of {@code country}, e.g. ({@code US}, {@code CA}).
   *
   * @throws IllegalArgumentException if {@code country} is not a country or {@code part} is not 1
   *     to 3 upper-case letters or digits
   */
  public static Jurisdiction subdivision(Jurisdiction country, String part) {
    requireNonNull(country, "country");
    requireNonNull(part, "part");
    if (country.kind != Kind.COUNTRY) {
      throw new IllegalArgumentException("subdivision parent must be a country, got " + country);
    }
    String problem = partProblem(part);
    if (problem != null) {
      throw new IllegalArgumentException(
          "'" + country.code + "-" + part + "' is not an ISO 3166-2 subdivision code: " + problem);
    }
    return intern(country, part);
  }

  /** What is wrong with a subdivision part, or null if it has the ISO 3166-2 shape. */
  private static @Nullable String partProblem(String part) {
    if (part.isEmpty() || part.length() > 3) {
      return "XXX must be 1 to 3 characters";
    }
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (!isUpperLetter(c) && !(c >= '0' && c <= '9')) {
        return "XXX must be upper-case letters or digits";
      }
    }
    return null;
  }

  private static Jurisdiction intern(Jurisdiction country, String part) {
    return SUBDIVISIONS.computeIfAbsent(
        country.code + "-" + part, c -> new Jurisdiction(Kind.SUBDIVISION, c, country, null));
  }

  /**
   * Parses a country ({@code US}) or subdivision ({@code US-CA}) code.
   *
   * @throws IllegalArgumentException if it is neither
   */
  public static Jurisdiction of(String code) {
    requireNonNull(code, "code");
    return code.indexOf('-') < 0 ? country(code) : subdivision(code);
  }

  /** Returns the unknown jurisdiction for {@code reason}. */
  public static Jurisdiction unknown(UnknownReason reason) {
    return java.util.Objects.requireNonNull(UNKNOWN.get(reason));
  }

  /** Every assigned country, in code order. */
  public static java.util.List<Jurisdiction> countries() {
    java.util.List<Jurisdiction> all = new java.util.ArrayList<>();
    for (Jurisdiction j : COUNTRIES) {
      if (j != null) {
        all.add(j);
      }
    }
    return java.util.List.copyOf(all);
  }

  /** What kind of jurisdiction this is. */
  public Kind kind() {
    return kind;
  }

  /** True for a country or a subdivision, false for unknown. */
  public boolean isKnown() {
    return kind != Kind.UNKNOWN;
  }

  /** True for an ISO 3166-2 subdivision. */
  public boolean isSubdivision() {
    return kind == Kind.SUBDIVISION;
  }

  /**
   * The code: {@code US}, {@code US-CA}, or {@code unknown:<reason>} for unknown jurisdictions.
   */
  public String code() {
    return code;
  }

  /**
   * The country this lies in: itself for a country, the parent for a subdivision, itself for
   * unknown.
   */
  public Jurisdiction country() {
    return country;
  }

  /** The reason, for an unknown jurisdiction. */
  public Optional<UnknownReason> unknownReason() {
    return Optional.ofNullable(unknownReason);
  }

  /**
   * A small non-negative number unique to this jurisdiction within this JVM, for array-indexed
   * tables. Countries and unknown reasons have the lowest indexes; subdivisions are numbered as
   * they are first used.
   */
  public int index() {
    return index;
  }

  /** The number of jurisdictions created so far; every {@link #index()} is below it. */
  public static int indexBound() {
    return NEXT_INDEX.get();
  }

  /**
   * True if this jurisdiction lies within {@code other}: it is {@code other}, or it is a subdivision
   * of the country {@code other}. A country never lies within its subdivision; unknown lies within
   * nothing.
   */
  public boolean within(Jurisdiction other) {
    if (kind == Kind.UNKNOWN || other.kind == Kind.UNKNOWN) {
      return false;
    }
    return this == other || (other.kind == Kind.COUNTRY && country == other);
  }

  @Override
  public int compareTo(Jurisdiction o) {
    return code.compareTo(o.code);
  }

  @Override
  public String toString() {
    return code;
  }
}
