package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreePathTest {
  private final Machine m = Machines.plain();
  private final Cpu cpu = m.cpu(0);
  private final KmemCache s = m.slub().createCache("t64", 64, 0, 0, null, 0, -1);

  private List<Long> alloc(KmemCache c, Cpu on, int n) {
    return Machines.alloc(c, on, n);
  }

  @Test
  void fastPathFreeLeavesInuseAlone() {
    List<Long> a = alloc(s, cpu, 3);
    Slab slab = m.slub().slabOf(a.get(0));
    int inuse = slab.inuse();
    s.free(cpu, a.get(1));
    assertEquals(inuse, slab.inuse());
    assertEquals(a.get(1), s.cpuSlab(0).freelist());
    assertEquals(1, Machines.stat(s, StatItem.FREE_FASTPATH));
  }

  @Test
  void emptyPartialSlabIsDiscardedOnceNodeHasMinPartial() {
    int per = s.objsPerSlab();
    List<Long> a = alloc(s, cpu, per * (s.minPartial() + 2));
    s.flushAll();
    for (int k = 0; k <= s.minPartial(); k++) {
      s.free(cpu, a.get(k * per));
    }
    s.flushAll();
    assertEquals(s.minPartial() + 1, s.node(0).nrPartial());
    long slabs = s.node(0).nrSlabs();
    for (int i = 1; i < per; i++) {
      s.free(cpu, a.get(i));
    }
    assertEquals(slabs - 1, s.node(0).nrSlabs());
    assertEquals(1, Machines.stat(s, StatItem.FREE_REMOVE_PARTIAL));
  }

  @Test
  void emptySlabStaysWhileNodeHasFewerThanMinPartial() {
    int per = s.objsPerSlab();
    List<Long> a = alloc(s, cpu, per * 2);
    s.flushAll();
    s.free(cpu, a.get(0));
    s.flushAll();
    for (int i = 1; i < per; i++) {
      s.free(cpu, a.get(i));
    }
    Slab slab = m.slub().slabOf(a.get(0));
    assertEquals(0, slab.inuse());
    assertSame(s.node(0).partial(), slab.list());
  }

  @Test
  void putCpuPartialDrainsOnceOverCpuPartial() {
    int per = s.objsPerSlab();
    int slabs = s.cpuPartial() + 3;
    List<Long> a = alloc(s, cpu, per * slabs);
    for (int k = 0; k < slabs - 1; k++) {
      s.free(m.cpu(1), a.get(k * per));
    }
    assertTrue(Machines.stat(s, StatItem.CPU_PARTIAL_DRAIN) >= 1);
    assertTrue(s.node(0).nrPartial() > 0);
  }

  @Test
  void debugFreeIntoFullSlabMovesItToPartialTail() {
    Machine d = Machines.debug();
    KmemCache c = d.slub().createCache("dbg", 56, 0, 0, (mem, p) -> {});
    List<Long> a = alloc(c, d.cpu(0), c.objsPerSlab() + 1);
    Slab first = d.slub().slabOf(a.get(0));
    assertSame(c.node(0).full(), first.list());
    c.free(d.cpu(0), a.get(0));
    assertSame(c.node(0).partial(), first.list());
    assertEquals(first, c.node(0).partial().toList().get(1));
    assertEquals(1, Machines.stat(c, StatItem.FREE_ADD_PARTIAL));
  }

  @Test
  void kfreeOfLargeBlockReturnsPages() {
    Kmalloc k = m.slub().kmalloc();
    long free = m.pages().freePages(0);
    long p = k.kmalloc(cpu, 20000, Gfp.KERNEL, KmemCache.NO_NODE);
    assertEquals(free - 8, m.pages().freePages(0));
    k.kfree(cpu, p);
    assertEquals(free, m.pages().freePages(0));
  }

  @Test
  void kmallocPicksTheSizeClass() {
    Kmalloc k = m.slub().kmalloc();
    assertEquals("kmalloc-96", k.cacheFor(65, Gfp.KERNEL).name());
    assertEquals("kmalloc-rcl-192", k.cacheFor(150, Gfp.RECLAIMABLE).name());
    assertEquals("dma-kmalloc-8", k.cacheFor(1, Gfp.DMA).name());
    assertEquals(Kmalloc.ZERO_SIZE_PTR, k.kmalloc(cpu, 0, Gfp.KERNEL, KmemCache.NO_NODE));
  }
}
