package io.geoscope.event;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.Decision;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A value per decision, for listeners that must not allocate: a table keyed by the decision's
 * identity (engines hand out the same prebuilt {@link Decision} for the same evidence and rule
 * standing), backed by a map keyed by equality for decisions seen for the first time.
 *
 * <p>{@link #get(Decision)} of a decision already in the table is a few array reads: no
 * allocation, no lock. The first sight of a decision computes its value once per equal decision
 * (the value is shared by every identical-by-value decision) and records the identity, under a
 * lock, up to {@value #IDENTITY_LIMIT} identities; beyond that, lookups go by equality (correct,
 * slower), so memory stays bounded when decisions are built afresh (hand-made evidence, huge
 * policies).
 *
 * <p>Thread-safe; {@link #forEach} sees every value added before it started.
 *
 * @param <V> the value kept per decision, e.g. a counter
 */
public final class DecisionTable<V> {
  /** Identities recorded before lookups fall back to equality. */
  public static final int IDENTITY_LIMIT = 4096;

  private static final int FIRST_SIZE = 32;

  private final Function<? super Decision, ? extends V> init;
  private final ConcurrentMap<Decision, V> byValue = new ConcurrentHashMap<>();

  /**
   * One open-addressing table, never more than half full, so that a lookup, found or not, reads
   * one or two slots; replaced whole (copied into one twice the size) when it would pass half.
   */
  private volatile Slots<V> slots = new Slots<>(FIRST_SIZE);

  /** Identities recorded; guarded by {@code this}. */
  private int identities;

  /**
   * Keys and values in parallel arrays: a probe compares the key's reference without reading the
   * decision. A value is written before its key, so a reader that sees the key sees the value.
   */
  private static final class Slots<V> {
    final AtomicReferenceArray<Decision> keys;
    final AtomicReferenceArray<V> values;
    final int mask;

    Slots(int size) {
      this.keys = new AtomicReferenceArray<>(size);
      this.values = new AtomicReferenceArray<>(size);
      this.mask = size - 1;
    }

    /** The value for {@code d} if its identity is here, else null. */
    @Nullable V find(Decision d, int hash) {
      for (int i = hash & mask; ; i = (i + 1) & mask) {
        Decision k = keys.get(i);
        if (k == d) {
          return values.get(i);
        }
        if (k == null) {
          return null;
        }
      }
    }

    /** Adds the identity; the caller holds the table's lock and has checked there is room. */
    void put(Decision d, V v, int hash) {
      for (int i = hash & mask; ; i = (i + 1) & mask) {
        Decision k = keys.get(i);
        if (k == d) {
          return;
        }
        if (k == null) {
          values.set(i, v);
          keys.set(i, d);
          return;
        }
      }
    }

    /** A copy twice the size, with every identity this one holds. */
    Slots<V> doubled() {
      Slots<V> more = new Slots<>(2 * keys.length());
      for (int i = 0; i < keys.length(); i++) {
        Decision k = keys.get(i);
        if (k != null) {
          more.put(k, values.get(i), spread(System.identityHashCode(k)));
        }
      }
      return more;
    }
  }

  private DecisionTable(Function<? super Decision, ? extends V> init) {
    this.init = init;
  }

  /**
   * A table whose value for each decision, by value, is {@code init.apply(decision)}, computed
   * the first time a decision equal to it is seen.
   */
  public static <V> DecisionTable<V> computing(Function<? super Decision, ? extends V> init) {
    return new DecisionTable<>(requireNonNull(init, "init"));
  }

  /** The value for {@code decision}; allocation-free and lock-free once its identity is known. */
  public V get(Decision decision) {
    int hash = spread(System.identityHashCode(decision));
    V v = slots.find(decision, hash);
    return v != null ? v : firstSight(decision, hash);
  }

  private V firstSight(Decision decision, int hash) {
    V v = byValue.computeIfAbsent(decision, init);
    synchronized (this) {
      Slots<V> s = slots;
      if (identities < IDENTITY_LIMIT && s.find(decision, hash) == null) {
        if (2 * (identities + 1) > s.keys.length()) {
          s = s.doubled();
        }
        s.put(decision, v, hash);
        slots = s;
        identities++;
      }
    }
    return v;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /** Calls {@code action} with each distinct (by value) decision and its value. */
  public void forEach(BiConsumer<? super Decision, ? super V> action) {
    byValue.forEach(action);
  }
}
