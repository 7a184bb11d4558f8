package dev.slubsmo.suite.fuzz;

import dev.slubsmo.mm.PhysicalMemory;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.smo.MigrateFunc;
import dev.slubsmo.smo.Mobility;
import dev.slubsmo.suite.xarray.XArrayModule;
import dev.slubsmo.testmodule.lang.Session;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Planted fault (b): an {@code xarray_node} migrate callback that forgets the children's parent
 * pointers (step 6 of {@code xa_object_migrate}, smo.md 10.2). Once the cache exists, its callback
 * is wrapped: the child nodes of every node in the batch are noted from the slots, and after the
 * real migration each child's {@code parent} is pointed back at the old, freed node. Offsets are
 * those of the kernel's 64-bit {@code struct xa_node}: {@code parent} at 8, {@code slots[64]} at
 * 40; a slot holds a node as the internal entry {@code node | 2} above 4096 ({@code xa_is_node}).
 */
final class ForgottenXaParentPlant implements Plant {
  private static final String SYMBOL = "xa_migrate_forgetful [planted]";
  private static final int PARENT = 8;
  private static final int SLOTS = 40;
  private static final int CHUNK = 64;

  @Override
  public void attach(Session s) {
    s.afterEachCommand(line -> wrap(s));
  }

  private static void wrap(Session s) {
    KmemCache c = s.cache(XArrayModule.NODE_CACHE);
    Mobility m = c == null ? null : c.mobility();
    if (m == null || m.symbol().equals(SYMBOL) || m.migrate() == null) {
      return;
    }
    MigrateFunc real = m.migrate();
    c.installMobility(
        Mobility.of(
            m.isolate(),
            (cache, objs, n, node, priv) -> {
              List<long[]> children = children(cache.memory(), objs, n);
              real.migrate(cache, objs, n, node, priv);
              for (long[] childAndOld : children) {
                cache.memory().writeLong(childAndOld[0] + PARENT, childAndOld[1]);
              }
            },
            SYMBOL));
  }

  /** {child, old parent} for each child node of the batch that is not itself in the batch. */
  private static List<long[]> children(PhysicalMemory mem, long[] objs, int n) {
    Set<Long> batch = new HashSet<>();
    for (int i = 0; i < n; i++) {
      batch.add(objs[i]);
    }
    List<long[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (objs[i] == 0) {
        continue;
      }
      for (int slot = 0; slot < CHUNK; slot++) {
        long entry = mem.readLong(objs[i] + SLOTS + 8L * slot);
        if ((entry & 3) == 2
            && Long.compareUnsigned(entry, 4096) > 0
            && !batch.contains(entry - 2)) {
          out.add(new long[] {entry - 2, objs[i]});
        }
      }
    }
    return out;
  }
}
