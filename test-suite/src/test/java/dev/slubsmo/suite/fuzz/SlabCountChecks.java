package dev.slubsmo.suite.fuzz;

import dev.slubsmo.slab.CacheNode;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slab;
import dev.slubsmo.smo.Defrag;
import java.util.Arrays;
import java.util.Map;

/** The properties about slab counts: the shrink floor and a defrag's partial slabs. */
final class SlabCountChecks {
  private SlabCountChecks() {}

  /**
   * After the shrink of a movable debug cache (no CPU slabs; every allocation succeeded): per node
   * at most one partial slab, and exactly {@code ceil(live / objs_per_slab)} slabs, plus the lone
   * empty partial slab the kernel placement's early return keeps (K11); minimal-move has none.
   */
  static Violation shrinkFloor(int i, KmemCache c, boolean minimalMove) {
    String dir = Line.SLAB + c.name() + "/";
    StringBuilder partialTerms = new StringBuilder();
    StringBuilder slabTerms = new StringBuilder();
    StringBuilder why = new StringBuilder();
    boolean partialOk = true;
    boolean slabsOk = true;
    for (int n = 0; n < c.nodeCount(); n++) {
      CacheNode node = c.node(n);
      long free = 0;
      long inusePartial = 0;
      for (Slab p : node.partial().toList()) {
        free += p.objects() - p.inuse();
        inusePartial += p.inuse();
      }
      long live = node.totalObjects() - free;
      boolean loneEmpty = !minimalMove && node.nrPartial() == 1 && inusePartial == 0;
      long want = (live + c.objsPerSlab() - 1) / c.objsPerSlab() + (loneEmpty ? 1 : 0);
      partialTerms.append(" N").append(n).append("<=1");
      slabTerms.append(" N").append(n).append("==").append(want);
      partialOk &= node.nrPartial() <= 1;
      slabsOk &= node.nrSlabs() == want;
      why.append(
          String.format(
              " N%d: %d slabs (want %d), %d partial, %d live;",
              n, node.nrSlabs(), want, node.nrPartial(), live));
    }
    if (partialOk && slabsOk) {
      return null;
    }
    String repro =
        !partialOk
            ? "expect " + dir + "partial" + partialTerms
            : "expect " + dir + "slabs" + slabTerms;
    return new Violation(Property.SHRINK_FLOOR, i, "after shrink:" + why, repro);
  }

  /**
   * Over the nodes {@code kmem_defrag_slabs} defragments (more than {@code MAX_PARTIAL} partial
   * slabs before, and the named node if one was given; {@code only} is -1 for all): none ends with
   * more partial slabs. Other nodes are not defragmented; their lists can still grow when the
   * defrag's allocations deactivate a CPU slab of theirs, as any allocation on another node would.
   * Returns the violation and counts the nodes checked into {@code stats}.
   */
  static Violation defragPartial(
      int i, Map<KmemCache, long[]> partialBefore, long only, RunStats stats) {
    for (Map.Entry<KmemCache, long[]> e : partialBefore.entrySet()) {
      KmemCache c = e.getKey();
      long[] before = e.getValue();
      StringBuilder terms = new StringBuilder();
      boolean ok = true;
      for (int n = 0; n < before.length; n++) {
        if (before[n] > Defrag.MAX_PARTIAL && (only < 0 || only == n)) {
          stats.defragsOverThreshold++;
          terms.append(" N").append(n).append("<=").append(before[n]);
          ok &= c.node(n).nrPartial() <= before[n];
        }
      }
      if (!ok) {
        return new Violation(
            Property.DEFRAG_PARTIAL,
            i,
            c.name() + ": partial slabs per node went from " + Arrays.toString(before),
            "expect " + Line.SLAB + c.name() + "/partial" + terms);
      }
    }
    return null;
  }
}
