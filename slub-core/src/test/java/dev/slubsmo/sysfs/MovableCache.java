package dev.slubsmo.sysfs;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.smo.Mobility;
import dev.slubsmo.smo.Smo;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A 56-byte cache with a ctor and a migrate callback that reallocates each object on the target
 * node, copies its first word and frees the old one, keeping the set of live objects current.
 */
final class MovableCache {
  final KmemCache cache;
  final Set<Long> live = new LinkedHashSet<>();
  private final Cpu cpu;

  MovableCache(Machine m, String name) {
    this.cpu = m.cpu(0);
    this.cache = m.slub().createCache(name, 56, 0, 0, (mem, p) -> mem.writeLong(p + 48, -1));
    Smo.setupMobility(
        cache,
        Mobility.of(
            null,
            (s, objs, count, node, priv) -> {
              for (int i = 0; i < count; i++) {
                long moved = s.allocNode(cpu, Gfp.KERNEL, node);
                s.memory().writeLong(moved, s.memory().readLong(objs[i]));
                live.remove(objs[i]);
                live.add(moved);
                s.free(cpu, objs[i]);
              }
            },
            "smo_cache_migrate"));
  }

  /** Allocates {@code n} objects on {@code node}. */
  void allocOn(int node, int n) {
    for (int i = 0; i < n; i++) {
      long p = cache.allocNode(cpu, Gfp.KERNEL, node);
      if (p == 0) {
        throw new AssertionError("allocation " + i + " on node " + node + " failed");
      }
      live.add(p);
    }
  }

  long objectsOn(int node) {
    return cache.node(node).totalObjects()
        - SlabCounts.countPartial(cache.node(node), p -> p.objects() - p.inuse());
  }
}
