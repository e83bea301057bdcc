package io.geoscope.event;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.Decision;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A value per decision, for listeners that must not allocate: a lock-free table keyed by the
 * decision's identity (engines hand out the same prebuilt {@link Decision} for the same evidence
 * and rule standing), backed by a map keyed by equality for decisions seen for the first time.
 *
 * <p>{@link #get(Decision)} of a decision already in the table is a few array reads: no
 * allocation, no lock. The first sight of a decision computes its value once per equal decision
 * (the value is shared by every identical-by-value decision) and records the identity, up to
 * {@value #IDENTITY_LIMIT} identities; beyond that, lookups go by equality (correct, slower), so
 * memory stays bounded when decisions are built afresh (hand-made evidence, huge policies).
 *
 * <p>Thread-safe; {@link #forEach} sees every value added before it started.
 *
 * @param <V> the value kept per decision, e.g. a counter
 */
public final class DecisionTable<V> {
  /** Identities recorded before lookups fall back to equality. */
  public static final int IDENTITY_LIMIT = 4096;

  private static final int FIRST_SEGMENT = 16;

  private final Function<? super Decision, ? extends V> init;
  private final ConcurrentMap<Decision, V> byValue = new ConcurrentHashMap<>();
  private final AtomicInteger identities = new AtomicInteger();
  /** Open-addressing segments, each four times the last; identities never move between them. */
  private volatile Segment<V>[] segments;

  private record Entry<V>(Decision decision, V value) {}

  private static final class Segment<V> {
    final AtomicReferenceArray<Entry<V>> slots;
    final int mask;
    final int limit;
    final AtomicInteger used = new AtomicInteger();

    Segment(int size) {
      this.slots = new AtomicReferenceArray<>(size);
      this.mask = size - 1;
      this.limit = size - size / 4;
    }

    /** The value for {@code d} if its identity is here, else null. */
    @Nullable V find(Decision d, int hash) {
      for (int i = hash & mask; ; i = (i + 1) & mask) {
        Entry<V> e = slots.get(i);
        if (e == null) {
          return null;
        }
        if (e.decision == d) {
          return e.value;
        }
      }
    }

    /** Adds the identity if room remains (never past three quarters full); false if full. */
    boolean add(Entry<V> entry, int hash) {
      if (used.incrementAndGet() > limit) {
        used.decrementAndGet();
        return false;
      }
      for (int i = hash & mask; ; i = (i + 1) & mask) {
        Entry<V> e = slots.get(i);
        if (e == null && slots.compareAndSet(i, null, entry)) {
          return true;
        }
        if (e != null && e.decision == entry.decision) {
          used.decrementAndGet();
          return true;
        }
      }
    }
  }

  private DecisionTable(Function<? super Decision, ? extends V> init) {
    this.init = init;
    @SuppressWarnings({"unchecked", "rawtypes"}) // generic array creation
    Segment<V>[] first = new Segment[] {new Segment<V>(FIRST_SEGMENT)};
    this.segments = first;
  }

  /** An empty table whose value for a decision is {@code init.apply(decision)}, computed once. */
  public static <V> DecisionTable<V> computing(Function<? super Decision, ? extends V> init) {
    return new DecisionTable<>(requireNonNull(init, "init"));
  }

  /** The value for {@code decision}, computed on first sight. Never null. */
  public V get(Decision decision) {
    int hash = spread(System.identityHashCode(decision));
    Segment<V>[] s = segments;
    for (int k = 0; k < s.length; k++) {
      V v = s[k].find(decision, hash);
      if (v != null) {
        return v;
      }
    }
    return firstSight(decision, hash);
  }

  private V firstSight(Decision decision, int hash) {
    V v = byValue.computeIfAbsent(decision, init);
    if (identities.get() < IDENTITY_LIMIT) {
      Entry<V> entry = new Entry<>(decision, v);
      while (!last().add(entry, hash)) {
        grow();
      }
      identities.incrementAndGet();
    }
    return v;
  }

  private Segment<V> last() {
    Segment<V>[] s = segments;
    return s[s.length - 1];
  }

  private synchronized void grow() {
    Segment<V>[] s = segments;
    Segment<V> full = s[s.length - 1];
    if (full.used.get() < full.limit) {
      return; // another thread grew it already, or room came back
    }
    Segment<V>[] more = java.util.Arrays.copyOf(s, s.length + 1);
    more[s.length] = new Segment<>(full.slots.length() * 4);
    segments = more;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /** Calls {@code action} with each distinct (by value) decision and its value. */
  public void forEach(BiConsumer<? super Decision, ? super V> action) {
    byValue.forEach(action);
  }
}
