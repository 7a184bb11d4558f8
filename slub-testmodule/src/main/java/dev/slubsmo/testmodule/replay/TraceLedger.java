package dev.slubsmo.testmodule.replay;

import dev.slubsmo.testmodule.trace.LifetimeStats;
import dev.slubsmo.testmodule.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the trace says happened, the same for every policy: which cache each event belongs to, which
 * frees match an allocation of the trace, per-cache counts and lifetimes. It turns each event into
 * the model operations every machine then applies.
 *
 * <p>Algorithm: a {@link PointerMap} holds each live trace pointer with its cache and allocation
 * time. An allocation of a pointer that is still live means its free was not traced (a hashed
 * pointer reused, or a free the tracer missed): the old object is freed first and counted as
 * reallocated. A free matches the live pointer and belongs to its cache, whatever cache the event
 * names; a free of a pointer the trace never allocated is unmatched: with a before-snapshot it
 * frees a pre-populated object of the named cache chosen by the seeded random, otherwise (and for a
 * {@code kfree}, which names no cache) it is only counted. Invariant, per cache: {@code live =
 * prepopulated - prepopulatedFreed + allocs - (frees - unmatchedFrees) - reallocated}.
 */
final class TraceLedger {
  /** Bits of a live entry that hold the cache (its index + 1; 0 for a non-slab kmalloc). */
  private static final int CACHE_BITS = 16;

  private static final long CACHE_MASK = (1L << CACHE_BITS) - 1;
  private static final long MAX_OFFSET = (1L << (63 - CACHE_BITS)) - 1;

  /** One cache's counts. */
  static final class Tally {
    long allocs;
    long frees;
    long unmatchedFrees;
    long reallocated;
    long prepopulated;
    long prepopulatedFreed;

    long live() {
      return prepopulated - prepopulatedFreed + allocs - (frees - unmatchedFrees) - reallocated;
    }
  }

  private final CacheCatalog catalog;
  private final GfpText gfp = new GfpText();
  private final LifetimeStats lifetimes = new LifetimeStats();
  private final PointerMap live = new PointerMap();
  private final List<Tally> tallies = new ArrayList<>();
  private final SplittableRandom random;
  private final int cpus;
  private final int nodes;
  private long events;
  private long startNanos = Long.MIN_VALUE;
  private long endNanos;
  private long nullFrees;
  private long failedAllocs;
  private long nonSlab;
  private long unmatchedKfrees;
  private long unattributedFrees;

  TraceLedger(CacheCatalog catalog, long seed, int cpus, int nodes) {
    this.catalog = catalog;
    this.random = new SplittableRandom(seed);
    this.cpus = cpus;
    this.nodes = nodes;
  }

  /** Accounts for event {@code e} and adds its operations to {@code out}, which has room. */
  void accept(TraceEvent e, OpBatch out) {
    long no = ++events;
    long nanos = e.timestampNanos();
    if (startNanos == Long.MIN_VALUE) {
      startNanos = nanos;
    }
    endNanos = Math.max(endNanos, nanos);
    out.lastEvent = no;
    out.lastNanos = endNanos - startNanos;
    int cpu = Math.floorMod(e.cpu(), cpus);
    if (e.isAlloc()) {
      allocated(e, no, cpu, out);
    } else {
      freed(e, no, cpu, out);
    }
  }

  private void allocated(TraceEvent e, long no, int cpu, OpBatch out) {
    long ptr = e.ptr();
    if (ptr == 0) {
      failedAllocs++;
      return;
    }
    int bits = gfp.bits(e.gfpFlags());
    int cache =
        e.kind() == TraceEvent.Kind.KMALLOC
            ? catalog.kmalloc(e.bytesAlloc(), bits)
            : catalog.named(
                e.cacheName() != null ? e.cacheName() : "unnamed-" + e.bytesAlloc(),
                e.bytesAlloc());
    long previous = live.put(ptr, entry(e.timestampNanos(), cache));
    if (previous != PointerMap.ABSENT && cacheOf(previous) >= 0) {
      tally(cacheOf(previous)).reallocated++;
      out.free(no, cacheOf(previous), cpu, ptr);
    }
    if (cache == CacheCatalog.NON_SLAB) {
      nonSlab++;
      lifetimes.allocated(LifetimeStats.kmallocSizeClass(e.bytesAlloc()), ptr, e.timestampNanos());
      return;
    }
    tally(cache).allocs++;
    lifetimes.allocated(catalog.spec(cache).name(), ptr, e.timestampNanos());
    out.alloc(no, cache, cpu, ptr, bits, e.node() < 0 ? -1 : e.node() % nodes);
  }

