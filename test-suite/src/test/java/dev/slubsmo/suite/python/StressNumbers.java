package dev.slubsmo.suite.python;

import java.util.ArrayList;
import java.util.List;

/**
 * What the in-module {@code test NR KEEP} must leave in the counters (spec 4.5, generalised): ids
 * {@code k·opS .. k·opS + opS - 1} fill slab k; every slab keeps the ids that are multiples of
 * KEEP; the movable shrink vacates every slab (kernel placement: into {@code ceil(kept/opS)} new
 * slabs) or all but the {@code ceil(kept/opS)} fullest (minimal-move: into those).
 */
record StressNumbers(long nr, long keep, long opS, boolean minimalMove) {
  long slabs() {
    return ceilDiv(nr, opS);
  }

  long kept() {
    return ceilDiv(nr, keep);
  }

  /** Slabs that hold the survivors after the movable shrink. */
  long survivorSlabs() {
    return ceilDiv(kept(), opS);
  }

  /** {@code smo_objects_moved}. */
  long moved() {
    if (!minimalMove) {
      return kept();
    }
    List<Long> perSlab = new ArrayList<>();
    for (long k = 0; k < slabs(); k++) {
      long first = k * opS;
      long end = Math.min(nr, first + opS);
      perSlab.add(ceilDiv(end, keep) - ceilDiv(first, keep));
    }
    perSlab.sort(null);
    long stay = 0;
    for (int i = 0; i < survivorSlabs(); i++) {
      stay += perSlab.get(perSlab.size() - 1 - i);
    }
    return kept() - stay;
  }

  /** {@code alloc_slab}: the filled slabs, plus the kernel placement's new ones. */
  long allocSlab() {
    return slabs() + (minimalMove ? 0 : survivorSlabs());
  }

  /**
   * {@code free_slab} with {@code slub_debug}: freeing the survivors empties their slabs in turn;
   * the node keeps {@code min_partial - 1} of them empty and discards the rest.
   */
  long freeSlabDebug(long minPartial) {
    return Math.max(0, survivorSlabs() - (minPartial - 1));
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
