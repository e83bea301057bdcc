package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Every location signal a join hook has for one participant (IP geolocation, dial-in, room-system
 * site, declared, verified), kept in precedence order, with the one that places the participant by
 * default and whether they disagree.
 *
 * <p><b>Precedence is deterministic.</b> Signals are ordered by the {@link Precedence} rank of
 * their source, then known before unknown, subdivision before country, then by jurisdiction code,
 * producer, detail, accuracy radius and anonymizer facts; equal signals count once. The order in
 * which a caller adds signals never matters. The {@linkplain #primary() primary} signal is the first
 * known one. When the known signals of the strongest source that has any disagree on the country,
 * precedence cannot choose and the primary signal is unknown with reason {@link
 * UnknownReason#CONFLICTING_SIGNALS}; when they agree on the country but not on the subdivision,
 * the primary signal is their country. With no known signal the primary signal is the first
 * unknown one (its reason says why), or {@link Evidence#none()} when there are none.
 *
 * <p><b>Conflicts.</b> Signals {@linkplain #conflicting() conflict} when the known ones name more
 * than one country; every decision for such a participant records every signal with its
 * jurisdiction. No signal holds an IP address or a phone number.
 *
 * <p>Instances are immutable and thread-safe; equality is by value.
 */
public final class Signals {
  private static final String PRODUCER = "geoscope signals";

  /** The single-signal Signals last built per identity-hash slot; see {@link #single}. */
  private static final Signals[] SINGLES = new Signals[1024];

  private final Precedence precedence;
  private final List<Evidence> all;
  private final List<Evidence> known;
  private final Evidence primary;
  private final boolean conflicting;

  private Signals(Precedence precedence, List<Evidence> all) {
    this.precedence = precedence;
    this.all = List.copyOf(all);
    List<Evidence> k = new ArrayList<>();
    for (Evidence e : all) {
      if (e.jurisdiction().isKnown()) {
        k.add(e);
      }
    }
    this.known = List.copyOf(k);
    boolean differ = false;
    for (Evidence e : k) {
      differ |= e.jurisdiction().country() != k.get(0).jurisdiction().country();
    }
    this.conflicting = differ;
    this.primary = choose(precedence, this.all, this.known);
  }

  /**
   * One signal, without sorting, copying or choosing: a join with one signal builds this per
   * participant, so it holds one small list and nothing else.
   */
  private Signals(Evidence only) {
    this.precedence = Precedence.standard();
    this.all = List.of(only);
    this.known = only.jurisdiction().isKnown() ? all : List.of();
    this.conflicting = false;
    this.primary = only;
  }

  private static Evidence choose(Precedence precedence, List<Evidence> all, List<Evidence> known) {
    if (known.isEmpty()) {
      return all.isEmpty() ? Evidence.none() : all.get(0);
    }
    Evidence first = known.get(0);
    int top = precedence.rank(first.source());
    boolean countries = false;
    boolean subdivisions = false;
    StringBuilder names = new StringBuilder();
    for (Evidence e : known) {
      if (precedence.rank(e.source()) != top) {
        break;
      }
      Jurisdiction j = e.jurisdiction();
      names.append(names.length() == 0 ? "" : ", ").append(j.code());
      countries |= j.country() != first.jurisdiction().country();
      subdivisions |= j != first.jurisdiction();
    }
    if (countries) {
      return new Evidence(
          Jurisdiction.unknown(UnknownReason.CONFLICTING_SIGNALS),
          first.source(),
          PRODUCER,
          first.source().code() + " signals disagree: " + names);
    }
    if (subdivisions && first.jurisdiction().isSubdivision()) {
      return new Evidence(
          first.jurisdiction().country(),
          first.source(),
          first.producer(),
          first.source().code() + " signals agree only on the country: " + names,
          first.accuracyRadiusKm(),
          first.anonymizers());
    }
    return first;
  }

  /** The signals {@code evidence}, ordered by the {@linkplain Precedence#standard() standard precedence}. */
  public static Signals of(Evidence... evidence) {
    return of(Precedence.standard(), List.of(evidence));
  }

  /** The signals {@code evidence}, ordered by the standard precedence. */
  public static Signals of(Collection<Evidence> evidence) {
    return of(Precedence.standard(), evidence);
  }

  /** The signals {@code evidence}, ordered by {@code precedence}. */
  public static Signals of(Precedence precedence, Collection<Evidence> evidence) {
    requireNonNull(precedence, "precedence");
    TreeSet<Evidence> sorted = new TreeSet<>(order(precedence));
    for (Evidence e : evidence) {
      sorted.add(requireNonNull(e, "evidence"));
    }
    return new Signals(precedence, new ArrayList<>(sorted));
  }

  /** One signal: the single-evidence case. */
  public static Signals single(Evidence evidence) {
    // The same as of(evidence): one signal is its own primary, known or not, and conflicts with
    // nothing. Resolvers hand out the same Evidence instance for every lookup of a place, so the
    // Signals of the last evidence seen in each slot are kept and a join allocates none.
    requireNonNull(evidence, "evidence");
    int slot = System.identityHashCode(evidence) & (SINGLES.length - 1);
    Signals s = SINGLES[slot];
    if (s == null || s.primary != evidence) { // only single-signal Signals are kept here
      s = new Signals(evidence);
      SINGLES[slot] = s; // racy on purpose: Signals is immutable, a lost write costs one rebuild
    }
    return s;
  }

  /** These signals and {@code another}, e.g. a verified location from an appeal. */
  public Signals with(Evidence another) {
    List<Evidence> more = new ArrayList<>(all);
    more.add(another);
    return of(precedence, more);
  }

  private static Comparator<Evidence> order(Precedence precedence) {
    return Comparator.<Evidence>comparingInt(e -> precedence.rank(e.source()))
        .thenComparing(e -> -e.precision().ordinal())
        .thenComparing(e -> e.jurisdiction().code())
        .thenComparing(Evidence::producer)
        .thenComparing(Evidence::detail)
        .thenComparingInt(Evidence::accuracyRadiusKm)
        .thenComparing(e -> e.anonymizers().toString());
  }

  /** The precedence these signals are ordered by. */
  public Precedence precedence() {
    return precedence;
  }

  /** Every signal, in precedence order. */
  public List<Evidence> all() {
    return all;
  }

  /** The signals that placed the participant somewhere, in precedence order. */
  public List<Evidence> known() {
    return known;
  }

  /** The signal that places the participant by precedence (see the class documentation). */
  public Evidence primary() {
    return primary;
  }

  /** True if the known signals name more than one country. */
  public boolean conflicting() {
    return conflicting;
  }

  /** The number of distinct signals. */
  public int size() {
    return all.size();
  }

  /** Every signal as {@code source jurisdiction}, e.g. {@code "dial-in US-CA, ip-geolocation CN"}. */
  public String describe() {
    return Conflict.list(all);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signals s && s.precedence.equals(precedence) && s.all.equals(all);
  }

  @Override
  public int hashCode() {
    return precedence.hashCode() * 31 + all.hashCode();
  }

  @Override
  public String toString() {
    return "Signals[" + describe() + "]";
  }
}
