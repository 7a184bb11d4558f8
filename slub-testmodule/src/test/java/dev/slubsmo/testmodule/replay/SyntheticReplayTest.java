package dev.slubsmo.testmodule.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Small hand-made traces whose outcome follows from the geometry alone. */
class SyntheticReplayTest {
  private static final int DENTRY = ReplayInputs.geometry(null).rows().get("dentry").objsPerSlab();

  private static ReplayResult run(TraceText t, PolicySetup... setups) {
    return Replay.run(Replays.of(t, List.of(setups), -1));
  }

  /** {@code slabs} full slabs of dentries from pointer 1 on, then frees leaving one per slab. */
  private static TraceText fragmented(int slabs) {
    TraceText t = new TraceText();
    for (int i = 1; i <= slabs * DENTRY; i++) {
      t.alloc(1.0 + i * 1e-6, 0, i, "dentry", 192);
    }
    for (int i = 1; i <= slabs * DENTRY; i++) {
      if (i % DENTRY != 0) {
        t.free(2.0 + i * 1e-6, 0, i, "dentry");
      }
    }
    return t;
  }

  @Test
  void slabsHoldingOnlyOldObjectsArePinnedByThem() {
    TraceText t = new TraceText();
    for (int i = 1; i <= DENTRY; i++) {
      t.alloc(1.0, 0, i, "dentry", 192);
    }
    for (int i = DENTRY + 1; i <= 2 * DENTRY; i++) {
      t.alloc(9.0, 0, i, "dentry", 192);
    }
    t.alloc(10.0, 0, 1000, "dentry", 192);
    ReplayResult r = Replay.run(Replays.of(t, Replays.setups(Policy.NONE), 5_000_000_000L));
    CacheResult c = r.policy("none").cache("dentry");
    assertEquals(3, c.slabs());
    assertEquals(1, c.oldPinnedSlabs());
    assertEquals(DENTRY, r.lifetimes().get(0).oldLive());
  }

  @Test
  void smoShrinkFoldsAFragmentedCacheToItsFloor() {
    ReplayResult r =
        run(fragmented(10), PolicySetup.of(Policy.NONE), PolicySetup.of(Policy.SMO_KERNEL));
    CacheResult none = r.policy("none").cache("dentry");
    CacheResult smo = r.policy("smo-kernel").cache("dentry");
    assertEquals(10, none.live());
    assertEquals(10, smo.live());
    assertEquals(1, smo.floor());
    assertEquals(smo.floor(), smo.slabs());
    assertTrue(none.slabs() > smo.slabs());
    assertTrue(smo.moved() >= none.minMoves());
  }

  @Test
  void reclaimedObjectsLeaveTheModelButNotTheTrace() {
    ReplayResult r = run(fragmented(10), Replays.reclaiming(Policy.SMO_KERNEL, "dentry"));
    CacheResult c = r.policy("smo-kernel").cache("dentry");
    assertTrue(c.reclaimed() > 0);
    assertEquals(10, c.traceLive());
    assertEquals(c.traceLive() - c.reclaimed(), c.live());
  }

  /**
   * Enough sparse slabs that some reach the node's partial list, where the conditional defrag
   * looks, past the CPU partial chain (which v5.0 drains only beyond {@code cpu_partial} free
   * objects, counting one per slab as it joins).
   */
  private static final int MANY = 150;

  @Test
  void aFreeOfAReclaimedObjectIsCountedAndSkipped() {
    TraceText t = fragmented(MANY);
    for (int i = DENTRY; i <= MANY * DENTRY; i += DENTRY) {
      t.free(3.0 + i * 1e-6, 0, i, "dentry");
    }
    long events = (long) MANY * DENTRY + (long) MANY * (DENTRY - 1);
    ReplayResult r = run(t, Replays.reclaiming(Policy.defrag(events), "dentry"));
    CacheResult c = r.policy("defrag:" + events).cache("dentry");
    assertTrue(c.reclaimed() > 0);
    assertEquals(c.reclaimed(), c.freedAfterReclaim());
    assertEquals(0, c.live());
  }

