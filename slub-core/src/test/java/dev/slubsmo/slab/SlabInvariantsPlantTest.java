package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.debug.Invariant;
import dev.slubsmo.debug.InvariantChecker;
import dev.slubsmo.debug.InvariantChecker.Tunables;
import dev.slubsmo.debug.InvariantViolation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Per-slab invariants 5-13, 26 and 30, each planted into an otherwise clean machine. */
class SlabInvariantsPlantTest {
  private final PlantFixture f = new PlantFixture();

  @Test
  void slabGivenBackButStillOnThePartialListIsNoSlabPage() {
    Slab partial = f.partialAndFullSlab()[0];
    SlabPages.discardSlab(f.s, partial);
    InvariantViolation e =
        assertThrows(InvariantViolation.class, () -> InvariantChecker.check(f.m));
    assertTrue(e.invariants().contains(Invariant.SLAB_OWNER), e.getMessage());
    assertTrue(e.getMessage().contains("the page allocator holds nothing there"), e.getMessage());
  }

  @Test
  void inuseAboveObjectsBreaksTheRange() {
    Slab full = f.partialAndFullSlab()[1];
    PlantFixture.setState(full, -1, full.objects() + 1, false);
    assertEquals(Set.of(6), f.violated());
  }

  @Test
  void freePointerOutsideTheSlabBreaksTheWalk() {
    Slab partial = f.partialAndFullSlab()[0];
    long first = partial.freelist();
    f.s.setFreepointer(first, partial.base() - 8);
    assertEquals(Set.of(7), f.violated());
  }

  @Test
  void freelistThatLoopsBreaksTheWalk() {
    List<Long> objs = f.alloc(f.cpu0, f.perSlab());
    f.alloc(f.cpu0, 1);
    f.s.flushAll();
    f.s.free(f.cpu1, objs.get(0));
    f.s.free(f.cpu1, objs.get(1));
    Slab p = f.slab(objs.get(0));
    assertEquals(2, p.objects() - p.inuse());
    f.assertClean();
    f.s.setFreepointer(objs.get(0), objs.get(1));
    assertEquals(Set.of(7), f.violated());
  }

  @Test
  void inuseOffByOneBreaksFreelistLengthWithTheNamedMessage() {
    Slab partial = f.partialAndFullSlab()[0];
    PlantFixture.setState(
        partial, SlabState.freeIndex(partial.state()), partial.inuse() - 1, false);
    List<String> v = InvariantChecker.violations(f.m);
    String expected =
        String.format(
            "invariant 8 (freelist length == objects - inuse) violated: cache plant,"
                + " slab 0x%016x: freelist has 1, objects - inuse = 2",
            partial.base());
    assertTrue(v.contains(expected), String.join("\n", v));
  }

  @Test
  void objectOnBothFreelistsOfACpuSlabBreaksHandedOutCount() {
    f.cpuObjectOnBothFreelists();
    assertEquals(Set.of(9, 20, 21), f.violated());
  }

  @Test
  void frozenSlabOnThePartialListBreaksFrozen() {
    Slab partial = f.partialAndFullSlab()[0];
    PlantFixture.setState(partial, SlabState.freeIndex(partial.state()), partial.inuse(), true);
    assertEquals(Set.of(10), f.violated());
  }

  @Test
  void unfrozenCpuSlabBreaksFrozen() {
    Slab p = f.cpuSlab();
    PlantFixture.setState(p, -1, p.inuse(), false);
    assertEquals(Set.of(10), f.violated());
  }

  @Test
  void fullSlabOnAChainBreaksChainNotFull() {
    Slab chain = f.chainAndCpuSlab()[0];
    PlantFixture.setState(chain, -1, chain.objects(), true);
    assertEquals(Set.of(11, 18), f.violated());
  }

  @Test
  void partialSlabOnNoListBreaksUnfrozenLists() {
    Slab partial = f.partialAndFullSlab()[0];
    f.s.node[0].removePartial(partial);
    assertEquals(Set.of(12, 22), f.violated());
  }

  @Test
  void fullListKeptWithoutStoreUserBreaksUnfrozenLists() {
    Slab full = f.partialAndFullSlab()[1];
    f.s.node[0].full.addHead(full);
    assertEquals(Set.of(12), f.violated());
  }

  @Test
  void partialSlabOnTheOtherNodesListBreaksUnfrozenListsAndNodeMembership() {
    PlantFixture two = new PlantFixture(2, false);
    Slab partial = two.partialAndFullSlab()[0];
    two.s.node[partial.node].removePartial(partial);
    two.s.node[1 - partial.node].addPartial(partial, true);
    assertEquals(Set.of(12, 14), two.violated());
  }

  @Test
  void emptySlabOffThePartialListBreaksEmptySlabs() {
    List<Long> objs = f.alloc(f.cpu0, f.perSlab());
    long last = f.alloc(f.cpu0, 1).get(0);
    f.s.flushAll();
    f.s.free(f.cpu0, last);
    Slab empty = f.slab(last);
    assertEquals(0, empty.inuse());
    assertEquals(f.s.node[0].partial, empty.list);
    f.assertClean();
    f.s.node[0].removePartial(empty);
    assertEquals(Set.of(12, 13, 22), f.violated());
    assertEquals(f.perSlab(), objs.size());
  }

  @Test
  void moreEmptyPartialSlabsThanMinPartialBreakEmptySlabsUnlessItWasLowered() {
    f.s.minPartial = Sizing.MAX_PARTIAL;
    List<Long> objs = f.alloc(f.cpu0, (Sizing.MAX_PARTIAL + 2) * f.perSlab());
    for (long p : objs) {
      f.s.free(f.cpu0, p);
    }
    f.s.flushAll();
    f.assertClean();
    long empty = f.s.node[0].partial.toList().stream().filter(p -> p.inuse() == 0).count();
    assertTrue(empty > Sizing.MIN_PARTIAL, "empty partial slabs: " + empty);
    f.s.minPartial = Sizing.MIN_PARTIAL;
    assertEquals(Set.of(13), f.violated());
    assertEquals(Set.of(), f.violated(Tunables.WRITTEN));
  }

  @Test
  void frozenSlabOnNoCpuAndNoListIsALeftoverIsolatedSlab() {
    Slab partial = f.partialAndFullSlab()[0];
    f.s.node[0].removePartial(partial);
    PlantFixture.setState(partial, SlabState.freeIndex(partial.state()), partial.inuse(), true);
    assertEquals(Set.of(22, 26), f.violated());
  }

  @Test
  void fullSlabOnThePartialListIsReportedOnlyAsInvariant30() {
    Slab full = f.partialAndFullSlab()[1];
    f.s.node[0].addPartial(full, true);
    assertEquals(Set.of(30), f.violated());
  }
}
