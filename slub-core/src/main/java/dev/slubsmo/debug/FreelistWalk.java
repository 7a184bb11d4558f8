package dev.slubsmo.debug;

import dev.slubsmo.mm.MemoryFault;
import dev.slubsmo.slab.CacheCpu;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slab;
import java.util.BitSet;

/**
 * Walks a cache's freelists in simulated memory: every owned slab's page freelist, then every CPU's
 * freelist over the slots of its CPU slab (invariants 7, 17 and 20).
 *
 * <p>A walk marks each visited slot in a bitmap and stops at the first pointer that is not an
 * object of the slab, at a slot it already visited, or at a free pointer it cannot read; so it
 * takes at most {@code objects + 1} steps. Only CPU slabs keep their bitmaps (to find objects on
 * both lists); every other slab reuses one scratch bitmap.
 */
final class FreelistWalk {
  private FreelistWalk() {}

  static void walk(SlabCensus c, Findings f) {
    KmemCache s = c.cache;
    if (s.size() <= 0) {
      return;
    }
    BitSet scratch = new BitSet();
    for (SlabFacts sf : c.slabs) {
      if (!sf.owned) {
        continue;
      }
      BitSet slots = scratch;
      if (sf.cpuSlabs > 0) {
        sf.pageSlots = new BitSet(sf.slab.objects());
        sf.cpuSlots = new BitSet(sf.slab.objects());
        slots = sf.pageSlots;
      } else {
        scratch.clear();
      }
      walkPage(s, sf, slots, f);
    }
    for (int i = 0; i < s.cpuCount(); i++) {
      walkCpu(c, s.cpuSlab(i), f);
    }
  }

  /** The slot index of {@code addr} in {@code p} ({@code check_valid_pointer}), or -1. */
  static int slot(KmemCache s, Slab p, long addr) {
    long rel = addr - p.base() - s.redLeftPad();
    int size = s.size();
    if (rel < 0 || rel >= (long) p.objects() * size) {
      return -1;
    }
    int idx = (int) rel / size;
    return idx * size == rel ? idx : -1;
  }

  private static void walkPage(KmemCache s, SlabFacts sf, BitSet slots, Findings f) {
    Slab p = sf.slab;
    long obj = p.freelist();
    int n = 0;
    while (obj != 0) {
      int idx = slot(s, p, obj);
      if (idx < 0) {
        f.object(Invariant.FREELIST_WALK, p, obj, pageEntry(n) + " is not an object of the slab");
        return;
      }
      if (slots.get(idx)) {
        f.object(
            Invariant.FREELIST_WALK,
            p,
            obj,
            pageEntry(n) + " repeats an earlier entry: the freelist does not terminate");
        return;
      }
      slots.set(idx);
      n++;
      try {
        obj = s.freepointer(obj);
      } catch (MemoryFault e) {
        f.object(Invariant.FREELIST_WALK, p, obj, "free pointer unreadable: " + e.getMessage());
        return;
      }
    }
    sf.pageFree = n;
    sf.pageWalked = true;
  }

  private static void walkCpu(SlabCensus census, CacheCpu c, Findings f) {
    KmemCache s = census.cache;
    Slab page = c.page();
    if (page == null) {
      if (c.freelist() != 0) {
        f.cpu(
            Invariant.CPU_FREELIST,
            c.cpu(),
            "no CPU slab, but c.freelist = " + Findings.hex(c.freelist()));
      }
      return;
    }
    SlabFacts sf = census.facts.get(page);
    if (sf.cpuSlots == null) {
      return;
    }
    long obj = c.freelist();
    int n = 0;
    while (obj != 0) {
      int idx = slot(s, page, obj);
      if (idx < 0) {
        f.object(
            Invariant.CPU_FREELIST,
            page,
            obj,
            cpuEntry(c, n) + " is not an object of its CPU slab");
        sf.cpuWalked = false;
        return;
      }
      if (sf.cpuSlots.get(idx)) {
        f.object(
            Invariant.CPU_FREELIST,
            page,
            obj,
            cpuEntry(c, n) + " repeats an earlier entry: the freelist does not terminate");
        sf.cpuWalked = false;
        return;
      }
      sf.cpuSlots.set(idx);
      sf.cpuFree++;
      if (sf.pageSlots.get(idx)) {
        sf.cpuOnPage++;
        f.object(Invariant.ONE_PLACE, page, obj, cpuEntry(c, n) + " is on the page freelist too");
      }
      n++;
      try {
        obj = s.freepointer(obj);
      } catch (MemoryFault e) {
        f.object(Invariant.CPU_FREELIST, page, obj, "free pointer unreadable: " + e.getMessage());
        sf.cpuWalked = false;
        return;
      }
    }
  }

  /**
   * Where a walk stands, for messages only: built when something is reported, so a clean walk
   * allocates nothing per entry.
   */
  private static String pageEntry(int n) {
    return "page freelist entry " + n;
  }

  private static String cpuEntry(CacheCpu c, int n) {
    return "cpu " + c.cpu() + "'s freelist entry " + n;
  }
}
