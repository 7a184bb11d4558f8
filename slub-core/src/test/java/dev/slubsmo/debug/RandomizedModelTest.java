package dev.slubsmo.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.mm.PhysicalMemory;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * 100,000 seeded operations (alloc, alloc_node, free, remote free, flush, shrink) over three
 * caches, four CPUs and two nodes; after every step the invariant checker runs and every live
 * object's payload is compared with a reference map of what was written.
 */
class RandomizedModelTest {
  private static final int STEPS = 100_000;
  private static final long SEED = 20261126;

  private record Obj(KmemCache cache, long addr, long stamp) {}

  @Test
  void invariantsAndPayloadsHoldOverAHundredThousandOperations() {
    Machine m =
        new Machine(new MachineConfig(2, 4, 64L << 20), MachineOptions.defaults().withSeed(SEED));
    PhysicalMemory mem = m.pages().memory();
    List<KmemCache> caches =
        List.of(
            m.slub().createCache("rnd_32", 32, 0, 0, null),
            m.slub().createCache("rnd_ctor", 120, 0, 0, (mm, p) -> mm.writeLong(p, -1)),
            m.slub().createCache("rnd_1k", 1000, 0, 0, null));
    SplittableRandom rnd = new SplittableRandom(SEED);
    List<Obj> live = new ArrayList<>();
    Map<Long, Obj> byAddr = new HashMap<>();
    long stamp = 0;
    for (int step = 0; step < STEPS; step++) {
      Cpu cpu = m.cpu(rnd.nextInt(4));
      int op = rnd.nextInt(100);
      if (op < 45 && live.size() < 600 || live.isEmpty()) {
        KmemCache s = caches.get(rnd.nextInt(caches.size()));
        long p =
            op % 3 == 0 ? s.allocNode(cpu, Gfp.KERNEL, rnd.nextInt(2)) : s.alloc(cpu, Gfp.KERNEL);
        Obj o = new Obj(s, p, ++stamp);
        mem.writeLong(p + 8, o.stamp);
        mem.writeLong(p + 16, ~o.stamp);
        live.add(o);
        assertEquals(null, byAddr.put(p, o), "address handed out twice at step " + step);
      } else if (op < 90) {
        Obj o = live.remove(rnd.nextInt(live.size()));
        byAddr.remove(o.addr);
        o.cache.free(cpu, o.addr);
      } else if (op < 97) {
        caches.get(rnd.nextInt(caches.size())).flushAll();
      } else {
        caches.get(rnd.nextInt(caches.size())).shrink(cpu);
      }
      InvariantChecker.check(m);
      for (Obj o : live) {
        assertEquals(o.stamp, mem.readLong(o.addr + 8), "payload at step " + step);
        assertEquals(~o.stamp, mem.readLong(o.addr + 16), "payload at step " + step);
      }
    }
  }
}
