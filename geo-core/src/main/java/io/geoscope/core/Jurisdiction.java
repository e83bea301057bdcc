package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Where a participant is, for the purposes of law: an ISO 3166-1 country, an ISO 3166-2
 * subdivision of one, or {@linkplain #unknown(UnknownReason) unknown} with a reason.
 *
 * <p>Instances are interned: two equal jurisdictions are the same object, so they can be compared
 * with {@code ==} on the hot path and each has a small, stable {@link #index()} for array-based
 * lookup tables. Country codes are checked against the ISO 3166-1 alpha-2 list (plus {@code XK},
 * user-assigned for Kosovo); subdivision codes against the ISO 3166-2 table shipped with the
 * library (generated from Debian's {@code iso-codes}, LGPL-2.1-or-later; see {@code
 * geo-core/tools/iso3166-2.py}), which also gives each subdivision its parent: {@code GB-WBK} lies
 * in {@code GB-ENG}, which lies in {@code GB}. Every jurisdiction is created when this class loads;
 * nothing a caller passes can add one, so client input cannot grow global state.
 *
 * <p>HK, MO and TW are countries of their own; nothing maps them to CN. Their ISO 3166-2:CN codes
 * {@code CN-HK}, {@code CN-MO}, {@code CN-TW} and the retired {@code CN-91}, {@code CN-92},
 * {@code CN-71} are normalised to {@code HK}, {@code MO} and {@code TW} by every factory here.
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

  /** Every ISO 3166-2 subdivision in the shipped table, by code; never written after loading. */
  private static final Map<String, Jurisdiction> SUBDIVISIONS = new HashMap<>();
  /** The subdivisions of each country, in code order, for "did you mean" hints. */
  private static final Map<Jurisdiction, List<Jurisdiction>> BY_COUNTRY = new HashMap<>();
  /** The subdivisions whose parent is a subdivision, by that parent. */
  private static final Map<Jurisdiction, List<Jurisdiction>> CHILDREN = new HashMap<>();
  /**
   * Codes read as other codes: the ISO 3166-2:CN codes (current and retired) that name the
   * countries HK, MO and TW, and the numeric ISO 3166-2:CN codes retired in 2017 ({@code CN-22}
   * is {@code CN-JL}, Jilin), which databases and older policies still carry.
   */
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("CN-HK", "HK"), Map.entry("CN-MO", "MO"), Map.entry("CN-TW", "TW"),
      Map.entry("CN-91", "HK"), Map.entry("CN-92", "MO"), Map.entry("CN-71", "TW"),
      Map.entry("CN-11", "CN-BJ"),
      Map.entry("CN-12", "CN-TJ"),
      Map.entry("CN-13", "CN-HE"),
      Map.entry("CN-14", "CN-SX"),
      Map.entry("CN-15", "CN-NM"),
      Map.entry("CN-21", "CN-LN"),
      Map.entry("CN-22", "CN-JL"),
      Map.entry("CN-23", "CN-HL"),
      Map.entry("CN-31", "CN-SH"),
      Map.entry("CN-32", "CN-JS"),
      Map.entry("CN-33", "CN-ZJ"),
      Map.entry("CN-34", "CN-AH"),
      Map.entry("CN-35", "CN-FJ"),
      Map.entry("CN-36", "CN-JX"),
      Map.entry("CN-37", "CN-SD"),
      Map.entry("CN-41", "CN-HA"),
      Map.entry("CN-42", "CN-HB"),
      Map.entry("CN-43", "CN-HN"),
      Map.entry("CN-44", "CN-GD"),
      Map.entry("CN-45", "CN-GX"),
      Map.entry("CN-46", "CN-HI"),
      Map.entry("CN-50", "CN-CQ"),
      Map.entry("CN-51", "CN-SC"),
      Map.entry("CN-52", "CN-GZ"),
      Map.entry("CN-53", "CN-YN"),
      Map.entry("CN-54", "CN-XZ"),
      Map.entry("CN-61", "CN-SN"),
      Map.entry("CN-62", "CN-GS"),
      Map.entry("CN-63", "CN-QH"),
      Map.entry("CN-64", "CN-NX"),
      Map.entry("CN-65", "CN-XJ"));
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
    loadSubdivisions();
  }

  private final Kind kind;
  private final String code;
  private final Jurisdiction country;
  private final Jurisdiction parent;
  private final String name;
  private final @Nullable UnknownReason unknownReason;
  private final int index;
  /** The constant decision for a participant here to whom no rule applies: allocation-free admit. */
  final Decision admitted;

  private Jurisdiction(
      Kind kind, String code, @Nullable Jurisdiction country, @Nullable UnknownReason reason) {
    this(kind, code, country, country, "", reason);
  }

  private Jurisdiction(
      Kind kind,
      String code,
      @Nullable Jurisdiction country,
      @Nullable Jurisdiction parent,
      String name,
      @Nullable UnknownReason reason) {
    this.kind = kind;
    this.code = code;
    this.country = country == null ? this : country;
    this.parent = parent == null ? this : parent;
    this.name = name;
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
   * Returns the ISO 3166-2 subdivision written {@code CC-XXX}, e.g. {@code US-CA}, {@code UA-43};
   * {@code CN-HK}, {@code CN-MO}, {@code CN-TW} (and {@code CN-91}, {@code CN-92}, {@code CN-71})
   * return the countries HK, MO and TW.
   *
   * @throws IllegalArgumentException if the code is not in the shipped ISO 3166-2 table; the
   *     message suggests close codes of the same country ("did you mean")
   */
  public static Jurisdiction subdivision(String iso3166_2) {
    requireNonNull(iso3166_2, "iso3166_2");
    Jurisdiction known = findSubdivision(iso3166_2);
    if (known != null) {
      return known;
    }
    Jurisdiction country =
        iso3166_2.indexOf('-') == 2 ? findCountry(iso3166_2.substring(0, 2)) : null;
    if (country == null) {
      throw new IllegalArgumentException(
          "'" + iso3166_2 + "' is not an ISO 3166-2 subdivision code CC-XXX (e.g. US-CA): CC must"
              + " be an ISO 3166-1 country");
    }
    throw new IllegalArgumentException(
        "'" + iso3166_2 + "' is not an ISO 3166-2 subdivision of " + country.code
            + didYouMean(country, iso3166_2));
  }

  /**
   * Returns the subdivision {@code part} of {@code country}, e.g. ({@code US}, {@code CA}); ({@code
   * CN}, {@code HK}) returns the country HK.
   *
   * @throws IllegalArgumentException if {@code country} is not a country or the code is not in the
   *     shipped ISO 3166-2 table
   */
  public static Jurisdiction subdivision(Jurisdiction country, String part) {
    requireNonNull(country, "country");
    requireNonNull(part, "part");
    if (country.kind != Kind.COUNTRY) {
      throw new IllegalArgumentException("subdivision parent must be a country, got " + country);
    }
    return subdivision(country.code + "-" + part);
  }

  /**
   * Returns the known subdivision (or, for the CN aliases, country) with this ISO 3166-2 code, or
   * {@code null} if the shipped table has none. For readers of databases and other input outside
   * policies, where an unknown subdivision resolves to its country.
   */
  public static @Nullable Jurisdiction findSubdivision(String iso3166_2) {
    requireNonNull(iso3166_2, "iso3166_2");
    Jurisdiction j = SUBDIVISIONS.get(iso3166_2);
    if (j != null) {
      return j;
    }
    String alias = ALIASES.get(iso3166_2);
    if (alias == null) {
      return null;
    }
    return alias.length() == 2 ? COUNTRIES[slot(alias.charAt(0), alias.charAt(1))]
        : SUBDIVISIONS.get(alias);
  }

  /**
   * Resolves a code from outside a policy (a database record, a declared or room-system location):
   * a known country or subdivision as {@link #of}; an unknown subdivision of a known country
   * resolves to that country.
   *
   * @throws IllegalArgumentException if not even the country part is an ISO 3166-1 code
   */
  public static Jurisdiction resolve(String code) {
    requireNonNull(code, "code");
    if (code.indexOf('-') < 0) {
      return country(code);
    }
    Jurisdiction known = findSubdivision(code);
    if (known != null) {
      return known;
    }
    Jurisdiction c = code.indexOf('-') == 2 ? findCountry(code.substring(0, 2)) : null;
    if (c == null) {
      throw new IllegalArgumentException(
          "'" + code + "' is not an ISO 3166-2 code: its country part is not ISO 3166-1");
    }
    return c;
  }

  /** Close codes of {@code country} for a message, or "" when none is close. */
  private static String didYouMean(Jurisdiction country, String code) {
    List<String> close = new ArrayList<>();
    for (Jurisdiction s : BY_COUNTRY.getOrDefault(country, List.of())) {
      if (editDistance(s.code, code) <= 1 && close.size() < 5) {
        close.add(s.code + " (" + s.name + ")");
      }
    }
    return close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?";
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static void loadSubdivisions() {
    Map<String, String[]> rows = new HashMap<>();
    try (InputStream in = Jurisdiction.class.getResourceAsStream("iso3166-2.tsv")) {
      if (in == null) {
        throw new IllegalStateException("geo-core's iso3166-2.tsv resource is missing");
      }
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isEmpty() && line.charAt(0) != '#') {
          String[] cols = line.split("\\t", -1);
          rows.put(cols[0], cols);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read geo-core's iso3166-2.tsv resource", e);
    }
    List<String> codes = new ArrayList<>(rows.keySet());
    java.util.Collections.sort(codes);
    for (String code : codes) {
      create(code, rows);
    }
    for (Jurisdiction s : SUBDIVISIONS.values()) {
      BY_COUNTRY.computeIfAbsent(s.country, c -> new ArrayList<>()).add(s);
      if (s.parent.kind == Kind.SUBDIVISION) {
        CHILDREN.computeIfAbsent(s.parent, c -> new ArrayList<>()).add(s);
      }
    }
    for (List<Jurisdiction> list : CHILDREN.values()) {
      list.sort(null);
    }
    for (List<Jurisdiction> list : BY_COUNTRY.values()) {
      list.sort(null);
    }
  }

  private static @Nullable Jurisdiction create(String code, Map<String, String[]> rows) {
    Jurisdiction existing = SUBDIVISIONS.get(code);
    if (existing != null) {
      return existing;
    }
    String[] row = rows.get(code);
    Jurisdiction country = code.indexOf('-') == 2 ? findCountry(code.substring(0, 2)) : null;
    if (row == null || country == null) {
      return null;
    }
    Jurisdiction parent = row[1].isEmpty() ? country : create(row[1], rows);
    Jurisdiction j =
        new Jurisdiction(
            Kind.SUBDIVISION, code, country, parent == null ? country : parent, row[2], null);
    SUBDIVISIONS.put(code, j);
    return j;
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

  /** Every subdivision of the shipped ISO 3166-2 table, in code order. */
  public static List<Jurisdiction> subdivisions() {
    List<Jurisdiction> all = new ArrayList<>(SUBDIVISIONS.values());
    all.sort(null);
    return List.copyOf(all);
  }

  /** Adds every subdivision nested (at any depth) in {@code j} to {@code out}. */
  static void addDescendants(Jurisdiction j, java.util.Collection<Jurisdiction> out) {
    for (Jurisdiction child : CHILDREN.getOrDefault(j, List.of())) {
      out.add(child);
      addDescendants(child, out);
    }
  }

  /**
   * Every alias, code to what it is read as: {@code CN-HK}, {@code CN-91}... to HK, MO and TW,
   * and the retired numeric ISO 3166-2:CN codes to the current ones.
   */
  public static Map<String, Jurisdiction> aliases() {
    Map<String, Jurisdiction> out = new java.util.TreeMap<>();
    ALIASES.forEach((alias, target) -> out.put(alias, of(target)));
    return java.util.Collections.unmodifiableMap(out);
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

  /**
   * The jurisdiction this lies directly in: a subdivision's parent subdivision ({@code GB-ENG} for
   * {@code GB-WBK}) or its country; itself for a country or unknown.
   */
  public Jurisdiction parent() {
    return parent;
  }

  /** The ISO 3166-2 name of a subdivision, e.g. "California"; empty for countries and unknown. */
  public String name() {
    return name;
  }

  /** The reason, for an unknown jurisdiction. */
  public Optional<UnknownReason> unknownReason() {
    return Optional.ofNullable(unknownReason);
  }

  /**
   * A small non-negative number unique to this jurisdiction within this JVM, for array-indexed
   * tables. Countries and unknown reasons have the lowest indexes, then the subdivisions.
   */
  public int index() {
    return index;
  }

  /** The number of jurisdictions created so far; every {@link #index()} is below it. */
  public static int indexBound() {
    return NEXT_INDEX.get();
  }

  /**
   * True if this jurisdiction lies within {@code other}: it is {@code other}, or {@code other} is
   * on its chain of parents ({@code GB-WBK} lies within {@code GB-ENG} and {@code GB}). A parent
   * never lies within its child, nor a sibling within a sibling; unknown lies within nothing.
   */
  public boolean within(Jurisdiction other) {
    if (kind == Kind.UNKNOWN || other.kind == Kind.UNKNOWN) {
      return false;
    }
    Jurisdiction j = this;
    while (true) {
      if (j == other) {
        return true;
      }
      if (j.parent == j) {
        return false;
      }
      j = j.parent;
    }
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
