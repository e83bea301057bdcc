package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who makes a law: an identity from the {@link AuthorityCatalogue} or one a policy declares in its
 * {@code authorities:} section. A rule's {@link LegalBasis#authority()} names one by id, name or
 * alias.
 *
 * <p>{@code home} is where the authority's law is local law: one jurisdiction for most, the 27
 * member states for the EU's institutions, none for the UN Security Council (whose measures bind
 * through its members' national instruments). Instances are immutable and thread-safe.
 *
 * @param id stable id, e.g. {@code us.ofac}
 * @param name official name, e.g. {@code Office of Foreign Assets Control}
 * @param aliases other names people write, e.g. {@code OFAC}
 * @param home where its law is local law; may be empty (UN Security Council)
 * @param kinds the instrument kinds it issues
 * @param source where the entry was checked (the authority's official site), or the reference a
 *     declaring policy gave
 * @param declared true if a policy declared it rather than the catalogue
 */
public record Authority(
    String id,
    String name,
    List<String> aliases,
    Set<Jurisdiction> home,
    Set<InstrumentKind> kinds,
    Optional<String> source,
    boolean declared) {

  /** Checks for nulls and copies the collections. */
  public Authority {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    aliases = List.copyOf(requireNonNull(aliases, "aliases"));
    home = Immutables.orderedSet(requireNonNull(home, "home"));
    kinds = Immutables.enumSet(InstrumentKind.class, requireNonNull(kinds, "kinds"));
    requireNonNull(source, "source");
  }

  /**
   * An authority a policy declares: its law is local in {@code home} only. It may cite any kind
   * of instrument there, but never reaches outside home nor acts on unknown locations (that takes
   * a catalogue authority under the operator's law).
   */
  public static Authority declared(
      String id, String name, Jurisdiction home, Optional<String> reference) {
    return new Authority(
        id,
        name,
        List.of(),
        Set.of(home),
        Set.of(InstrumentKind.values()),
        reference,
        true);
  }

  /** True if {@code j} lies within the authority's home. */
  public boolean isHome(Jurisdiction j) {
    for (Jurisdiction h : home) {
      if (j.within(h)) {
        return true;
      }
    }
    return false;
  }

  /** The home as written in reports: codes joined with commas, or "none". */
  public String homeText() {
    if (home.isEmpty()) {
      return "none";
    }
    if (home.size() > 3) {
      return home.size() + " jurisdictions (" + home.iterator().next() + "...)";
    }
    StringBuilder b = new StringBuilder();
    for (Jurisdiction j : home) {
      b.append(b.length() == 0 ? "" : ",").append(j.code());
    }
    return b.toString();
  }

  /** Every name this authority answers to: id, name and aliases. */
  public List<String> names() {
    List<String> all = new java.util.ArrayList<>();
    all.add(id);
    all.add(name);
    all.addAll(aliases);
    return all;
  }
}
