package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The law a rule or exemption rests on: who made it, where it binds, and where to read it.
 *
 * <p>{@code territory} is where a participant must be for the law to bind; it defaults to the
 * authority's {@code home}. A territory reaching outside home is only valid with a non-empty
 * {@code extraterritorial} statement (checked when a {@link Policy} is built). Dates are
 * calendar days in UTC: in force from the start of {@code effective} (inclusive) until the start
 * of {@code expires} (exclusive).
 *
 * <p>Instances are immutable and thread-safe; build them with {@link #builder()}.
 *
 * @param authority who made the law, e.g. {@code OFAC}
 * @param home the authority's own jurisdiction
 * @param territory where a participant must be for it to bind
 * @param extraterritorial why the authority reaches outside home, if it does
 * @param kind the instrument's kind
 * @param citation where to read it, e.g. {@code 31 CFR part 560}
 * @param reference an optional link or docket reference
 * @param effective the first day it is in force, if bounded
 * @param expires the first day it is no longer in force, if bounded
 */
public record LegalBasis(
    String authority,
    Jurisdiction home,
    Scope territory,
    Optional<String> extraterritorial,
    InstrumentKind kind,
    String citation,
    Optional<String> reference,
    Optional<LocalDate> effective,
    Optional<LocalDate> expires) {

  /** Checks for nulls and blanks; semantic checks happen when a policy is built. */
  public LegalBasis {
    requireNonNull(authority, "authority");
    requireNonNull(home, "home");
    requireNonNull(territory, "territory");
    requireNonNull(extraterritorial, "extraterritorial");
    requireNonNull(kind, "kind");
    requireNonNull(citation, "citation");
    requireNonNull(reference, "reference");
    requireNonNull(effective, "effective");
    requireNonNull(expires, "expires");
    if (authority.isBlank()) {
      throw new IllegalArgumentException("legal basis authority must not be blank");
    }
    if (citation.isBlank()) {
      throw new IllegalArgumentException("legal basis citation must not be blank");
    }
    if (!home.isKnown()) {
      throw new IllegalArgumentException("legal basis home must be a known jurisdiction");
    }
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** True if the territory reaches outside the authority's home. */
  public boolean isExtraterritorial() {
    return !territory.within(new Scope(java.util.Set.of(home)));
  }

  /** True if the law is in force at {@code at} (dates are UTC days). */
  public boolean inForceAt(Instant at) {
    if (effective.isPresent() && at.isBefore(startOf(effective.get()))) {
      return false;
    }
    return expires.isEmpty() || at.isBefore(startOf(expires.get()));
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Builds a {@link LegalBasis}; {@code build()} names the first missing field. Not thread-safe. */
  public static final class Builder {
    private @Nullable String authority;
    private @Nullable Jurisdiction home;
    private @Nullable Scope territory;
    private @Nullable String extraterritorial;
    private @Nullable InstrumentKind kind;
    private @Nullable String citation;
    private @Nullable String reference;
    private @Nullable LocalDate effective;
    private @Nullable LocalDate expires;

    private Builder() {}

    /** Sets who made the law. */
    public Builder authority(String authority) {
      this.authority = authority;
      return this;
    }

    /** Sets the authority's home jurisdiction, e.g. {@code "US"}. */
    public Builder home(String home) {
      return home(Jurisdiction.of(home));
    }

    /** Sets the authority's home jurisdiction. */
    public Builder home(Jurisdiction home) {
      this.home = home;
      return this;
    }

    /** Sets where the law binds; defaults to home. */
    public Builder territory(String... codes) {
      return territory(Scope.of(codes));
    }

    /** Sets where the law binds; defaults to home. */
    public Builder territory(Scope territory) {
      this.territory = territory;
      return this;
    }

    /** States why the law reaches outside home. */
    public Builder extraterritorial(String statement) {
      this.extraterritorial = statement;
      return this;
    }

    /** Sets the instrument's kind. */
    public Builder kind(InstrumentKind kind) {
      this.kind = kind;
      return this;
    }

    /** Sets where to read the law. */
    public Builder citation(String citation) {
      this.citation = citation;
      return this;
    }

    /** Sets an optional link or docket reference. */
    public Builder reference(String reference) {
      this.reference = reference;
      return this;
    }

    /** Sets the first day in force. */
    public Builder effective(LocalDate effective) {
      this.effective = effective;
      return this;
    }

    /** Sets the first day no longer in force. */
    public Builder expires(LocalDate expires) {
      this.expires = expires;
      return this;
    }

    /**
     * Builds the legal basis.
     *
     * @throws IllegalArgumentException naming the first missing or invalid field
     */
    public LegalBasis build() {
      if (authority == null) {
        throw new IllegalArgumentException("legal basis: authority is required");
      }
      if (home == null) {
        throw new IllegalArgumentException("legal basis: home is required");
      }
      if (!home.isKnown()) {
        // Checked here, before home becomes the default territory, so the message names home.
        throw new IllegalArgumentException(
            "legal basis: home must be a known jurisdiction, got " + home);
      }
      if (kind == null) {
        throw new IllegalArgumentException("legal basis: kind is required");
      }
      if (citation == null) {
        throw new IllegalArgumentException("legal basis: citation is required");
      }
      return new LegalBasis(
          authority,
          home,
          territory == null ? new Scope(java.util.Set.of(home)) : territory,
          Optional.ofNullable(extraterritorial),
          kind,
          citation,
          Optional.ofNullable(reference),
          Optional.ofNullable(effective),
          Optional.ofNullable(expires));
    }
  }
}