  @Test
  void aReusedPointerFreesItsOldObjectFirst() {
    TraceText t = new TraceText().alloc(1, 0, 5, "dentry", 192).alloc(2, 0, 5, "dentry", 192);
    CacheResult c = run(t, PolicySetup.of(Policy.NONE)).policy("none").cache("dentry");
    assertEquals(1, c.reallocated());
    assertEquals(1, c.live());
  }

  @Test
  void aFreeCountsForTheCacheItsObjectCameFrom() {
    TraceText t = new TraceText().alloc(1, 0, 5, "filp", 184).free(2, 0, 5, "dentry");
    ReplayResult r = run(t, PolicySetup.of(Policy.NONE));
    assertEquals(1, r.policy("none").cache("filp").frees());
    assertEquals(null, r.policy("none").cache("dentry"));
  }

  @Test
  void kfreeOfANamedCachesObjectFreesIt() {
    TraceText t = new TraceText().alloc(1, 0, 5, "filp", 184).kfree(2, 0, 5);
    CacheResult c = run(t, PolicySetup.of(Policy.NONE)).policy("none").cache("filp");
    assertEquals(0, c.live());
  }

  @Test
  void unmatchedAndNullFreesAreCountedNotReplayed() {
    TraceText t =
        new TraceText()
            .kmalloc(1, 0, 9, 64, "GFP_KERNEL")
            .kfree(2, 0, 77)
            .kfree(3, 0, 0)
            .free(4, 0, 78, "dentry");
    ReplayResult r = run(t, PolicySetup.of(Policy.NONE));
    assertEquals(1, r.unmatchedKfrees());
    assertEquals(1, r.nullFrees());
    CacheResult dentry = r.policy("none").cache("dentry");
    assertEquals(1, dentry.unmatchedFrees());
    assertEquals(0, dentry.live());
    assertEquals(1, r.policy("none").cache("kmalloc-64").live());
  }

  @Test
  void kmallocFlagsPickTheFamily() {
    TraceText t =
        new TraceText()
            .kmalloc(1, 0, 1, 96, "GFP_KERNEL|__GFP_RECLAIMABLE")
            .kmalloc(1, 0, 2, 96, "GFP_DMA")
            .kmalloc(1, 0, 3, 96, "GFP_KERNEL_ACCOUNT");
    PolicyResult p = run(t, PolicySetup.of(Policy.NONE)).policy("none");
    assertEquals(1, p.cache("kmalloc-rcl-96").live());
    assertEquals(1, p.cache("dma-kmalloc-96").live());
    assertEquals(1, p.cache("kmalloc-96").live());
  }

  @Test
  void eventsOnCpusBeyondTheModelsRunOnTheirNumberModuloItsCpus() {
    TraceText t = new TraceText().alloc(1, 0, 1, "dentry", 192).alloc(1, 3, 2, "dentry", 192);
    CacheResult c = run(t, PolicySetup.of(Policy.NONE)).policy("none").cache("dentry");
    assertEquals(2, c.slabs());
  }

  @Test
  void strictModeRejectsAMalformedLineNamingIt() {
    TraceText t = new TraceText().alloc(1, 0, 1, "dentry", 192).raw("garbage here");
    ReplayInputException e =
        assertThrows(ReplayInputException.class, () -> run(t, PolicySetup.of(Policy.NONE)));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }

  @Test
  void lenientModeCountsMalformedLines() {
    TraceText t = new TraceText().alloc(1, 0, 1, "dentry", 192).raw("garbage here");
    ReplayOptions lenient =
        new ReplayOptions(
            t.source(),
            ReplayInputs.geometry(null),
            null,
            StartLayout.Mode.SNAPSHOT,
            null,
            Replays.setups(Policy.NONE),
            1,
            false,
            -1,
            null);
    assertEquals(1, Replay.run(lenient).malformedLines());
  }
}
