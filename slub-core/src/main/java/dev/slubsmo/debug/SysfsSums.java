package dev.slubsmo.debug;

import dev.slubsmo.slab.CacheCpu;
import dev.slubsmo.slab.CacheNode;
import dev.slubsmo.slab.KmemCache;

/**
 * The sums sysfs shows (spec section 7), computed here from the node counters as sysfs does and
 * again from the slabs the census found (invariants 21-23). The slot-based sums need every freelist
 * walked to its end; when a walk failed, invariant 7 or 17 already names the slab.
 */
final class SysfsSums {
  private SysfsSums() {}

  static void check(SlabCensus c, Findings f) {
    KmemCache s = c.cache;
    long nrPartial = 0;
    long nrSlabs = 0;
    long totalObjects = 0;
    long partialFree = 0;
    long partialInuse = 0;
    long listedPartial = 0;
    for (int i = 0; i < s.nodeCount(); i++) {
      CacheNode n = s.node(i);
      nrPartial += n.nrPartial();
      nrSlabs += n.nrSlabs();
      totalObjects += n.totalObjects();
      partialFree += c.partialFree[i];
      partialInuse += c.partialInuse[i];
      listedPartial += c.partialCount[i];
    }
    long slabs = 0;
    long objects = 0;
    long live = 0;
    long liveBySlots = 0;
    long partialUsedBySlots = 0;
    long cpuHeldFree = 0;
    boolean walked = true;
    for (SlabFacts sf : c.slabs) {
      if (!sf.owned) {
        continue;
      }
      int objs = sf.slab.objects();
      slabs++;
      objects += objs;
      walked &= sf.walked();
      live += objs - sf.pageFree - sf.cpuFree;
      liveBySlots += objs - sf.freeSlots();
      if (sf.onPartial) {
        partialUsedBySlots += objs - sf.pageFree;
      }
      if (sf.cpuSlabs + sf.chains > 0) {
        cpuHeldFree += sf.freeSlots();
      }
    }
    sum(f, "partial", "sum(nr_partial)", nrPartial, "slabs on partial lists", listedPartial);
    sum(f, "slabs", "sum(nr_slabs)", nrSlabs, "slabs found", slabs);
    sum(f, "total_objects", "sum(total_objects)", totalObjects, "objects of slabs", objects);
    cpuSlabs(c, f);
    if (!walked) {
      return;
    }
    sum(
        f,
        "objects_partial",
        "sum(inuse)",
        partialInuse,
        "objects off the freelists",
        partialUsedBySlots);
    if (live != liveBySlots) {
      f.cache(
          Invariant.LIVE_SUM,
          "sum(objects - len(page freelist)) - sum(len(c.freelist)) = "
              + live
              + ", but "
              + liveBySlots
              + " slots are on no freelist");
    }
    long sysfsObjects = totalObjects - partialFree;
    if (sysfsObjects < liveBySlots || sysfsObjects - liveBySlots != cpuHeldFree) {
      f.cache(
          Invariant.SYSFS_OBJECTS,
          "objects = "
              + sysfsObjects
              + ", live allocations = "
              + liveBySlots
              + ", free objects of CPU slabs and chains = "
              + cpuHeldFree);
    }
  }

  /** {@code cpu_slabs}: per CPU with a slab, 1 plus the chain head's {@code pages}. */
  private static void cpuSlabs(SlabCensus c, Findings f) {
    KmemCache s = c.cache;
    long shown = 0;
    long found = 0;
    for (int i = 0; i < s.cpuCount(); i++) {
      CacheCpu cc = s.cpuSlab(i);
      if (cc.page() != null) {
        shown += 1 + (cc.partial() == null ? 0 : cc.partial().chainPages());
        found += 1 + c.chainLength[i];
      }
    }
    sum(f, "cpu_slabs", "1 + head pages per CPU slab", shown, "slabs held", found);
  }

  private static void sum(
      Findings f, String file, String shownAs, long shown, String foundAs, long found) {
    if (shown != found) {
      f.cache(
          Invariant.SYSFS_SUMS,
          file + ": " + shownAs + " = " + shown + ", but " + foundAs + " = " + found);
    }
  }
}
