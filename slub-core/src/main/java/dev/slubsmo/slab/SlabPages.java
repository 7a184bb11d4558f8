package dev.slubsmo.slab;

import dev.slubsmo.debug.SlubDebug;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.PhysicalMemory;

/**
 * Getting and giving back a slab's pages (mm/slub.c {@code allocate_slab}, {@code new_slab}, {@code
 * discard_slab}). A new slab is frozen with every object counted as in use; its freelist runs from
 * the lowest address upwards and the caller takes all of it.
 */
final class SlabPages {
  private SlabPages() {}

  /** {@code new_slab}/{@code allocate_slab}: the preferred order, then {@code min}. */
  static Slab newSlab(KmemCache s, Cpu cpu, int gfp, int node) {
    int oo = s.oo;
    int preferred = node == KmemCache.NO_NODE ? cpu.node() : node;
    boolean thisNode = (gfp & Gfp.THISNODE) != 0;
    long pfn =
        Oo.objects(oo) == 0 ? -1 : s.slub.pages.allocPages(Oo.order(oo), preferred, thisNode);
    if (pfn < 0) {
      oo = s.min;
      pfn = s.slub.pages.allocPages(Oo.order(oo), preferred, thisNode);
      if (pfn < 0) {
        return null;
      }
      s.stat(cpu, StatItem.ORDER_FALLBACK);
    }
    PhysicalMemory mem = s.slub.memory;
    int objects = Oo.objects(oo);
    int order = Oo.order(oo);
    Slab page =
        new Slab(s, pfn, PhysicalMemory.pfnToAddress(pfn), order, mem.pfnToNode(pfn), objects);
    s.slub.pages.setOwner(pfn, order, page);
    if ((s.flags & SlabFlags.POISON) != 0) {
      SlubDebug.poisonNewSlab(s, page);
    }
    for (int i = 0; i < objects; i++) {
      long p = s.objectAddress(page, i);
      setupObject(s, p);
      s.setFreepointer(p, i + 1 < objects ? s.objectAddress(page, i + 1) : 0);
    }
    page.setState(SlabState.pack(0, objects, objects, true));
    s.node[page.node].incSlabs(objects);
    return page;
  }

  /** {@code setup_object}: debug initialisation, then the constructor. */
  static void setupObject(KmemCache s, long object) {
    if ((s.flags & (SlabFlags.STORE_USER | SlabFlags.RED_ZONE | SlabFlags.OBJECT_POISON)) != 0) {
      SlubDebug.setupObjectDebug(s, object);
    }
    if (s.ctor != null) {
      s.ctor.construct(s.slub.memory, object);
    }
  }

  /** {@code discard_slab}: {@code dec_slabs_node} then {@code free_slab}. */
  static void discardSlab(KmemCache s, Slab page) {
    s.node[page.node].decSlabs(page.objects());
    if ((s.flags & SlabFlags.CONSISTENCY_CHECKS) != 0) {
      SlubDebug.checkSlabBeforeFree(s, page);
    }
    s.slub.pages.freePages(page.pfn, page.order);
  }
}
