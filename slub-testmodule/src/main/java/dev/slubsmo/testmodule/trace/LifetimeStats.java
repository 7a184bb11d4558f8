package dev.slubsmo.testmodule.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Object lifetimes per cache in a slab trace: how long objects lived from allocation to free (in
 * trace time), which objects were still alive at the end and for how long, and the frees of objects
 * allocated before the trace began.
 *
 * <p>Algorithm: a {@link LiveObjectTable} maps each live pointer to its allocation time and cache;
 * a free removes it and records the lifetime in that cache's {@link LogHistogram}. Memory is
 * proportional to the live objects and the number of caches, never to the trace length. A free is
 * matched by pointer alone (an address is in one slab at a time), so a {@code kfree} of an object
 * from a named cache counts for that cache. Invariants: every allocation of a non-null pointer ends
 * as exactly one of: a lifetime, a live object, or "reallocated before free" (its free was not
 * seen); every free of a non-null pointer is a lifetime or an unmatched free. A lifetime that comes
 * out negative (per-CPU clocks skewed) is recorded as 0 and counted.
 */
public final class LifetimeStats {

  /**
   * A duration distribution: percentiles are accurate to within 1/64 of their value, max is exact;
   * {@code log2Micros.get(0)} counts durations under 1 µs, entry {@code i > 0} those in {@code
   * [2^(i-1), 2^i)} µs.
   */
  public record Distribution(
      long count,
      long p50Nanos,
      long p90Nanos,
      long p99Nanos,
      long maxNanos,
      List<Long> log2Micros) {

    static Distribution of(LogHistogram h) {
      List<Long> bins = new ArrayList<>();
      for (long bin : h.log2Micros()) {
        bins.add(bin);
      }
      return new Distribution(
          h.count(),
          h.percentile(0.50),
          h.percentile(0.90),
          h.percentile(0.99),
          h.max(),
          List.copyOf(bins));
    }
  }

  /**
   * What the trace showed for one cache.
   *
   * @param lifetimes allocation-to-free times of the objects freed in the trace
   * @param liveAges ages at the end of the trace of the objects still allocated
   * @param unmatchedFrees frees naming this cache of objects not allocated in the trace
   * @param reallocatedBeforeFree allocations whose pointer was handed out again before any free of
   *     it was seen (their lifetime is unknown)
   */
  public record CacheLifetimes(
      String cache,
      Distribution lifetimes,
      Distribution liveAges,
      long unmatchedFrees,
      long reallocatedBeforeFree) {}

  /** An object still allocated at the end of the trace. */
  public record LiveObject(String cache, long ptr, long allocatedAtNanos, long ageNanos) {}

  /** Per-cache running state. */
  private static final class CacheState {
    final String name;
    final LogHistogram lifetimes = new LogHistogram();
    long unmatchedFrees;
    long reallocatedBeforeFree;

    CacheState(String name) {
      this.name = name;
    }
  }

  private static final int LARGEST_NAMED_KMALLOC = 8192;

  private final LiveObjectTable live = new LiveObjectTable();
  private final Map<String, Integer> cacheIds = new HashMap<>();
  private final List<CacheState> caches = new ArrayList<>();
  private final String[] kmallocNames = new String[LARGEST_NAMED_KMALLOC + 1];
  private long endNanos = Long.MIN_VALUE;
  private long unmatchedUnnamedFrees;
  private long nullFrees;
  private long failedAllocations;
  private long negativeLifetimes;

  /**
   * Feeds one trace event: {@code kmem_cache_*} events count for their {@code name=} cache, {@code
   * kmalloc} for its size class ({@link #kmallocSizeClass}), and a {@code kfree} for the cache its
   * object was allocated from. Callers that name kmalloc caches differently call {@link #allocated}
   * and {@link #freed} themselves.
   */
  public void accept(TraceEvent e) {
    switch (e.kind()) {
      case CACHE_ALLOC:
        allocated(
            e.cacheName() != null ? e.cacheName() : "unnamed-" + e.bytesAlloc(),
            e.ptr(),
            e.timestampNanos());
        break;
      case KMALLOC:
        allocated(kmallocName(e.bytesAlloc()), e.ptr(), e.timestampNanos());
        break;
      default:
        freed(e.cacheName(), e.ptr(), e.timestampNanos());
        break;
    }
  }

  /** Records that {@code ptr} was allocated from {@code cache} at {@code timestampNanos}. */
  public void allocated(String cache, long ptr, long timestampNanos) {
    advance(timestampNanos);
    if (ptr == 0) {
      failedAllocations++;
      return;
    }
    int previous = live.put(ptr, timestampNanos, id(cache));
    if (previous >= 0) {
      caches.get(previous).reallocatedBeforeFree++;
    }
  }

