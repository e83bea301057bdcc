package io.geoscope.appeals;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.geoscope.core.Evidence;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.jspecify.annotations.Nullable;

/**
 * The join path's view of verified locations: for an account, the evidence a reviewer verified
 * if it is still valid, otherwise the evidence the caller already has (IP geolocation, dial-in,
 * ...). Verified outranks every other signal for that one account; it cannot touch another
 * account and it exempts no one from any rule: a location verified in a sanctioned place
 * restricts like any other evidence.
 *
 * <p>Reads go through a bounded Caffeine loading cache that also remembers accounts with no
 * verified location. A hit reads memory only and allocates nothing; a miss is one primary-key
 * query. Entries are refreshed in the background after {@code refreshAfter}; while the database
 * is unreachable, refreshes fail and the cached entries keep being served for up to {@code
 * serveStaleFor} after their last successful load. After that, or for an account never loaded,
 * the caller's own evidence is returned with {@code verified-locations-unavailable} appended to
 * its detail, so the decision says the verified signal could not be consulted; for {@code
 * retryAfter} after a failed load no further query is attempted, so an outage costs joins no
 * waiting.
 *
 * <p>Instances are thread-safe. Call {@link #invalidate(String)} after an approval in this
 * process; other processes see it at their next refresh.
 */
public final class VerifiedLocations {
  /** Appended to the caller's evidence detail when the store could not be consulted. */
  public static final String UNAVAILABLE = "verified-locations-unavailable";

  private final LoadingCache<String, Entry> cache;
  private final Clock clock;
  private final long retryAfterMillis;
  private volatile long unavailableUntil = Long.MIN_VALUE;

  /** What the cache holds per account: a verified evidence and its expiry, or nothing. */
  private static final class Entry {
    static final Entry NONE = new Entry(null, Long.MIN_VALUE);
    final @Nullable Evidence evidence;
    final long expiresAtMillis;

    Entry(@Nullable Evidence evidence, long expiresAtMillis) {
      this.evidence = evidence;
      this.expiresAtMillis = expiresAtMillis;
    }
  }

  /** Thrown inside the cache loader only, to carry the store's checked exception out. */
  private static final class StoreUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreUnavailable(AppealStorageException cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

  private VerifiedLocations(Builder b) {
    this.clock = b.clock;
    this.retryAfterMillis = b.retryAfter.toMillis();
    AppealStore store = b.store;
    CacheLoader<String, Entry> loader = accountId -> load(store, accountId);
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(b.maximumSize)
            .refreshAfterWrite(b.refreshAfter)
            .expireAfterWrite(b.serveStaleFor)
            .executor(b.executor)
            .ticker(() -> clock.millis() * 1_000_000L)
            .build(loader);
  }

  private static Entry load(AppealStore store, String accountId) {
    Optional<VerifiedLocation> found;
    try {
      found = store.verifiedLocation(accountId);
    } catch (AppealStorageException e) {
      throw new StoreUnavailable(e);
    }
    return found
        .map(v -> new Entry(v.evidence(), v.expiresAt().toEpochMilli()))
        .orElse(Entry.NONE);
  }

  /** A builder over {@code store}. */
  public static Builder builder(AppealStore store) {
    return new Builder(store);
  }

  /**
   * The account's verified evidence if it has one valid now, else {@code otherwise}; during an
   * outage with nothing cached, {@code otherwise} marked {@value #UNAVAILABLE}. Allocation-free on
   * a cache hit.
   */
  public Evidence evidenceFor(String accountId, Evidence otherwise) {
    Entry e = cache.getIfPresent(accountId);
    if (e == null) {
      e = loadOrNull(accountId);
      if (e == null) {
        return unavailable(otherwise);
      }
    }
    Evidence verified = e.evidence;
    return verified != null && clock.millis() < e.expiresAtMillis ? verified : otherwise;
  }

  private @Nullable Entry loadOrNull(String accountId) {
    if (clock.millis() < unavailableUntil) {
      return null;
    }
    try {
      return cache.get(accountId);
    } catch (StoreUnavailable down) {
      unavailableUntil = clock.millis() + retryAfterMillis;
      return null;
    }
  }

  private static Evidence unavailable(Evidence otherwise) {
    String detail = otherwise.detail().isEmpty() ? UNAVAILABLE : otherwise.detail() + "; " + UNAVAILABLE;
    return new Evidence(otherwise.jurisdiction(), otherwise.source(), otherwise.producer(), detail);
  }

  /** Forgets what is cached for the account, e.g. after approving its appeal here. */
  public void invalidate(String accountId) {
    cache.invalidate(accountId);
  }

  /** How many accounts are cached (approximately). */
  public long cachedAccounts() {
    return cache.estimatedSize();
  }

  /** Configures {@link VerifiedLocations}. Not thread-safe; build once. */
  public static final class Builder {
    private final AppealStore store;
    private long maximumSize = 100_000;
    private Duration refreshAfter = Duration.ofMinutes(1);
    private Duration serveStaleFor = Duration.ofMinutes(30);
    private Duration retryAfter = Duration.ofSeconds(5);
    private Clock clock = Clock.systemUTC();
    private Executor executor = ForkJoinPool.commonPool();

    private Builder(AppealStore store) {
      this.store = requireNonNull(store, "store");
    }

    /** At most this many accounts are cached (default 100,000). */
    public Builder maximumSize(long accounts) {
      this.maximumSize = accounts;
      return this;
    }

    /** Entries older than this are reloaded in the background on their next read (default 1 min). */
    public Builder refreshAfter(Duration refreshAfter) {
      this.refreshAfter = requireNonNull(refreshAfter, "refreshAfter");
      return this;
    }

    /** Entries not reloaded for this long are dropped, e.g. during an outage (default 30 min). */
    public Builder serveStaleFor(Duration serveStaleFor) {
      this.serveStaleFor = requireNonNull(serveStaleFor, "serveStaleFor");
      return this;
    }

    /** After a failed load, no query is tried for this long (default 5 s). */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = requireNonNull(retryAfter, "retryAfter");
      return this;
    }

    /** The clock for expiry and cache ages (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Where background refreshes run (default the common pool). */
    public Builder executor(Executor executor) {
      this.executor = requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Builds it.
     *
     * @throws IllegalArgumentException naming the setting, if sizes or durations are not positive
     *     or refreshAfter is not shorter than serveStaleFor
     */
    public VerifiedLocations build() {
      if (maximumSize <= 0) {
        throw new IllegalArgumentException("maximumSize must be positive");
      }
      if (refreshAfter.isNegative() || refreshAfter.isZero()) {
        throw new IllegalArgumentException("refreshAfter must be positive");
      }
      if (serveStaleFor.compareTo(refreshAfter) <= 0) {
        throw new IllegalArgumentException("serveStaleFor must be longer than refreshAfter");
      }
      if (retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative");
      }
      return new VerifiedLocations(this);
    }
  }
}
