package dev.slubsmo.concurrency;

import dev.slubsmo.Machine;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slab;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The objects of one cache that are allocated right now: every slot of every slab the cache owns
 * (found through the page allocator's frame owners) minus the slots on a page freelist or a CPU
 * freelist. Read at a quiescent point only; a walk stops after as many steps as the slab has
 * objects, so a corrupted (cyclic) freelist cannot hang it.
 */
final class CacheContents {
  private CacheContents() {}

  static Set<Long> allocated(Machine m, KmemCache s) {
    List<Slab> slabs = new ArrayList<>();
    m.pages()
        .forEachOwner(
            o -> {
              if (o instanceof Slab slab && slab.cache() == s) {
                slabs.add(slab);
              }
            });
    Set<Long> free = new HashSet<>();
    for (Slab slab : slabs) {
      walk(s, slab.freelist(), slab.objects(), free);
    }
    for (int c = 0; c < s.cpuCount(); c++) {
      Slab page = s.cpuSlab(c).page();
      if (page != null) {
        walk(s, s.cpuSlab(c).freelist(), page.objects(), free);
      }
    }
    Set<Long> allocated = new HashSet<>();
    for (Slab slab : slabs) {
      for (int i = 0; i < slab.objects(); i++) {
        long p = s.object(slab, i);
        if (!free.contains(p)) {
          allocated.add(p);
        }
      }
    }
    return allocated;
  }

  private static void walk(KmemCache s, long head, int limit, Set<Long> into) {
    for (long p = head; p != 0 && limit-- > 0; p = s.freepointer(p)) {
      into.add(p);
    }
  }
}