  /**
   * Records that {@code ptr} was freed at {@code timestampNanos}; {@code cache} names the cache the
   * free event named, or is null when it named none ({@code kfree}).
   */
  public void freed(String cache, long ptr, long timestampNanos) {
    advance(timestampNanos);
    if (ptr == 0) {
      nullFrees++;
    } else if (live.remove(ptr)) {
      long lifetime = timestampNanos - live.removedTime();
      if (lifetime < 0) {
        negativeLifetimes++;
        lifetime = 0;
      }
      caches.get(live.removedCache()).lifetimes.record(lifetime);
    } else if (cache != null) {
      caches.get(id(cache)).unmatchedFrees++;
    } else {
      unmatchedUnnamedFrees++;
    }
  }

  /**
   * The kmalloc size class of an allocation of {@code bytesAlloc} bytes, named like the kernel's
   * caches ({@code kmalloc-96}, {@code kmalloc-2k}). It does not tell the {@code -cg}, {@code -rcl}
   * and {@code dma-} variants apart, and sizes above 8k, which the kernel serves from the page
   * allocator, get a name of the same style.
   */
  public static String kmallocSizeClass(long bytesAlloc) {
    return bytesAlloc >= 1024 && bytesAlloc % 1024 == 0
        ? "kmalloc-" + bytesAlloc / 1024 + "k"
        : "kmalloc-" + bytesAlloc;
  }

  /** Per cache, by name: lifetimes so far and the ages of live objects at {@link #endNanos()}. */
  public SortedMap<String, CacheLifetimes> byCache() {
    List<LogHistogram> ages = new ArrayList<>();
    for (int i = 0; i < caches.size(); i++) {
      ages.add(new LogHistogram());
    }
    live.forEach((ptr, allocatedAt, cache) -> ages.get(cache).record(age(allocatedAt)));
    SortedMap<String, CacheLifetimes> result = new TreeMap<>();
    for (int i = 0; i < caches.size(); i++) {
      CacheState c = caches.get(i);
      result.put(
          c.name,
          new CacheLifetimes(
              c.name,
              Distribution.of(c.lifetimes),
              Distribution.of(ages.get(i)),
              c.unmatchedFrees,
              c.reallocatedBeforeFree));
    }
    return result;
  }

  /** The objects still allocated, oldest first (ties by cache, then pointer). */
  public List<LiveObject> liveObjects() {
    List<LiveObject> result = new ArrayList<>(live.size());
    live.forEach(
        (ptr, allocatedAt, cache) ->
            result.add(new LiveObject(caches.get(cache).name, ptr, allocatedAt, age(allocatedAt))));
    result.sort(
        Comparator.comparingLong(LiveObject::allocatedAtNanos)
            .thenComparing(LiveObject::cache)
            .thenComparingLong(LiveObject::ptr));
    return result;
  }

  /** The latest timestamp fed so far: the end of the trace once it is all read. */
  public long endNanos() {
    return endNanos;
  }

  /** Frees that named no cache ({@code kfree}) of objects not allocated in the trace. */
  public long unmatchedUnnamedFrees() {
    return unmatchedUnnamedFrees;
  }

  /** Frees of the null pointer, which do nothing. */
  public long nullFrees() {
    return nullFrees;
  }

  /** Allocations that returned the null pointer. */
  public long failedAllocations() {
    return failedAllocations;
  }

  /** Frees stamped earlier than their allocation, recorded as lifetime 0. */
  public long negativeLifetimes() {
    return negativeLifetimes;
  }

  private long age(long allocatedAt) {
    return Math.max(0, endNanos - allocatedAt);
  }

  private void advance(long timestampNanos) {
    endNanos = Math.max(endNanos, timestampNanos);
  }

  private String kmallocName(long bytesAlloc) {
    if (bytesAlloc < 0 || bytesAlloc > LARGEST_NAMED_KMALLOC) {
      return kmallocSizeClass(bytesAlloc);
    }
    int i = (int) bytesAlloc;
    if (kmallocNames[i] == null) {
      kmallocNames[i] = kmallocSizeClass(bytesAlloc);
    }
    return kmallocNames[i];
  }

  private int id(String cache) {
    Integer id = cacheIds.get(cache);
    if (id == null) {
      id = caches.size();
      cacheIds.put(cache, id);
      caches.add(new CacheState(cache));
    }
    return id;
  }
}
