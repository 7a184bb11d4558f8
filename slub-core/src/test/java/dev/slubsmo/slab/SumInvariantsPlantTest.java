package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.debug.InvariantChecker;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Global invariants 20-23, each planted into an otherwise clean machine. */
class SumInvariantsPlantTest {
  private final PlantFixture f = new PlantFixture();

  @Test
  void slotOnTwoFreelistsIsInTwoPlaces() {
    long x = f.cpuObjectOnBothFreelists();
    List<String> v = InvariantChecker.violations(f.m);
    String where = String.format("slab 0x%016x, object 0x%016x", f.slab(x).base(), x);
    assertTrue(
        v.stream().anyMatch(m -> m.startsWith("invariant 20 (") && m.contains(where)),
        v.toString());
  }

  @Test
  void slotOnTwoFreelistsBreaksTheLiveSum() {
    f.cpuObjectOnBothFreelists();
    assertTrue(f.violated().contains(21), f.violated().toString());
  }

  @Test
  void partialSlabInuseBelowItsFreelistBreaksSysfsObjects() {
    Slab partial = f.partialAndFullSlab()[0];
    PlantFixture.setState(
        partial, SlabState.freeIndex(partial.state()), partial.inuse() - 1, false);
    assertEquals(Set.of(8, 22, 23), f.violated());
  }

  @Test
  void cpuSlabsCountedFromAWrongChainHeadBreaksSysfsSums() {
    Slab chain = f.chainAndCpuSlab()[0];
    chain.pages = 0;
    assertTrue(f.violated().contains(23), f.violated().toString());
  }
}
