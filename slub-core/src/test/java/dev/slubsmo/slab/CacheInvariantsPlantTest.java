package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.debug.Invariant;
import dev.slubsmo.debug.InvariantChecker;
import dev.slubsmo.debug.InvariantChecker.Tunables;
import dev.slubsmo.debug.InvariantViolation;
import dev.slubsmo.smo.Mobility;
import dev.slubsmo.smo.Smo;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Invariants 1-4 and 31, each planted into an otherwise clean machine. */
class CacheInvariantsPlantTest {
  private final PlantFixture f = new PlantFixture();

  @Test
  void inuseBeyondSizeBreaksSlotLayout() {
    f.assertClean();
    f.s.inuse = f.s.size + 8;
    assertEquals(Set.of(1), f.violated());
  }

  @Test
  void alignNotAMultipleOfEightBreaksSlotLayout() {
    f.s.align = 12;
    assertEquals(Set.of(1), f.violated());
  }

  @Test
  void ctorCacheWithFreePointerInsideTheObjectBreaksOffset() {
    KmemCache c = f.m.slub().createCache("with_ctor", 56, 0, 0, (mem, p) -> {});
    f.assertClean();
    c.offset = 0;
    assertEquals(Set.of(2), f.violated());
    assertEquals(Set.of(2), f.violated(Tunables.WRITTEN));
  }

  @Test
  void staleOffsetIsAViolationOnlyWhenNoTunableWasWritten() {
    f.s.offset = f.s.inuse;
    assertEquals(Set.of(2), f.violated());
    assertEquals(Set.of(), f.violated(Tunables.WRITTEN));
  }

  @Test
  void wrongMinWordBreaksOrderObjects() {
    f.s.min = Oo.make(Oo.order(f.s.min) + 1, Oo.objects(f.s.min));
    assertEquals(Set.of(3), f.violated());
  }

  @Test
  void objectsPerSlabNotMatchingTheOrderBreaksOrderObjects() {
    f.s.oo = Oo.make(Oo.order(f.s.oo), Oo.objects(f.s.oo) - 1);
    assertEquals(Set.of(3), f.violated(Tunables.WRITTEN));
  }

  @Test
  void zeroObjectsPerSlabIsAcceptedOnlyAfterWrites() {
    KmemCache big = f.m.slub().createCache("big", 5000, 0, 0, null);
    big.oo = Oo.make(0, Oo.orderObjects(0, big.size));
    assertEquals(0, big.objsPerSlab());
    assertEquals(Set.of(3), f.violated());
    assertEquals(Set.of(), f.violated(Tunables.WRITTEN));
  }

  @Test
  void minPartialOutsideTheClampBreaksTunables() {
    f.s.minPartial = Sizing.MIN_PARTIAL - 1;
    assertEquals(Set.of(4), f.violated());
    assertEquals(Set.of(4), f.violated(Tunables.WRITTEN));
  }

  @Test
  void cpuPartialOutsideTheCreationSetIsAViolationOnlyWhenNoTunableWasWritten() {
    f.s.cpuPartial = 7;
    assertEquals(Set.of(4), f.violated());
    assertEquals(Set.of(), f.violated(Tunables.WRITTEN));
  }

  @Test
  void debugCacheWithCpuPartialBreaksTunables() {
    f.s.flags |= SlabFlags.CONSISTENCY_CHECKS;
    assertEquals(Set.of(4), f.violated());
    assertEquals(Set.of(), f.violated(Tunables.WRITTEN));
  }

  @Test
  void checkOfOneCacheReportsOnlyThatCache() {
    KmemCache other = f.m.slub().createCache("other", 64, 0, 0, null);
    f.s.inuse = f.s.size + 8;
    assertEquals(List.of(), InvariantChecker.violations(other));
    InvariantChecker.check(other);
    InvariantViolation e =
        assertThrows(InvariantViolation.class, () -> InvariantChecker.check(f.s));
    assertEquals(Invariant.SLOT_LAYOUT, e.invariant());
    assertTrue(
        e.getMessage()
            .startsWith(
                "invariant 1 (" + Invariant.SLOT_LAYOUT.text() + ") violated: cache plant: "),
        e.getMessage());
  }

  @Test
  void unmovableCacheAheadOfAMovableOneBreaksThePrefix() {
    KmemCache movable = f.m.slub().createCache("movable", 56, 0, 0, (mem, p) -> {});
    Smo.setupMobility(movable, Mobility.of(null, (c, objs, n, node, priv) -> {}, "migrate"));
    f.assertClean();
    f.m.slub().moveToHead(f.s);
    assertEquals(Set.of(31), f.violated());
  }
}
