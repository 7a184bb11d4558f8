package dev.slubsmo.smo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.debug.SlubDebugOption;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.slab.CacheNode;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/** The Python suite's debug-mode tuples (spec testmodule-and-suite.md 4.2), driven directly. */
class SuiteScenarioTest {
  private final Machine m =
      new Machine(
          MachineConfig.defaults(),
          MachineOptions.defaults().withSlubDebug(SlubDebugOption.parse(null)));
  private final Cpu cpu = m.cpu(0);
  private final KmemCache s =
      m.slub().createCache("smo_test", 56, 0, 0, (mem, p) -> mem.writeLong(p + 48, -1));
  private final Deque<Long> objects = new ArrayDeque<>();

  private void alloc(int n) {
    for (int i = 0; i < n; i++) {
      objects.addLast(s.alloc(cpu, Gfp.KERNEL));
    }
  }

  private void free(int n) {
    for (int i = 0; i < n; i++) {
      s.free(cpu, objects.removeFirst());
    }
  }

  private String tuple() {
    long total = 0;
    long slabs = 0;
    long partial = 0;
    long partialFree = 0;
    for (int i = 0; i < s.nodeCount(); i++) {
      CacheNode n = s.node(i);
      total += n.totalObjects();
      slabs += n.nrSlabs();
      partial += n.nrPartial();
      for (var p : n.partial().toList()) {
        partialFree += p.objects() - p.inuse();
      }
    }
    return "("
        + (total - partialFree)
        + ","
        + total
        + ","
        + partial
        + ","
        + (slabs - partial)
        + ","
        + slabs
        + ")";
  }

  @Test
  void movableShrinkPacksIntoOneSlab() {
    int ops = s.objsPerSlab();
    assertEquals(20, ops);
    alloc(ops + 1);
    assertEquals("(21,40,1,1,2)", tuple());
    free(1);
    assertEquals("(20,40,2,0,2)", tuple());
    s.shrink(cpu);
    assertEquals("(20,40,2,0,2)", tuple());
    free(ops);
    s.shrink(cpu);
    assertEquals("(0,0,0,0,0)", tuple());
    Smo.setupMobility(
        s,
        Mobility.of(
            null,
            (cache, objs, count, node, priv) -> {
              for (int i = 0; i < count; i++) {
                long n = cache.allocNode(cpu, Gfp.KERNEL, node);
                cache.memory().writeLong(n + 48, cache.memory().readLong(objs[i] + 48));
                objects.remove(objs[i]);
                objects.addLast(n);
                cache.free(cpu, objs[i]);
              }
            },
            "smo_cache_migrate"));
    alloc(ops + 1);
    free(1);
    assertEquals("(20,40,2,0,2)", tuple());
    s.shrink(cpu);
    assertEquals("(20,20,0,1,1)", tuple());
  }
}
