package dev.slubsmo.debug;

import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Oo;
import dev.slubsmo.slab.Slab;
import dev.slubsmo.slab.SlabFlags;

/**
 * Per-slab invariants over a census whose freelists were walked: the slab's identity and counters
 * (5, 6, 8, 9) and whether its state word matches where it is (10-13, 26, 30).
 *
 * <p>A full slab on a partial list is reported only as invariant 30, not also under 12, so a
 * kernel-faithful balance (K7) shows exactly that one invariant.
 */
final class SlabChecks {
  private SlabChecks() {}

  static void check(SlabCensus c, Findings f) {
    for (SlabFacts sf : c.slabs) {
      if (!sf.owned) {
        notOwned(c.cache, sf.slab, f);
        continue;
      }
      counters(c.cache, sf, f);
      if (sf.slab.frozen()) {
        frozen(sf, f);
      } else if (sf.cpuSlabs + sf.chains > 0) {
        f.slab(
            Invariant.FROZEN,
            sf.slab,
            "not frozen, but the CPU slab of "
                + sf.cpuSlabs
                + " CPUs and on "
                + sf.chains
                + " CPU chains");
      } else {
        unfrozen(c.cache, sf, f);
      }
      if (sf.chains > 0 && sf.slab.inuse() >= sf.slab.objects()) {
        f.slab(Invariant.CHAIN_NOT_FULL, sf.slab, "full on a CPU chain");
      }
    }
  }

  private static void notOwned(KmemCache s, Slab p, Findings f) {
    Object holder = s.slub().pages().ownerOf(p.base());
    if (holder != p) {
      f.slab(
          Invariant.SLAB_OWNER,
          p,
          "referenced by the cache, but the page allocator holds "
              + (holder == null ? "nothing" : holder)
              + " there");
    } else {
      f.slab(Invariant.SLAB_OWNER, p, "referenced by the cache, but belongs to " + p.cache());
    }
  }

  /** Invariants 5, 6, 8 and 9. */
  private static void counters(KmemCache s, SlabFacts sf, Findings f) {
    Slab p = sf.slab;
    int objects = p.objects();
    int inuse = p.inuse();
    if (s.size() > 0 && objects != Oo.orderObjects(p.order(), s.size())) {
      f.slab(
          Invariant.SLAB_OWNER,
          p,
          "objects = "
              + objects
              + ", order_objects(order "
              + p.order()
              + ", size "
              + s.size()
              + ") = "
              + Oo.orderObjects(p.order(), s.size()));
    }
    if (inuse > objects) {
      f.slab(Invariant.INUSE_RANGE, p, "inuse = " + inuse + " > objects = " + objects);
    } else if (sf.pageWalked && sf.pageFree != objects - inuse) {
      f.slab(
          Invariant.FREELIST_LENGTH,
          p,
          "freelist has " + sf.pageFree + ", objects - inuse = " + (objects - inuse));
    }
    if (sf.cpuSlabs > 0 && sf.walked()) {
      int handedOut = objects - sf.freeSlots();
      if (inuse - sf.cpuFree != handedOut) {
        f.slab(
            Invariant.CPU_SLAB_HANDED_OUT,
            p,
            "inuse - len(c.freelist) = "
                + (inuse - sf.cpuFree)
                + ", but "
                + handedOut
                + " objects are on neither freelist");
      }
    }
  }

  /** Invariants 10 and 26 for a frozen slab. */
  private static void frozen(SlabFacts sf, Findings f) {
    int places = sf.cpuSlabs + sf.chains;
    if (sf.list != null) {
      f.slab(Invariant.FROZEN, sf.slab, "frozen on node " + sf.listNode + "'s " + listName(sf));
    } else if (places == 0) {
      f.slab(
          Invariant.NOT_ISOLATED,
          sf.slab,
          "frozen, but no CPU's slab, on no chain and on no list"
              + " (isolated, or orphaned as in spec 3.3)");
    }
    if (places > 1) {
      f.slab(
          Invariant.FROZEN,
          sf.slab,
          "the CPU slab of " + sf.cpuSlabs + " CPUs and on " + sf.chains + " CPU chains");
    }
  }

  /** Invariants 12, 13 and 30 for an unfrozen slab no CPU refers to. */
  private static void unfrozen(KmemCache s, SlabFacts sf, Findings f) {
    Slab p = sf.slab;
    boolean storeUser = (s.flags() & SlabFlags.STORE_USER) != 0;
    if (sf.lists > 1) {
      f.slab(Invariant.UNFROZEN_LISTS, p, "on " + sf.lists + " node lists");
    }
    if (sf.list != null && sf.listNode != p.node()) {
      f.slab(
          Invariant.UNFROZEN_LISTS,
          p,
          "memory on node " + p.node() + ", but on node " + sf.listNode + "'s " + listName(sf));
    }
    boolean onFull = sf.list != null && !sf.onPartial;
    if (p.inuse() >= p.objects()) {
      if (sf.onPartial) {
        f.slab(
            Invariant.NO_FULL_ON_PARTIAL,
            p,
            "full (inuse " + p.inuse() + " of " + p.objects() + ") on the partial list");
      } else if (storeUser && !onFull) {
        f.slab(Invariant.UNFROZEN_LISTS, p, "full, cache has STORE_USER, but not on n.full");
      } else if (!storeUser && onFull) {
        f.slab(Invariant.UNFROZEN_LISTS, p, "on n.full, but the cache has no STORE_USER");
      }
    } else if (!sf.onPartial) {
      String where = onFull ? "on the full list" : "on no list";
      f.slab(
          Invariant.UNFROZEN_LISTS,
          p,
          "inuse " + p.inuse() + " < objects " + p.objects() + ", but " + where);
      if (p.inuse() == 0) {
        f.slab(Invariant.EMPTY_SLABS, p, "empty and unfrozen, but " + where);
      }
    }
  }

  private static String listName(SlabFacts sf) {
    return sf.onPartial ? "partial list" : "full list";
  }
}
