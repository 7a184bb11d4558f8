package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Per-node and per-CPU invariants 14-19 and 27, each planted into an otherwise clean machine. */
class NodeCpuInvariantsPlantTest {
  private final PlantFixture f = new PlantFixture();

  @Test
  void nrPartialAboveTheListLengthBreaksTheCountAndItsQuiescentRestore() {
    f.partialAndFullSlab();
    f.s.node[0].nrPartial++;
    assertEquals(Set.of(14, 23, 27), f.violated());
  }

  @Test
  void partialListThatLoopsIsCutAndReported() {
    List<Long> objs = f.alloc(f.cpu0, 3 * f.perSlab());
    f.s.free(f.cpu0, objs.get(0));
    f.s.free(f.cpu0, objs.get(f.perSlab()));
    f.s.flushAll();
    f.assertClean();
    List<Slab> partial = f.s.node[0].partial.toList();
    assertEquals(2, partial.size());
    partial.get(1).next = partial.get(0);
    assertEquals(Set.of(14), f.violated());
  }

  @Test
  void nrSlabsAboveTheSlabsFoundBreaksNodeCounters() {
    f.partialAndFullSlab();
    f.s.node[0].nrSlabs.incrementAndGet();
    assertEquals(Set.of(15, 23), f.violated());
  }

  @Test
  void totalObjectsAboveTheObjectsFoundBreaksNodeCountersAndSysfsObjects() {
    f.partialAndFullSlab();
    f.s.node[0].totalObjects.incrementAndGet();
    assertEquals(Set.of(15, 22, 23), f.violated());
  }

  @Test
  void storeUserFullSlabMissingFromTheFullListBreaksTheListSum() {
    PlantFixture debug = new PlantFixture(1, true);
    List<Long> objs = debug.alloc(debug.cpu0, debug.perSlab() + 1);
    debug.assertClean();
    Slab full = debug.slab(objs.get(0));
    assertEquals(debug.s.node[0].full, full.list);
    debug.s.node[0].full.remove(full);
    assertEquals(Set.of(12, 16), debug.violated());
  }

  @Test
  void cpuFreelistPointingIntoAnotherSlabBreaksCpuFreelist() {
    Slab[] slabs = f.chainAndCpuSlab();
    f.s.cpuSlab[0].freelist = f.s.object(slabs[0], 1);
    assertEquals(Set.of(17), f.violated());
  }

  @Test
  void cpuFreelistWithoutCpuSlabBreaksCpuFreelist() {
    Slab full = f.partialAndFullSlab()[1];
    assertEquals(null, f.s.cpuSlab[0].page);
    f.s.cpuSlab[0].freelist = f.s.object(full, 0);
    assertEquals(Set.of(17), f.violated());
  }

  @Test
  void cpuFreelistThatLoopsBreaksCpuFreelist() {
    f.cpuSlab();
    long head = f.s.cpuSlab[0].freelist;
    f.s.setFreepointer(f.s.getFreepointer(head), head);
    assertEquals(Set.of(17), f.violated());
  }

  @Test
  void chainHeadPagesNotTheChainLengthBreaksTheChain() {
    Slab chain = f.chainAndCpuSlab()[0];
    chain.pages++;
    assertEquals(Set.of(18, 23), f.violated());
  }

  @Test
  void chainHeadPobjectsAboveTheFreeObjectsBreaksTheChain() {
    Slab chain = f.chainAndCpuSlab()[0];
    chain.pobjects = chain.objects() - chain.inuse() + 1;
    assertEquals(Set.of(18), f.violated());
  }

  @Test
  void unfrozenSlabOnAChainBreaksTheChainAndFrozen() {
    Slab chain = f.chainAndCpuSlab()[0];
    PlantFixture.setState(chain, SlabState.freeIndex(chain.state()), chain.inuse(), false);
    assertEquals(Set.of(10, 18), f.violated());
  }

  @Test
  void tidBelowTheCpuNumberBreaksTid() {
    f.assertClean();
    f.s.cpuSlab[1].tid = 0;
    assertEquals(Set.of(19), f.violated());
  }
}
