package dev.slubsmo.testmodule.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slubsmo.testmodule.trace.TraceEvent.Kind;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bundled dcache-walk trace, read whole. Its event totals are documented facts of the data file
 * (shared/data/README.md): 831,510 events, 181,526 kmem_cache_alloc, 188,240 kmem_cache_free,
 * 213,426 kmalloc, 248,318 kfree, 36 named caches.
 */
class BundledTraceTest {
  static final String TRACE = "/traces/dcache-walk/trace.txt.xz";

  static TraceReader open() throws IOException {
    return TraceReader.open(BundledTraceTest.class.getResourceAsStream(TRACE), true);
  }

  @Test
  void eventCountsMatchTheDocumentedTotals() throws IOException {
    Map<Kind, Long> byKind = new EnumMap<>(Kind.class);
    Set<String> caches = new HashSet<>();
    try (TraceReader reader = open()) {
      while (reader.next(
          e -> {
            byKind.merge(e.kind(), 1L, Long::sum);
            if (e.cacheName() != null) {
              caches.add(e.cacheName());
            }
          })) {}
      assertEquals(831_510, reader.events());
      assertEquals(reader.lines(), reader.events());
    }
    assertEquals(181_526L, byKind.get(Kind.CACHE_ALLOC));
    assertEquals(188_240L, byKind.get(Kind.CACHE_FREE));
    assertEquals(213_426L, byKind.get(Kind.KMALLOC));
    assertEquals(248_318L, byKind.get(Kind.KFREE));
    assertEquals(36, caches.size());
  }

  @Test
  void lifetimeStatsAccountForEveryEventOfTheWholeTrace() throws IOException {
    LifetimeStats stats = new LifetimeStats();
    long[] allocs = new long[1];
    long[] frees = new long[1];
    try (TraceReader reader = open()) {
      while (reader.next(
          e -> {
            stats.accept(e);
            (e.isAlloc() ? allocs : frees)[0]++;
          })) {}
    }
    long lifetimes = 0;
    long live = 0;
    long unmatched = stats.unmatchedUnnamedFrees();
    long reallocated = 0;
    for (LifetimeStats.CacheLifetimes c : stats.byCache().values()) {
      lifetimes += c.lifetimes().count();
      live += c.liveAges().count();
      unmatched += c.unmatchedFrees();
      reallocated += c.reallocatedBeforeFree();
    }
    assertEquals(allocs[0], lifetimes + live + reallocated + stats.failedAllocations());
    assertEquals(frees[0], lifetimes + unmatched + stats.nullFrees());
    assertEquals(live, stats.liveObjects().size());
  }
}
