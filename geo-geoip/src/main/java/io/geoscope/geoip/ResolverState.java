package io.geoscope.geoip;

import io.geoscope.core.AreaPlacements;
import io.geoscope.core.Areas;
import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import io.geoscope.core.UnknownReason;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One immutable generation of a resolver: the compiled location table, the optional anonymizer
 * table, and every {@link Evidence} a lookup can return. Replaced whole on reload.
 *
 * <p>Lookups allocate nothing except, once per (location, anonymizer) pair, the combined evidence,
 * which is then cached (a racy but safe publication: {@link Evidence} is immutable with final
 * fields). Thread-safe.
 */
final class ResolverState implements IpParser.Ipv6Receiver<Evidence> {

  private static final String NON_ROUTABLE_PRODUCER = "geoscope special-purpose address registry";

  private final Loader.Location location;
  private final Loader.@Nullable Anonymizers anonymizers;
  private final boolean anonymizersAreUnknown;
  private final NonRoutable nonRoutable;
  private final Evidence[] nonRoutable4;
  private final Evidence[] nonRoutable6;
  private final Evidence[] anonymizerUnknown;
  private final @Nullable Evidence[] combined;
  private final int anonymizerKinds;
  private final Areas areas;
  /** By place: the location evidence with its area placements (the same when there are none). */
  private final Evidence[] placed;

  /** Assembles a generation without areas. */
  public ResolverState(
      Loader.Location location,
      Loader.@Nullable Anonymizers anonymizers,
      boolean anonymizersAreUnknown,
      NonRoutable nonRoutable) {
    this(location, anonymizers, anonymizersAreUnknown, nonRoutable, Areas.none(),
        location.evidence());
  }

  /**
   * Assembles a generation; prebuilds every evidence a lookup returns except combinations.
   * {@code placed} is {@link #placed(Loader.Location, Areas)} of the same location and areas.
   */
  ResolverState(
      Loader.Location location,
      Loader.@Nullable Anonymizers anonymizers,
      boolean anonymizersAreUnknown,
      NonRoutable nonRoutable,
      Areas areas,
      Evidence[] placed) {
    this.location = location;
    this.areas = areas;
    this.placed = placed;
    this.anonymizers = anonymizers;
    this.anonymizersAreUnknown = anonymizersAreUnknown;
    this.nonRoutable = nonRoutable;
    Jurisdiction nr = Jurisdiction.unknown(UnknownReason.NON_ROUTABLE);
    nonRoutable4 = new Evidence[nonRoutable.size4()];
    for (int i = 0; i < nonRoutable4.length; i++) {
      nonRoutable4[i] =
          new Evidence(
              nr, LocationSource.IP_GEOLOCATION, NON_ROUTABLE_PRODUCER, nonRoutable.describe4(i));
    }
    nonRoutable6 = new Evidence[nonRoutable.size6()];
    for (int i = 0; i < nonRoutable6.length; i++) {
      nonRoutable6[i] =
          new Evidence(
              nr, LocationSource.IP_GEOLOCATION, NON_ROUTABLE_PRODUCER, nonRoutable.describe6(i));
    }
    String[] details = anonymizers == null ? new String[] {""} : anonymizers.details();
    anonymizerKinds = details.length;
    anonymizerUnknown = new Evidence[details.length];
    String anonymizerProducer = anonymizers == null ? "" : anonymizers.producer();
    for (int i = 1; i < details.length; i++) {
      anonymizerUnknown[i] =
          new Evidence(
              Jurisdiction.unknown(UnknownReason.ANONYMIZER),
              LocationSource.IP_GEOLOCATION,
              anonymizerProducer,
              "anonymizer: " + details[i],
              0,
              anonymizers.kinds().get(i));
    }
    combined =
        new Evidence[anonymizersAreUnknown ? 0 : location.evidence().length * details.length];
  }

  /** The location database in service. */
  public Loader.Location location() {
    return location;
  }

  /** The anonymizer database in service, or {@code null}. */
  public Loader.@Nullable Anonymizers anonymizers() {
    return anonymizers;
  }

  /** The areas placed in this generation's evidence. */
  Areas areas() {
    return areas;
  }

  /**
   * Every place's evidence with its placements relative to {@code areas}, the tests run once per
   * place here (at load, outside any lock), so a lookup returns it with an array read. Equal
   * evidence is shared; with no areas this is the location's own array.
   */
  static Evidence[] placed(Loader.Location location, Areas areas) {
    Evidence[] base = location.evidence();
    if (areas.refs().isEmpty()) {
      return base;
    }
    PlaceTable table = location.places();
    Evidence[] out = new Evidence[base.length];
    Map<Evidence, Evidence> shared = new HashMap<>();
    for (int i = 0; i < base.length; i++) {
      Evidence e = base[i];
      AreaPlacements p =
          i < table.size()
              ? areas.place(e.jurisdiction(), table.postalCode(i), table.latitude(i),
                  table.longitude(i), table.accuracyRadiusKm(i))
              : areas.place(e.jurisdiction(), null, Double.NaN, Double.NaN, Double.NaN);
      out[i] = p.isEmpty() ? e : shared.computeIfAbsent(e.withAreas(p), k -> k);
    }
    return out;
  }

