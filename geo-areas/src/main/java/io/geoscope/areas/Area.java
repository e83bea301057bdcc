package io.geoscope.areas;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.Jurisdiction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An area below (or across) subdivisions that a rule may apply in: an id, a name, the country (and
 * optionally the subdivision) it lies in, the source that defines it, and a definition by postal
 * codes (exact codes and prefixes) and/or a boundary given as GeoJSON Polygon or MultiPolygon.
 *
 * <p>An {@code Area} is a plain value: building one checks only for nulls. Whether its definition
 * is usable (a closed, simple, bounded boundary inside its country...) is decided in one place,
 * {@link AreaValidator}, which {@link AreaSet#compile} calls. Postal codes are kept normalised
 * (upper case, spaces and hyphens removed), so {@code "sw1a 1aa"} and {@code "SW1A1AA"} are one code.
 *
 * <p>Instances are immutable and thread-safe; equality is by value.
 */
public final class Area {
  private final String id;
  private final String name;
  private final Jurisdiction country;
  private final @Nullable Jurisdiction subdivision;
  private final String source;
  private final List<String> postalCodes;
  private final List<String> postalPrefixes;
  private final @Nullable String boundary;

  private Area(Builder b) {
    this.id = requireNonNull(b.id, "id");
    this.name = requireNonNull(b.name, "name");
    this.country = requireNonNull(b.country, "country");
    this.subdivision = b.subdivision;
    this.source = requireNonNull(b.source, "source");
    this.postalCodes = List.copyOf(b.postalCodes);
    this.postalPrefixes = List.copyOf(b.postalPrefixes);
    this.boundary = b.boundary;
  }

  /** A builder for the area {@code id}. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** The id rules name in {@code applies-in}. */
  public String id() {
    return id;
  }

  /** The name for people. */
  public String name() {
    return name;
  }

  /** The country the area lies in. */
  public Jurisdiction country() {
    return country;
  }

  /** The subdivision the area lies in, if it was stated. */
  public Optional<Jurisdiction> subdivision() {
    return Optional.ofNullable(subdivision);
  }

  /** The citation of the source that defines the area (an order, a published list, a map). */
  public String source() {
    return source;
  }

  /** Exact postal codes, normalised, in the order given. */
  public List<String> postalCodes() {
    return postalCodes;
  }

  /** Postal code prefixes, normalised, in the order given. */
  public List<String> postalPrefixes() {
    return postalPrefixes;
  }

  /** The boundary as GeoJSON text (a Polygon, MultiPolygon or a Feature of one), if given. */
  public Optional<String> boundary() {
    return Optional.ofNullable(boundary);
  }

  /**
   * A postal code as areas compare them: upper case (ASCII), without spaces and hyphens.
   *
   * @throws NullPointerException if {@code code} is null
   */
  public static String normalizePostalCode(String code) {
    StringBuilder b = new StringBuilder(code.length());
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == ' ' || c == '-') {
        continue;
      }
      b.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
    }
    return b.toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Area)) {
      return false;
    }
    Area a = (Area) o;
    return id.equals(a.id)
        && name.equals(a.name)
        && country.equals(a.country)
        && Objects.equals(subdivision, a.subdivision)
        && source.equals(a.source)
        && postalCodes.equals(a.postalCodes)
        && postalPrefixes.equals(a.postalPrefixes)
        && Objects.equals(boundary, a.boundary);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        id, name, country, subdivision, source, postalCodes, postalPrefixes, boundary);
  }

  @Override
  public String toString() {
    return "Area[" + id + " in " + (subdivision != null ? subdivision : country) + "]";
  }

  /** Builds an {@link Area}; not thread-safe. */
  public static final class Builder {
    private final String id;
    private @Nullable String name;
    private @Nullable Jurisdiction country;
    private @Nullable Jurisdiction subdivision;
    private @Nullable String source;
    private final List<String> postalCodes = new ArrayList<>();
    private final List<String> postalPrefixes = new ArrayList<>();
    private @Nullable String boundary;

    private Builder(String id) {
      this.id = requireNonNull(id, "id");
    }

    /** The name for people. */
    public Builder name(String name) {
      this.name = requireNonNull(name, "name");
      return this;
    }

    /** The country the area lies in. */
    public Builder country(Jurisdiction country) {
      this.country = requireNonNull(country, "country");
      return this;
    }

    /** The subdivision the area lies in (optional); sets the country too if none was set. */
    public Builder subdivision(Jurisdiction subdivision) {
      this.subdivision = requireNonNull(subdivision, "subdivision");
      if (country == null && subdivision.isKnown()) {
        country = subdivision.country();
      }
      return this;
    }

    /** The citation of the source that defines the area. */
    public Builder source(String source) {
      this.source = requireNonNull(source, "source");
      return this;
    }

    /** Adds exact postal codes (normalised with {@link Area#normalizePostalCode}). */
    public Builder postalCodes(List<String> codes) {
      for (String c : codes) {
        postalCodes.add(normalizePostalCode(requireNonNull(c, "postal code")));
      }
      return this;
    }

    /** Adds postal code prefixes (normalised with {@link Area#normalizePostalCode}). */
    public Builder postalPrefixes(List<String> prefixes) {
      for (String c : prefixes) {
        postalPrefixes.add(normalizePostalCode(requireNonNull(c, "postal code prefix")));
      }
      return this;
    }

    /** The boundary as GeoJSON text: a Polygon, a MultiPolygon, or a Feature of one. */
    public Builder boundary(String geoJson) {
      this.boundary = requireNonNull(geoJson, "boundary");
      return this;
    }

    /**
     * The area.
     *
     * @throws NullPointerException naming the field when name, country or source is missing
     */
    public Area build() {
      requireNonNull(name, "name");
      requireNonNull(country, "country");
      requireNonNull(source, "source");
      return new Area(this);
    }
  }
}
