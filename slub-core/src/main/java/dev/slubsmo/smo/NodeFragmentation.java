package dev.slubsmo.smo;

import dev.slubsmo.slab.CacheNode;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slab;

/**
 * How fragmented one node of a cache is, as {@link DefragDaemon} judges it: the node's partial slab
 * count, the free slots on its partial slabs, and its slab capacity ({@code total_objects}).
 * Fragmentation in percent is {@code 100 * free / total}, which is {@code 1 - objects /
 * total_objects} of the node as sysfs shows them (free slots of CPU slabs count as used there).
 * Records are equal when the node is in the same state, which is how the daemon recognises a node
 * it already failed to improve.
 */
record NodeFragmentation(int partial, long free, long total) {

  /** Reads node {@code node} of {@code s} under its {@code list_lock}. */
  static NodeFragmentation of(KmemCache s, int node) {
    CacheNode n = s.node(node);
    n.listLock().lock();
    try {
      long free = 0;
      for (Slab p : n.partial().toList()) {
        free += p.objects() - p.inuse();
      }
      return new NodeFragmentation(n.nrPartial(), free, n.totalObjects());
    } finally {
      n.listLock().unlock();
    }
  }

  /** Free slots on partial slabs as a whole percentage of the node's capacity, rounded down. */
  long percent() {
    return total == 0 ? 0 : 100 * free / total;
  }

  /** Worth waking for: more than {@code MAX_PARTIAL} partial slabs, or {@code upper}% free. */
  boolean triggers(int upper) {
    return partial > 1 && (partial > Defrag.MAX_PARTIAL || percent() >= upper);
  }

  /** Done: at most {@code MAX_PARTIAL} partial slabs and less than {@code lower}% free. */
  boolean settled(int lower) {
    return partial <= 1 || (partial <= Defrag.MAX_PARTIAL && percent() < lower);
  }
}