  /** The same configuration with a new location database, placed by {@code placed}. */
  ResolverState withLocation(Loader.Location next, Evidence[] placedNext) {
    return new ResolverState(
        next, anonymizers, anonymizersAreUnknown, nonRoutable, areas, placedNext);
  }

  /** The same configuration with new areas, placed by {@code placedNext}. */
  ResolverState withAreas(Areas next, Evidence[] placedNext) {
    return new ResolverState(
        location, anonymizers, anonymizersAreUnknown, nonRoutable, next, placedNext);
  }

  /** The same configuration with a new anonymizer database. */
  public ResolverState withAnonymizers(Loader.Anonymizers next) {
    return new ResolverState(
        location, next, anonymizersAreUnknown, nonRoutable, areas, placed);
  }

  /** Resolves an IPv4 address (big-endian bits). */
  public Evidence resolve4(int address) {
    int special = nonRoutable.match4(address);
    if (special >= 0) {
      return nonRoutable4[special];
    }
    int loc = location.db().lookup4(address);
    Loader.Anonymizers anon = anonymizers;
    return anon == null ? placed[loc] : combine(loc, anon.db().lookup4(address));
  }

  /**
   * Resolves an IPv6 address given as big-endian halves. IPv4-compatible ({@code ::a.b.c.d}),
   * IPv4-mapped ({@code ::ffff:a.b.c.d}) and 6to4 ({@code 2002:aabb:ccdd::/48}) addresses resolve
   * as their IPv4 address; Teredo ({@code 2001::/32}) resolves as its client's IPv4 address.
   */
  public Evidence resolve6(long hi, long lo) {
    int special = nonRoutable.match6(hi, lo);
    if (special >= 0) {
      return nonRoutable6[special];
    }
    long v4 = translated4(hi, lo);
    if (v4 >= 0) {
      return resolve4((int) v4);
    }
    int loc = location.db().lookup6(hi, lo);
    Loader.Anonymizers anon = anonymizers;
    return anon == null ? placed[loc] : combine(loc, anon.db().lookup6(hi, lo));
  }

  /** Resolves the address {@link IpParser#ipv6} parsed: {@link #resolve6}. */
  @Override
  public Evidence ipv6(long hi, long lo) {
    return resolve6(hi, lo);
  }

  /**
   * The IPv4 address an IPv6 address resolves as (IPv4-compatible, IPv4-mapped, 6to4, Teredo), as
   * an unsigned value, or -1 if it resolves as itself.
   */
  private static long translated4(long hi, long lo) {
    if (hi == 0 && (lo >>> 32 == 0 || lo >>> 32 == 0xFFFFL)) {
      return lo & 0xFFFF_FFFFL;
    }
    if (hi >>> 48 == 0x2002L) {
      return (hi >>> 16) & 0xFFFF_FFFFL;
    }
    if (hi >>> 32 == 0x2001_0000L) {
      // Teredo: the client's public IPv4 address is stored inverted in the low 32 bits.
      return ~lo & 0xFFFF_FFFFL;
    }
    return -1;
  }

  /** The place id (see {@link Loader.Location#places()}) of an IPv4 address; 0 if none. */
  public int place4(int address) {
    return nonRoutable.match4(address) >= 0 ? 0 : location.db().lookup4(address);
  }

  /** The place id of an IPv6 address, translated as {@link #resolve6} does; 0 if none. */
  public int place6(long hi, long lo) {
    if (nonRoutable.match6(hi, lo) >= 0) {
      return 0;
    }
    long v4 = translated4(hi, lo);
    return v4 >= 0 ? place4((int) v4) : location.db().lookup6(hi, lo);
  }

  private Evidence combine(int loc, int anon) {
    if (anon == 0) {
      return placed[loc];
    }
    if (anonymizersAreUnknown) {
      return anonymizerUnknown[anon];
    }
    int slot = loc * anonymizerKinds + anon;
    Evidence e = combined[slot];
    if (e == null) {
      Evidence base = placed[loc];
      Loader.Anonymizers a = anonymizers;
      e =
          new Evidence(
              base.jurisdiction(),
              base.source(),
              base.producer(),
              (base.detail().isEmpty() ? "" : base.detail() + "; ")
                  + "anonymizer ("
                  + (a == null ? "" : a.producer())
                  + "): "
                  + anonymizerUnknown[anon].detail().substring("anonymizer: ".length()),
              base.accuracyRadiusKm(),
              anonymizerUnknown[anon].anonymizers(),
              base.areas());
      combined[slot] = e;
    }
    return e;
  }
}
