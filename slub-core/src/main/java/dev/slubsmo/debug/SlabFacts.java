package dev.slubsmo.debug;

import dev.slubsmo.slab.Slab;
import dev.slubsmo.slab.SlabList;
import java.util.BitSet;

/** What the checker learned about one slab: who refers to it and what its freelists hold. */
final class SlabFacts {
  final Slab slab;

  /** The page allocator holds it as a slab ({@code PageSlab}) of the cache being checked. */
  final boolean owned;

  /** CPUs whose {@code c.page} it is, and CPU chains that reach it. */
  int cpuSlabs;

  int chains;

  /** The CPU whose chain walk passed it last, to catch a chain that loops. */
  int chainCpu = -1;

  /** The first node list found holding it, that list's node and kind, and how many lists do. */
  SlabList list;

  int listNode = -1;
  boolean onPartial;
  int lists;

  /** The list walk that passed it last, to catch a list that loops. */
  int listWalk;

  /** Its page freelist was walked to the end without a fault, and that many objects. */
  boolean pageWalked;

  int pageFree;

  /** Slots on the page freelist and on CPU freelists; kept only for CPU slabs. */
  BitSet pageSlots;

  BitSet cpuSlots;

  /** Distinct objects on CPU freelists, and how many of those are on the page freelist too. */
  int cpuFree;

  int cpuOnPage;
  boolean cpuWalked = true;

  SlabFacts(Slab slab, boolean owned) {
    this.slab = slab;
    this.owned = owned;
  }

  /** Both freelists walked without a fault. */
  boolean walked() {
    return pageWalked && cpuWalked;
  }

  /** Slots on some freelist: the slab's free objects. */
  int freeSlots() {
    return pageFree + cpuFree - cpuOnPage;
  }
}
