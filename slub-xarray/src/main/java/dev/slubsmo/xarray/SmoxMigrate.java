package dev.slubsmo.xarray;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.PhysicalMemory;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.smo.MigrateFunc;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code smox_cache_migrate} (spec testmodule-and-suite.md 2): moves {@code smox_thing}s and
 * repoints the array entries that held them.
 *
 * <p>Per batch: allocate each replacement on the target node and copy its id, stopping at the first
 * failure (logged, the rest of the batch stays); scan the array once, storing each replacement
 * where its old object was; free the old objects. K14 fixed: the target node is honoured, and one
 * scan serves the whole batch instead of one per object. A replacement whose old object no entry
 * held is freed rather than leaked.
 */
final class SmoxMigrate implements MigrateFunc {
  static final String ALLOC_FAILED = "kmem_cache_alloc failed";
  static final String EXCHANGE_FAILED = "failed to exchange new/old";

  private final XArrayCache xc;
  private final XArray things;

  SmoxMigrate(XArrayCache xc, XArray things) {
    this.xc = xc;
    this.things = things;
  }

  @Override
  public void migrate(KmemCache s, long[] objects, int count, int node, Object priv) {
    Cpu cpu = xc.runningCpu();
    PhysicalMemory mem = s.memory();
    Map<Long, Long> moves = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      long copy = s.allocNode(cpu, Gfp.KERNEL, node);
      if (copy == 0) {
        xc.machine().log().printk(ALLOC_FAILED);
        break;
      }
      mem.writeLong(copy + SmoxTestModule.ID, mem.readLong(objects[i] + SmoxTestModule.ID));
      moves.put(objects[i], copy);
    }
    Set<Long> held = new HashSet<>();
    for (IndexedEntry e = things.find(0, -1); e != null && !moves.isEmpty(); ) {
      Long copy = moves.get(e.entry());
      if (copy != null) {
        if (things.store(cpu, e.index(), copy) != e.entry()) {
          xc.machine().log().printk(EXCHANGE_FAILED);
          return;
        }
        held.add(e.entry());
      }
      e = things.findAfter(e.index(), -1);
    }
    for (Map.Entry<Long, Long> mv : moves.entrySet()) {
      if (!held.contains(mv.getKey())) {
        s.free(cpu, mv.getValue());
      }
      s.free(cpu, mv.getKey());
    }
  }
}
