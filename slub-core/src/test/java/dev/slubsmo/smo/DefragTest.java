package dev.slubsmo.smo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.debug.SlubDebugOption;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.slab.Slab;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefragTest {
  private static Machine debugMachine() {
    return new Machine(
        MachineConfig.defaults(),
        MachineOptions.defaults().withSlubDebug(SlubDebugOption.parse(null)));
  }

  @Test
  void setupWithoutCtorIsRefused() {
    Machine m = Machine.boot();
    var s = m.slub().createCache("noctor", 64, 0, 0, null, 0, -1);
    assertThrows(
        IllegalArgumentException.class,
        () -> Smo.setupMobility(s, Mobility.of(null, (c, o, n, node, p) -> {}, "x")));
    assertTrue(m.log().lines().contains("noctor: require constructor to setup mobility"));
  }

  @Test
  void whatIfSetupAcceptsACacheWithoutCtorAndKeepsItsGeometry() {
    Machine m = Machine.boot();
    var s = m.slub().createCache("whatif", 64, 0, 0, null, 0, -1);
    int size = s.size();
    int offset = s.offset();
    Smo.setupMobilityWhatIf(s, Mobility.of(null, (c, o, n, node, p) -> {}, "x"));
    assertTrue(Smo.movable(s));
    assertSame(s, m.slub().caches().get(0));
    assertEquals(size, s.size());
    assertEquals(offset, s.offset());
  }

  @Test
  void whatIfSetupRefusesASecondSetup() {
    Machine m = Machine.boot();
    var s = m.slub().createCache("twice", 64, 0, 0, null, 0, -1);
    Mobility mob = Mobility.of(null, (c, o, n, node, p) -> {}, "x");
    Smo.setupMobilityWhatIf(s, mob);
    assertThrows(IllegalArgumentException.class, () -> Smo.setupMobilityWhatIf(s, mob));
  }

  @Test
  void movableCacheMovesToTheHeadOfTheCacheList() {
    Tracked t = new Tracked(Machine.boot(), "mv");
    t.enable();
    assertSame(t.s, t.m.slub().caches().get(0));
  }

  @Test
  void earlyReturnKeepsALoneEmptyPartialSlab() {
    Tracked t = new Tracked(debugMachine(), "mv");
    t.enable();
    List<Long> ids = t.alloc(3, -1);
    ids.forEach(t::free);
    assertEquals(1, t.partial());
    assertEquals(1, Defrag.kmemCacheDefrag(t.s, t.cpu, 0, 0, 100));
    assertEquals(1, t.slabs());
  }

  @Test
  void nonMovableShrinkReappendsSelectedSlabsReversed() {
    Tracked t = new Tracked(debugMachine(), "nm");
    int per = t.s.objsPerSlab();
    List<Long> ids = t.alloc(per + 1, -1);
    t.free(ids.get(0));
    List<Slab> before = t.s.node(0).partial().toList();
    t.s.shrink(t.cpu);
    List<Slab> after = t.s.node(0).partial().toList();
    assertEquals(List.of(before.get(1), before.get(0)), after);
  }

  @Test
  void movableShrinkVacatesIntoANewSlabAndDiscardsTheOld() {
    Tracked t = new Tracked(debugMachine(), "mv");
    t.enable();
    int per = t.s.objsPerSlab();
    List<Long> ids = t.alloc(per + 1, -1);
    t.free(ids.get(0));
    t.s.shrink(t.cpu);
    assertEquals(1, t.slabs());
    assertEquals(0, t.partial());
    t.assertIntact();
  }

  @Test
  void ratioLimitsWhichSlabsAreVacated() {
    Tracked t = new Tracked(debugMachine(), "mv");
    t.enable();
    int per = t.s.objsPerSlab();
    List<Long> ids = t.alloc(per * 3, -1);
    for (int i = 0; i < per - 2; i++) {
      t.free(ids.get(i));
    }
    for (int i = per; i < 2 * per - 10; i++) {
      t.free(ids.get(i));
    }
    Slab dense = t.m.slub().slabOf(t.byId.get(ids.get(2 * per - 1)));
    long slabs = t.slabs();
    Defrag.kmemCacheDefrag(t.s, t.cpu, 0, 0, 30);
    assertEquals(slabs - 1, t.slabs());
    assertSame(dense, t.m.slub().slabOf(t.byId.get(ids.get(2 * per - 1))));
    assertEquals(12, dense.inuse());
    t.assertIntact();
  }

  @Test
  void defragSlabsSkipsNodesAtOrUnderMaxPartial() {
    Tracked t = new Tracked(debugMachine(), "mv");
    t.enable();
    int per = t.s.objsPerSlab();
    List<Long> ids = t.alloc(per * 8, -1);
    for (int k = 0; k < 8; k++) {
      t.free(ids.get(k * per));
    }
    long slabs = t.slabs();
    Defrag.defragSlabs(t.m.slub(), t.cpu, -1);
    assertEquals(slabs, t.slabs());
  }

  @Test
  void defragSlabsVacatesSparseSlabsAboveMaxPartial() {
    Tracked t = new Tracked(debugMachine(), "mv");
    t.enable();
    int per = t.s.objsPerSlab();
    List<Long> ids = t.alloc(per * 12, -1);
    for (int k = 0; k < 12; k++) {
      for (int i = 1; i < per; i++) {
        t.free(ids.get(k * per + i));
      }
    }
    assertEquals(12, t.partial());
    Defrag.defragSlabs(t.m.slub(), t.cpu, -1);
    assertEquals(1, t.slabs());
    t.assertIntact();
  }

  @Test
  void defragSlabsRejectsANodeTheMachineLacks() {
    Machine m = Machine.boot();
    assertThrows(IllegalArgumentException.class, () -> Defrag.defragSlabs(m.slub(), m.cpu(0), 3));
  }
}
