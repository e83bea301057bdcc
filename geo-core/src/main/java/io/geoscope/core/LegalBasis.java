package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The law a rule or exemption rests on: who made it, where it binds, and where to read it.
 *
 * <p>{@code authority} names an {@link Authority} of the {@link AuthorityCatalogue} (or one the
 * policy declares) by id, name or alias; its home comes from there, so {@code home} is optional
 * and, when given, must equal the catalogue's. {@code territory}, when given, narrows where the law
 * binds; it can never widen a rule's reach (see {@link PolicyValidator}). Dates are calendar days
 * in UTC: in force from the start of {@code effective} (inclusive) until the start of {@code
 * expires} (exclusive).
 *
 * <p>Instances are immutable and thread-safe; build them with {@link #builder()}, which checks
 * everything a basis can know alone and throws {@link PolicyValidationException} listing every
 * problem.
 *
 * @param authority who made the law, e.g. {@code OFAC}
 * @param home the authority's own jurisdiction, if written (must match the catalogue)
 * @param territory where a participant must be for it to bind, if narrowed
 * @param extraterritorial why the authority reaches outside home, if it does
 * @param kind the instrument's kind
 * @param citation where to read it, e.g. {@code 31 CFR part 560}
 * @param reference an optional link or docket reference
 * @param effective the first day it is in force, if bounded
 * @param expires the first day it is no longer in force, if bounded
 */
public record LegalBasis(
    String authority,
    Optional<Jurisdiction> home,
    Optional<Scope> territory,
    Optional<String> extraterritorial,
    InstrumentKind kind,
    String citation,
    Optional<String> reference,
    Optional<LocalDate> effective,
    Optional<LocalDate> expires) {

  /** Checks for nulls; every other check is {@link PolicyValidator}'s. */
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
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
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

  /** Builds a {@link LegalBasis}; {@code build()} reports every problem at once. Not thread-safe. */
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

    /** Narrows where the law binds; defaults to the authority's home. */
    public Builder territory(String... codes) {
      return territory(Scope.of(codes));
    }

    /** Narrows where the law binds; defaults to the authority's home. */
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
     * Builds and validates the legal basis (missing fields, placeholder citations and statements,
     * dates, an authority the catalogue names with another home).
     *
     * @throws PolicyValidationException listing every problem
     */
    public LegalBasis build() {
      List<PolicyProblem> problems = new ArrayList<>();
      PolicyValidator.required(problems, "basis", "basis", "basis.authority", authority);
      PolicyValidator.required(problems, "basis", "basis", "basis.kind", kind);
      PolicyValidator.required(problems, "basis", "basis", "basis.citation", citation);
      if (!problems.isEmpty()) {
        throw new PolicyValidationException(problems);
      }
      LegalBasis basis =
          new LegalBasis(
              requireNonNull(authority),
              Optional.ofNullable(home),
              Optional.ofNullable(territory),
              Optional.ofNullable(extraterritorial),
              requireNonNull(kind),
              requireNonNull(citation),
              Optional.ofNullable(reference),
              Optional.ofNullable(effective),
              Optional.ofNullable(expires));
      PolicyValidator.throwIfAny(PolicyValidator.checkBasis(basis, "basis", "basis", null));
      return basis;
    }
  }
}
