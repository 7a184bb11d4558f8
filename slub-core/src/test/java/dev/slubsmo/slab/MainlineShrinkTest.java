package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainlineShrinkTest {
  private final Machine m = Machines.plain();
  private final Cpu cpu = m.cpu(0);
  private final KmemCache s = m.slub().createCache("t256", 256, 0, 0, null, 0, -1);

  private List<Long> alloc(int n) {
    return Machines.alloc(s, cpu, n);
  }

  @Test
  void partialListIsSortedFewestFreeFirst() {
    int per = s.objsPerSlab();
    List<Long> a = alloc(per * 4);
    int[] frees = {3, 1, 2, 0};
    for (int k = 0; k < 4; k++) {
      for (int i = 0; i < frees[k]; i++) {
        s.free(m.cpu(1), a.get(k * per + i));
      }
    }
    MainlineShrink.shrink(s);
    List<Integer> free = new ArrayList<>();
    for (Slab p : s.node(0).partial().toList()) {
      free.add(p.objects() - p.inuse());
    }
    assertEquals(List.of(1, 2, 3), free);
  }

  @Test
  void everyEmptySlabIsDiscardedIgnoringMinPartial() {
    List<Long> a = alloc(s.objsPerSlab() * 2);
    for (long p : a) {
      s.free(cpu, p);
    }
    s.flushAll();
    assertEquals(2, s.node(0).nrSlabs());
    assertEquals(0, MainlineShrink.shrink(s));
    assertEquals(0, s.node(0).nrSlabs());
  }

  @Test
  void returnsOneWhileSlabsRemain() {
    alloc(3);
    assertEquals(1, MainlineShrink.shrink(s));
  }
}
