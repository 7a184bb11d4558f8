package dev.slubsmo.debug;

import dev.slubsmo.slab.CacheNode;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slab;
import dev.slubsmo.slab.SlabFlags;

/** {@code validate_slab_cache} (sysfs {@code validate}, {@code slabinfo -v}). */
public final class Validate {
  private Validate() {}

  /**
   * Flushes the CPU slabs, then validates every slab on each node's partial list (and full list
   * with STORE_USER), reporting counter mismatches. Returns the number of slabs checked.
   */
  public static long validateSlabCache(KmemCache s) {
    s.flushAll();
    long count = 0;
    for (int i = 0; i < s.nodeCount(); i++) {
      count += validateSlabNode(s, s.node(i));
    }
    return count;
  }

  /** {@code validate_slab_node}. */
  static long validateSlabNode(KmemCache s, CacheNode n) {
    long count = 0;
    n.listLock().lock();
    try {
      for (Slab page : n.partial().toList()) {
        validateLocked(s, page);
        count++;
      }
      if (count != n.nrPartial()) {
        s.slub()
            .log()
            .printk(
                "SLUB "
                    + s.name()
                    + ": "
                    + count
                    + " partial slabs counted but counter="
                    + n.nrPartial());
      }
      if ((s.flags() & SlabFlags.STORE_USER) == 0) {
        return count;
      }
      for (Slab page : n.full().toList()) {
        validateLocked(s, page);
        count++;
      }
      if (count != n.nrSlabs()) {
        s.slub()
            .log()
            .printk(
                "SLUB: " + s.name() + " " + count + " slabs counted but counter=" + n.nrSlabs());
      }
      return count;
    } finally {
      n.listLock().unlock();
    }
  }

  private static void validateLocked(KmemCache s, Slab page) {
    page.lock();
    try {
      SlubDebug.validateSlab(s, page);
    } finally {
      page.unlock();
    }
  }
}