  private void freed(TraceEvent e, long no, int cpu, OpBatch out) {
    long ptr = e.ptr();
    if (ptr == 0) {
      nullFrees++;
      return;
    }
    lifetimes.freed(e.cacheName(), ptr, e.timestampNanos());
    long entry = live.remove(ptr);
    if (entry != PointerMap.ABSENT) {
      int cache = cacheOf(entry);
      if (cache >= 0) {
        tally(cache).frees++;
        out.free(no, cache, cpu, ptr);
      }
      return;
    }
    if (e.cacheName() == null) {
      unmatchedKfrees++;
      return;
    }
    int cache = catalog.named(e.cacheName(), 0);
    if (cache < 0) {
      unattributedFrees++;
      return;
    }
    Tally t = tally(cache);
    t.frees++;
    t.unmatchedFrees++;
    long left = t.prepopulated - t.prepopulatedFreed;
    if (left > 0) {
      t.prepopulatedFreed++;
      out.poolFree(no, cache, cpu, random.nextLong(left));
    }
  }

  private Tally tally(int cache) {
    while (tallies.size() <= cache) {
      Tally t = new Tally();
      t.prepopulated = catalog.spec(tallies.size()).start().objects();
      tallies.add(t);
    }
    return tallies.get(cache);
  }

  private long entry(long nanos, int cache) {
    if (cache + 1 > CACHE_MASK) {
      throw new ReplayInputException("replay: more than " + (CACHE_MASK - 1) + " caches");
    }
    long offset = Math.max(0, nanos - startNanos);
    if (offset > MAX_OFFSET) {
      throw new ReplayInputException(
          "replay: trace longer than " + MAX_OFFSET / 3_600_000_000_000L + " hours");
    }
    return offset << CACHE_BITS | (cache + 1);
  }

  private static int cacheOf(long entry) {
    return (int) (entry & CACHE_MASK) - 1;
  }

  /** The counts of cache {@code index}. */
  Tally tallyOf(int index) {
    return tally(index);
  }

  /**
   * The allocation time of live trace pointer {@code ptr}, in nanoseconds since the first event, or
   * -1 when it is not live.
   */
  long allocatedAt(long ptr) {
    long entry = live.get(ptr);
    return entry == PointerMap.ABSENT ? -1 : entry >>> CACHE_BITS;
  }

  /** Receives one live trace object. */
  interface LiveVisitor {
    void visit(int cache, long allocatedAt);
  }

  /**
   * Visits every live trace object with its cache (-1 for a non-slab kmalloc) and its allocation
   * time in nanoseconds since the first event.
   */
  void forEachLive(LiveVisitor visitor) {
    live.forEach((ptr, entry) -> visitor.visit(cacheOf(entry), entry >>> CACHE_BITS));
  }

  LifetimeStats lifetimes() {
    return lifetimes;
  }

  long events() {
    return events;
  }

  /** Trace time from the first event to the last, in nanoseconds. */
  long durationNanos() {
    return startNanos == Long.MIN_VALUE ? 0 : endNanos - startNanos;
  }

  long nullFrees() {
    return nullFrees;
  }

  long failedAllocs() {
    return failedAllocs;
  }

  /** {@code kmalloc} events the page allocator serves (0 bytes or above 8 KiB), and their frees. */
  long nonSlab() {
    return nonSlab;
  }

  /** {@code kfree}s of pointers the trace never allocated: no cache can be told. */
  long unmatchedKfrees() {
    return unmatchedKfrees;
  }

  /** Unmatched frees naming a cache the geometry file lacks. */
  long unattributedFrees() {
    return unattributedFrees;
  }
}
