package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeactivateTest {
  private final Machine m = Machines.plain();
  private final Cpu cpu = m.cpu(0);
  private final KmemCache s = m.slub().createCache("t64", 64, 0, 0, null, 0, -1);

  private List<Long> alloc(int n) {
    return Machines.alloc(s, cpu, n);
  }

  @Test
  void flushPutsAPartlyUsedCpuSlabAtTheHead() {
    List<Long> a = alloc(s.objsPerSlab() + 3);
    s.free(cpu, a.get(0));
    s.flushAll();
    Slab cpuSlab = m.slub().slabOf(a.get(s.objsPerSlab()));
    assertSame(cpuSlab, s.node(0).partial().head());
    assertEquals(1, Machines.stat(s, StatItem.DEACTIVATE_TO_HEAD));
  }

  @Test
  void remoteFreesSendTheSlabToTheTail() {
    List<Long> a = alloc(3);
    s.free(m.cpu(1), a.get(0));
    s.flushAll();
    assertEquals(1, Machines.stat(s, StatItem.DEACTIVATE_REMOTE_FREES));
    assertEquals(1, Machines.stat(s, StatItem.DEACTIVATE_TO_TAIL));
  }

  @Test
  void deactivationReversesTheCpuFreelist() {
    alloc(3);
    Slab slab = s.cpuSlab(0).page();
    List<Long> cpuList = new ArrayList<>();
    for (long p = s.cpuSlab(0).freelist(); p != 0; p = s.freepointer(p)) {
      cpuList.add(p);
    }
    s.flushAll();
    List<Long> pageList = new ArrayList<>();
    for (long p = slab.freelist(); p != 0; p = s.freepointer(p)) {
      pageList.add(p);
    }
    java.util.Collections.reverse(cpuList);
    assertEquals(cpuList, pageList);
  }

  @Test
  void flushAdvancesTidAndCounts() {
    alloc(1);
    long tid = s.cpuSlab(0).tid();
    s.flushAll();
    assertEquals(tid + 1, s.cpuSlab(0).tid());
    assertEquals(1, Machines.stat(s, StatItem.CPUSLAB_FLUSH));
  }

  @Test
  void emptyCpuSlabIsFreedWhenNodeHasMinPartial() {
    int per = s.objsPerSlab();
    int full = s.minPartial();
    List<Long> a = alloc(per * (full + 1));
    for (int k = 0; k < full; k++) {
      s.free(m.cpu(1), a.get(k * per));
    }
    Deactivate.flushCpuSlab(s, m.cpu(1));
    assertEquals(full, s.node(0).nrPartial());
    for (long q : a.subList(per * full, per * (full + 1))) {
      s.free(cpu, q);
    }
    s.flushAll();
    assertEquals(1, Machines.stat(s, StatItem.DEACTIVATE_EMPTY));
    assertEquals(full, s.node(0).nrSlabs());
  }
}
