package dev.slubsmo.debug;

import dev.slubsmo.slab.CacheCpu;
import dev.slubsmo.slab.CacheNode;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.SlabFlags;

/**
 * The per-node and per-CPU counters against the census: {@code nr_partial} (14, 27), the empty
 * partial slabs (13), {@code nr_slabs} and {@code total_objects} (15, 16), and {@code tid} (19).
 */
final class CounterChecks {
  private CounterChecks() {}

  static void check(SlabCensus c, boolean minPartialNeverLowered, Findings f) {
    KmemCache s = c.cache;
    int nodes = s.nodeCount();
    long[] slabs = new long[nodes];
    long[] objects = new long[nodes];
    for (SlabFacts sf : c.slabs) {
      int node = sf.slab.node();
      if (sf.owned && node >= 0 && node < nodes) {
        slabs[node]++;
        objects[node] += sf.slab.objects();
      }
    }
    boolean storeUser = (s.flags() & SlabFlags.STORE_USER) != 0;
    for (int i = 0; i < nodes; i++) {
      CacheNode n = s.node(i);
      if (n.nrPartial() != c.partialCount[i]) {
        String d = "nr_partial = " + n.nrPartial() + ", partial list holds " + c.partialCount[i];
        f.node(Invariant.PARTIAL_COUNT, i, d);
        f.node(Invariant.NR_PARTIAL_RESTORED, i, d);
      }
      if (minPartialNeverLowered && c.partialEmpty[i] > s.minPartial()) {
        f.node(
            Invariant.EMPTY_SLABS,
            i,
            c.partialEmpty[i]
                + " empty slabs on the partial list, min_partial = "
                + s.minPartial());
      }
      if (n.nrSlabs() != slabs[i]) {
        f.node(
            Invariant.NODE_COUNTERS,
            i,
            "nr_slabs = " + n.nrSlabs() + ", but " + slabs[i] + " slabs are on the node");
      }
      if (n.totalObjects() != objects[i]) {
        f.node(
            Invariant.NODE_COUNTERS,
            i,
            "total_objects = " + n.totalObjects() + ", its slabs hold " + objects[i]);
      }
      if (storeUser && !c.cpuState && n.nrSlabs() != c.partialCount[i] + c.fullCount[i]) {
        f.node(
            Invariant.STORE_USER_LISTS,
            i,
            "nr_slabs = "
                + n.nrSlabs()
                + ", |partial| + |full| = "
                + (c.partialCount[i] + c.fullCount[i]));
      }
    }
    for (int i = 0; i < s.cpuCount(); i++) {
      CacheCpu cc = s.cpuSlab(i);
      long steps = cc.tid() - cc.cpu();
      if (steps < 0 || steps % CacheCpu.TID_STEP != 0) {
        f.cpu(
            Invariant.TID,
            i,
            "tid = " + cc.tid() + " is not cpu + a multiple of TID_STEP " + CacheCpu.TID_STEP);
      }
    }
  }
}
