package dev.slubsmo.testmodule.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.testmodule.trace.LifetimeStats.CacheLifetimes;
import dev.slubsmo.testmodule.trace.LifetimeStats.LiveObject;
import dev.slubsmo.testmodule.trace.TraceEvent.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifetimeStatsTest {
  static final long US = 1_000;

  static TraceEvent event(Kind kind, String cache, long ptr, long bytesAlloc, long micros) {
    return new TraceEvent(
        kind, 0, micros * US, ptr, cache, bytesAlloc, bytesAlloc, null, -1, false, "f", "t", 1, 1);
  }

  @Test
  void lifetimeRunsFromAllocToFreeInTheAllocatingCache() {
    LifetimeStats stats = new LifetimeStats();
    stats.accept(event(Kind.CACHE_ALLOC, "dentry", 0x10, 192, 1));
    stats.accept(event(Kind.CACHE_FREE, "dentry", 0x10, 0, 5));
    CacheLifetimes dentry = stats.byCache().get("dentry");
    assertEquals(1, dentry.lifetimes().count());
    assertEquals(4 * US, dentry.lifetimes().maxNanos());
    assertEquals(4 * US, dentry.lifetimes().p50Nanos());
    assertEquals(0, dentry.liveAges().count());
  }

  @Test
  void kfreeMatchesByPointerAndCountsForTheAllocatingCache() {
    LifetimeStats stats = new LifetimeStats();
    stats.accept(event(Kind.KMALLOC, null, 0x40, 192, 7));
    stats.accept(event(Kind.CACHE_ALLOC, "dentry", 0x50, 192, 8));
    stats.accept(event(Kind.KFREE, null, 0x40, 0, 10));
    stats.accept(event(Kind.KFREE, null, 0x50, 0, 20));
    assertEquals(3 * US, stats.byCache().get("kmalloc-192").lifetimes().maxNanos());
    assertEquals(12 * US, stats.byCache().get("dentry").lifetimes().maxNanos());
    assertEquals(0, stats.unmatchedUnnamedFrees());
  }

  @Test
  void objectsStillAliveReportTheirAgeAtTheEnd() {
    LifetimeStats stats = new LifetimeStats();
    stats.accept(event(Kind.CACHE_ALLOC, "dentry", 0x20, 192, 2));
    stats.accept(event(Kind.CACHE_ALLOC, "filp", 0x30, 256, 3));
    stats.accept(event(Kind.CACHE_FREE, "filp", 0x30, 0, 10));
    assertEquals(10 * US, stats.endNanos());
    assertEquals(List.of(new LiveObject("dentry", 0x20, 2 * US, 8 * US)), stats.liveObjects());
    assertEquals(8 * US, stats.byCache().get("dentry").liveAges().maxNanos());
    assertEquals(0, stats.byCache().get("filp").liveAges().count());
  }

  @Test
  void freesOfObjectsAllocatedBeforeTheTraceAreUnmatched() {
    LifetimeStats stats = new LifetimeStats();
    stats.accept(event(Kind.CACHE_FREE, "dentry", 0x30, 0, 6));
    stats.accept(event(Kind.KFREE, null, 0x60, 0, 7));
    assertEquals(1, stats.byCache().get("dentry").unmatchedFrees());
    assertEquals(0, stats.byCache().get("dentry").lifetimes().count());
    assertEquals(1, stats.unmatchedUnnamedFrees());
  }

  @Test
  void nullFreesAndFailedAllocationsAreCountedApart() {
    LifetimeStats stats = new LifetimeStats();
    stats.accept(event(Kind.KFREE, null, 0, 0, 1));
    stats.accept(event(Kind.KMALLOC, null, 0, 64, 2));
    assertEquals(1, stats.nullFrees());
    assertEquals(1, stats.failedAllocations());
    assertTrue(stats.liveObjects().isEmpty());
  }

  @Test
  void reallocationBeforeAnyFreeIsCountedForTheEarlierCache() {
    LifetimeStats stats = new LifetimeStats();
    stats.accept(event(Kind.CACHE_ALLOC, "dentry", 0x70, 192, 1));
    stats.accept(event(Kind.KMALLOC, null, 0x70, 64, 2));
    assertEquals(1, stats.byCache().get("dentry").reallocatedBeforeFree());
    assertEquals("kmalloc-64", stats.liveObjects().get(0).cache());
  }

  @Test
  void negativeLifetimeIsRecordedAsZeroAndCounted() {
    LifetimeStats stats = new LifetimeStats();
    stats.accept(event(Kind.CACHE_ALLOC, "dentry", 0x80, 192, 9));
    stats.accept(event(Kind.CACHE_FREE, "dentry", 0x80, 0, 8));
    assertEquals(1, stats.negativeLifetimes());
    assertEquals(0, stats.byCache().get("dentry").lifetimes().maxNanos());
  }

  @Test
  void percentilesFollowTheLifetimes() {
    LifetimeStats stats = new LifetimeStats();
    for (int i = 1; i <= 100; i++) {
      stats.allocated("filp", i, 0);
      stats.freed("filp", i, i * 100 * US);
    }
    LifetimeStats.Distribution d = stats.byCache().get("filp").lifetimes();
    assertEquals(100, d.count());
    assertEquals(100 * 100 * US, d.maxNanos());
    assertWithinOneSixtyFourth(50 * 100 * US, d.p50Nanos());
    assertWithinOneSixtyFourth(90 * 100 * US, d.p90Nanos());
    assertWithinOneSixtyFourth(99 * 100 * US, d.p99Nanos());
    assertEquals(100, d.log2Micros().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void kmallocSizeClassesAreNamedLikeTheKernelCaches() {
    assertEquals("kmalloc-96", LifetimeStats.kmallocSizeClass(96));
    assertEquals("kmalloc-512", LifetimeStats.kmallocSizeClass(512));
    assertEquals("kmalloc-1k", LifetimeStats.kmallocSizeClass(1024));
    assertEquals("kmalloc-8k", LifetimeStats.kmallocSizeClass(8192));
  }

  static void assertWithinOneSixtyFourth(long exact, long got) {
    assertTrue(got >= exact && got <= exact + exact / 64, got + " vs " + exact);
  }
}
