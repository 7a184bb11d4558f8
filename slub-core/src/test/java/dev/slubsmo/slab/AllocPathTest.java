package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocPathTest {
  private final Machine m = Machines.plain();
  private final Cpu cpu = m.cpu(0);
  private final KmemCache s = m.slub().createCache("t64", 64, 0, 0, null, 0, -1);

  private List<Long> alloc(int n) {
    return Machines.alloc(s, cpu, n);
  }

  @Test
  void newSlabHandsOutAddressesUpwards() {
    List<Long> a = alloc(3);
    assertEquals(a.get(0) + s.size(), a.get(1));
    assertEquals(a.get(1) + s.size(), a.get(2));
  }

  @Test
  void firstAllocTakesSlowPathAndNewSlab() {
    alloc(1);
    assertEquals(1, Machines.stat(s, StatItem.ALLOC_SLOWPATH));
    assertEquals(1, Machines.stat(s, StatItem.ALLOC_SLAB));
    assertEquals(0, Machines.stat(s, StatItem.ALLOC_FASTPATH));
  }

  @Test
  void laterAllocsUseFastPathAndAdvanceTid() {
    alloc(1);
    long tid = s.cpuSlab(0).tid();
    alloc(5);
    assertEquals(5, Machines.stat(s, StatItem.ALLOC_FASTPATH));
    assertEquals(tid + 5, s.cpuSlab(0).tid());
  }

  @Test
  void exhaustedCpuSlabIsBypassedAndLeftOnNoList() {
    List<Long> a = alloc(s.objsPerSlab() + 1);
    Slab first = m.slub().slabOf(a.get(0));
    assertEquals(1, Machines.stat(s, StatItem.DEACTIVATE_BYPASS));
    assertEquals(2, Machines.stat(s, StatItem.ALLOC_SLAB));
    assertNull(first.list());
    assertTrue(!first.frozen());
    assertEquals(first.objects(), first.inuse());
  }

  @Test
  void zeroFlagClearsThePayload() {
    long p = s.alloc(cpu, Gfp.KERNEL);
    m.pages().memory().writeLong(p, 42);
    s.free(cpu, p);
    long q = s.alloc(cpu, Gfp.KERNEL | Gfp.ZERO);
    assertEquals(p, q);
    assertEquals(0, m.pages().memory().readLong(q));
  }

  @Test
  void partialSlabIsTakenFromTheListHead() {
    List<Long> a = alloc(2 * s.objsPerSlab());
    s.flushAll();
    s.free(cpu, a.get(0));
    s.flushAll();
    CacheNode n = s.node(0);
    Slab head = n.partial().head();
    assertSame(m.slub().slabOf(a.get(0)), head);
    long p = s.alloc(cpu, Gfp.KERNEL);
    assertEquals(a.get(0), p);
    assertEquals(1, Machines.stat(s, StatItem.ALLOC_FROM_PARTIAL));
  }

  @Test
  void remoteFreeIntoFrozenSlabIsRefilledByTheOwner() {
    List<Long> a = alloc(s.objsPerSlab());
    Slab slab = m.slub().slabOf(a.get(0));
    s.free(m.cpu(1), a.get(3));
    assertEquals(1, Machines.stat(s, StatItem.FREE_FROZEN));
    long p = s.alloc(cpu, Gfp.KERNEL);
    assertEquals(a.get(3), p);
    assertEquals(1, Machines.stat(s, StatItem.ALLOC_REFILL));
    assertSame(slab, s.cpuSlab(0).page());
  }

  @Test
  void cpuPartialChainServesBeforeNodeList() {
    List<Long> a = alloc(s.objsPerSlab() + 1);
    s.free(cpu, a.get(0));
    assertEquals(1, Machines.stat(s, StatItem.CPU_PARTIAL_FREE));
    assertSame(m.slub().slabOf(a.get(0)), s.cpuSlab(0).partial());
    alloc(s.objsPerSlab() - 1);
    long p = s.alloc(cpu, Gfp.KERNEL);
    assertEquals(a.get(0), p);
    assertEquals(1, Machines.stat(s, StatItem.CPU_PARTIAL_ALLOC));
  }

  @Test
  void debugCacheNeverKeepsACpuSlab() {
    Machine d = Machines.debug();
    KmemCache c = d.slub().createCache("dbg", 56, 0, 0, (mem, p) -> {});
    long p = c.alloc(d.cpu(0), Gfp.KERNEL);
    assertNull(c.cpuSlab(0).page());
    assertSame(d.slub().slabOf(p), c.node(0).partial().head());
  }

  @Test
  void debugAllocationsAlternateBetweenSlabEnds() {
    Machine d = Machines.debug();
    KmemCache c = d.slub().createCache("dbg", 56, 0, 0, (mem, p) -> {});
    long first = c.alloc(d.cpu(0), Gfp.KERNEL);
    Slab slab = d.slub().slabOf(first);
    int[] expect = {c.objsPerSlab() - 1, 1, c.objsPerSlab() - 2, 2};
    assertEquals(0, c.indexOf(slab, first));
    for (int e : expect) {
      assertEquals(e, c.indexOf(slab, c.alloc(d.cpu(0), Gfp.KERNEL)));
    }
  }

  @Test
  void allocNodeOnAnotherNodeDeactivatesTheCpuSlab() {
    Machine two = Machines.nodes(2);
    KmemCache c = two.slub().createCache("t", 64, 0, 0, null, 0, -1);
    Cpu c0 = two.cpu(0);
    long p = c.alloc(c0, Gfp.KERNEL);
    assertEquals(0, two.pages().memory().addressToNode(p));
    long q = c.allocNode(c0, Gfp.KERNEL, 1);
    assertEquals(1, two.pages().memory().addressToNode(q));
    assertEquals(1, Machines.stat(c, StatItem.ALLOC_NODE_MISMATCH));
    assertNotEquals(two.slub().slabOf(p), c.cpuSlab(0).page());
  }
}
