package dev.slubsmo.slab;

import java.util.ArrayList;
import java.util.List;

/**
 * Mainline v5.0 {@code __kmem_cache_shrink}: after {@code flush_all}, each node's partial list is
 * re-ordered so slabs with 1..32 free objects come first, fewest free first (later-scanned first
 * inside a bucket), followed by the rest in their old order; every empty slab is discarded
 * regardless of {@code min_partial}, without counting {@code FREE_SLAB}.
 */
public final class MainlineShrink {
  static final int SHRINK_PROMOTE_MAX = 32;

  private MainlineShrink() {}

  /** {@code __kmem_cache_shrink}: returns 1 if any node still has slabs, else 0. */
  public static int shrink(KmemCache s) {
    s.flushAll();
    int ret = 0;
    for (CacheNode n : s.node) {
      List<Slab> discard = new ArrayList<>();
      n.listLock.lock();
      try {
        List<List<Slab>> promote = new ArrayList<>();
        for (int i = 0; i < SHRINK_PROMOTE_MAX; i++) {
          promote.add(new ArrayList<>());
        }
        for (Slab page : n.partial.toList()) {
          int free = page.objects() - page.inuse();
          if (free <= 0) {
            throw new SlabError("kernel BUG: full slab on the partial list: " + page);
          }
          if (free == page.objects()) {
            n.removePartial(page);
            discard.add(page);
          } else if (free <= SHRINK_PROMOTE_MAX) {
            n.partial.remove(page);
            promote.get(free - 1).add(0, page);
          }
        }
        for (int i = SHRINK_PROMOTE_MAX - 1; i >= 0; i--) {
          List<Slab> bucket = promote.get(i);
          for (int j = bucket.size() - 1; j >= 0; j--) {
            n.partial.addHead(bucket.get(j));
          }
        }
      } finally {
        n.listLock.unlock();
      }
      for (Slab page : discard) {
        SlabPages.discardSlab(s, page);
      }
      if (n.nrSlabs() > 0) {
        ret = 1;
      }
    }
    return ret;
  }

  /** {@code free_partial} at cache shutdown: discards the empty partial slabs. */
  static void discardEmpty(KmemCache s) {
    for (CacheNode n : s.node) {
      List<Slab> discard = new ArrayList<>();
      n.listLock.lock();
      try {
        for (Slab page : n.partial.toList()) {
          if (page.inuse() == 0) {
            n.removePartial(page);
            discard.add(page);
          }
        }
      } finally {
        n.listLock.unlock();
      }
      for (Slab page : discard) {
        SlabPages.discardSlab(s, page);
      }
    }
  }
}
