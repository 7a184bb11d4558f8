package dev.slubsmo.testmodule.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first 50,000 lines of the bundled real trace, replayed from the before-snapshot on every
 * end-of-trace policy at once, and once more without the snapshot.
 */
class SliceReplayTest {
  private static ReplayResult withBefore;
  private static ReplayResult bare;

  @BeforeAll
  static void replay() {
    withBefore =
        Replay.run(
            Replays.slice(
                1, true, Policy.NONE, Policy.SHRINK, Policy.SMO_KERNEL, Policy.SMO_MINIMAL));
    bare = Replay.run(Replays.slice(1, false, Policy.NONE));
  }

  @Test
  void readsEveryLineOfTheSlice() {
    assertEquals(50_000, bare.events());
    assertEquals(0, bare.malformedLines());
  }

  @Test
  void withoutSnapshotLiveObjectsAreAllocationsNotMatchedByFrees() {
    for (CacheResult c : bare.policy("none").caches()) {
      assertEquals(0, c.prepopulated(), c.name());
      assertEquals(
          c.allocs() - (c.frees() - c.unmatchedFrees()) - c.reallocated(), c.live(), c.name());
    }
  }

  @Test
  void withSnapshotEveryPolicyConservesObjects() {
    for (PolicyResult p : withBefore.policies()) {
      for (CacheResult c : p.caches()) {
        assertEquals(c.traceLive(), c.live(), p.label() + " " + c.name());
        assertTrue(c.prepopulatedFreed() <= Math.min(c.prepopulated(), c.unmatchedFrees()));
      }
    }
  }

  @Test
  void unmatchedFreesAreSkippedWithoutSnapshot() {
    long unmatched =
        bare.policy("none").caches().stream().mapToLong(CacheResult::unmatchedFrees).sum();
    assertTrue(unmatched > 0);
    assertTrue(bare.policy("none").caches().stream().allMatch(c -> c.prepopulatedFreed() == 0));
  }

  @Test
  void smoMinimalNeedsNoMorePagesThanSmoKernelNorSmoKernelThanNone() {
    long none = withBefore.policy("none").totalPages();
    long kernel = withBefore.policy("smo-kernel").totalPages();
    long minimal = withBefore.policy("smo-minimal").totalPages();
    assertTrue(minimal <= kernel && kernel < none, minimal + " " + kernel + " " + none);
  }

  @Test
  void mainlineShrinkMovesNothingAndKeepsAtLeastWhatSmoKeeps() {
    PolicyResult shrink = withBefore.policy("shrink");
    assertTrue(shrink.caches().stream().allMatch(c -> c.moved() == 0));
    assertTrue(shrink.totalPages() >= withBefore.policy("smo-kernel").totalPages());
    assertTrue(shrink.totalPages() <= withBefore.policy("none").totalPages());
  }

  @Test
  void floorNeverExceedsSlabs() {
    for (PolicyResult p : withBefore.policies()) {
      for (CacheResult c : p.caches()) {
        assertTrue(c.floor() <= c.slabs(), p.label() + " " + c.name());
        assertEquals((c.live() + c.objsPerSlab() - 1) / c.objsPerSlab(), c.floor(), c.name());
      }
    }
  }

  @Test
  void smoMinimalShrinkReachesTheFloorOfEveryCache() {
    for (CacheResult c : withBefore.policy("smo-minimal").caches()) {
      assertEquals(c.floor(), c.slabs(), c.name());
    }
  }

  @Test
  void machinesAgreeUntilTheirFinalStep() {
    PolicyResult none = withBefore.policy("none");
    for (PolicyResult p : withBefore.policies()) {
      assertEquals(none.caches().size(), p.caches().size());
      for (int i = 0; i < none.caches().size(); i++) {
        assertEquals(none.caches().get(i).minMoves(), p.caches().get(i).minMoves());
      }
      assertEquals(
          java.util.Arrays.stream(none.occupancyEnd()).sum(),
          java.util.Arrays.stream(p.occupancyEnd()).sum());
    }
  }

  @Test
  void kernelCountsComeFromTheAfterSnapshot() {
    CacheResult dentry = withBefore.policy("none").cache("dentry");
    assertEquals(Replays.after().rows().get("dentry").slabs(), dentry.kernel().slabs());
  }

  @Test
  void kmallocClassesStandForTheirCgroupTwins() {
    CacheResult k64 = withBefore.policy("none").cache("kmalloc-64");
    var rows = Replays.before().rows();
    assertEquals(
        rows.get("kmalloc-64").objects() + rows.get("kmalloc-cg-64").objects(), k64.prepopulated());
  }
}
