package io.geoscope.geoip;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import org.jspecify.annotations.Nullable;

/**
 * The place detail of one generation of a resolver's location database: every distinct place
 * (jurisdiction, postal code, location and accuracy radius, as a GeoIP City record gives them)
 * numbered from 0, place 0 being "not in the database". {@link #lookup} gives an address's place
 * number; the accessors read primitive arrays. Precompute per place (areas do: see geo-areas'
 * {@code AreaSet.precompute}) and a join is a table read.
 *
 * <p>A reload makes a new {@code Places}; numbers are only meaningful with the instance that gave
 * them. Country databases have no detail: their places carry NaN locations and no postal code.
 * Latitudes and longitudes are kept as floats (about a metre of precision, far below any accuracy
 * radius). Instances are immutable and thread-safe; lookups and reads allocate nothing.
 */
public final class Places {
  private final ResolverState state;
  private final PlaceTable table;

  Places(ResolverState state) {
    this.state = state;
    this.table = state.location().places();
  }

  boolean of(ResolverState s) {
    return state == s;
  }

  /**
   * The place of an address written as text; 0 when it is not in the database or not publicly
   * routable.
   *
   * @throws InvalidAddressException if {@code ip} is not a strict IP literal
   */
  public int lookup(CharSequence ip) {
    requireNonNull(ip, "ip");
    long v4 = IpParser.fastIpv4(ip);
    if (v4 >= 0) {
      return state.place4((int) v4);
    }
    if (IpParser.isColonForm(ip)) {
      return state.place6(IpParser.high(ip), IpParser.low(ip));
    }
    return state.place4(IpParser.ipv4(ip));
  }

  /** The place of an IPv4 address given as its 32 bits in network order. */
  public int lookupIpv4(int address) {
    return state.place4(address);
  }

  /** The place of an IPv6 address given as two big-endian halves. */
  public int lookupIpv6(long hi, long lo) {
    return state.place6(hi, lo);
  }

  /** How many places; every place number is below it. */
  public int size() {
    return table.size();
  }

  /** The location evidence of place {@code i} (without anonymizer detail). */
  public Evidence evidence(int i) {
    return table.evidence(i);
  }

  /** The jurisdiction of place {@code i}. */
  public Jurisdiction jurisdiction(int i) {
    return table.evidence(i).jurisdiction();
  }

  /** The postal code of place {@code i} as the database spells it, or null. */
  public @Nullable String postalCode(int i) {
    return table.postalCode(i);
  }

  /** The latitude of place {@code i} in degrees, or NaN. */
  public double latitude(int i) {
    return table.latitude(i);
  }

  /** The longitude of place {@code i} in degrees, or NaN. */
  public double longitude(int i) {
    return table.longitude(i);
  }

  /** The database's accuracy radius of place {@code i} in km, or NaN. */
  public double accuracyRadiusKm(int i) {
    return table.accuracyRadiusKm(i);
  }
}
