package dev.slubsmo.smo;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.slab.CacheNode;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Oo;
import dev.slubsmo.slab.Slab;
import dev.slubsmo.slab.SlabAccess;
import dev.slubsmo.slab.SlabState;
import dev.slubsmo.slab.StatItem;
import java.util.BitSet;
import java.util.List;

/**
 * Emptying isolated slabs: {@code move_slab_page} (vector build, isolate under the slab lock,
 * migrate unlocked) and the disposal that unfreezes survivors and discards empty slabs.
 *
 * <p>Invariant: an isolated slab is frozen and on no list, so the allocator never hands out its
 * slots while it is being vacated, and frees into it only push onto its page freelist.
 */
final class Vacate {
  private Vacate() {}

  /** The scratch buffer of one defrag call: {@code objects(s.max)} pointers plus a bitmap. */
  static long allocScratch(KmemCache s, Cpu cpu) {
    int max = Oo.objects(s.max());
    long bytes = 8L * max + 8L * ((max + 63) / 64);
    return s.slub().kmalloc().kmalloc(cpu, bytes, Gfp.KERNEL | Gfp.NOWARN, KmemCache.NO_NODE);
  }

  static void freeScratch(KmemCache s, Cpu cpu, long scratch) {
    s.slub().kmalloc().kfree(cpu, scratch);
  }

  /** Freezes a slab taken off its list for moving; list_lock and slab lock held. */
  static void freeze(Slab page) {
    long st = page.state();
    SlabAccess.setState(
        page, SlabState.next(st, SlabState.freeIndex(st), SlabState.inuse(st), true));
  }

  /**
   * {@code move_slab_page}: the allocated objects in ascending address order go to isolate (under
   * the slab lock) and then to migrate (unlocked). Returns the objects that left the slab.
   */
  static int moveSlabPage(KmemCache s, Cpu cpu, Slab page, int node, MoveStats stats) {
    if (!page.frozen()) {
      throw new IllegalStateException("kernel BUG: move_slab_page on unfrozen " + page);
    }
    Mobility m = s.mobility();
    long[] vector;
    int count = 0;
    Object priv = null;
    page.lock();
    try {
      BitSet used = new BitSet(page.objects());
      used.set(0, page.objects());
      for (long p = page.freelist(); p != 0; p = s.freepointer(p)) {
        used.clear(s.indexOf(page, p));
      }
      vector = new long[used.cardinality()];
      for (int i = used.nextSetBit(0); i >= 0; i = used.nextSetBit(i + 1)) {
        vector[count++] = s.object(page, i);
      }
      if (m.isolate() != null) {
        cpu.enterAtomic();
        try {
          priv = m.isolate().isolate(s, vector, count);
        } finally {
          cpu.exitAtomic();
        }
      }
    } finally {
      page.unlock();
    }
    int before = page.inuse();
    Object p = priv;
    if (m.migrate() != null) {
      cpu.runAsCurrent(() -> m.migrate().migrate(s, vector, vector.length, node, p));
    } else {
      cpu.runAsCurrent(() -> perObject(s, cpu, page, vector, vector.length, node, p, stats));
    }
    int moved = before - page.inuse();
    s.count(cpu, StatItem.SMO_OBJECTS_MOVED, moved);
    stats.moved += moved;
    if (page.inuse() > 0) {
      s.count(cpu, StatItem.SMO_MIGRATE_FAILED);
    }
    return moved;
  }

  /** "Busy" answers on one slab after which it counts as never movable (illumos: 3). */
  static final int LATER_LIMIT = 3;

  /**
   * The per-object form: each answer decides what happens to that object; a "never" answer (or the
   * third "later") marks the slab immovable and stops work on it.
   */
  private static void perObject(
      KmemCache s,
      Cpu cpu,
      Slab page,
      long[] vector,
      int count,
      int node,
      Object priv,
      MoveStats stats) {
    for (int i = 0; i < count; i++) {
      if (vector[i] == 0) {
        continue;
      }
      MoveAnswer a = s.mobility().objectMigrate().migrate(s, vector[i], node, priv);
      switch (a) {
        case MOVED -> s.count(cpu, StatItem.SMO_ANSWER_MOVED);
        case DONT_NEED -> {
          s.count(cpu, StatItem.SMO_ANSWER_DONT_NEED);
          s.free(cpu, vector[i]);
        }
        case LATER -> {
          s.count(cpu, StatItem.SMO_ANSWER_LATER);
          if (page.noteLaterAnswer() >= LATER_LIMIT) {
            stats.markImmovable(page);
            return;
          }
        }
        case NEVER -> {
          s.count(cpu, StatItem.SMO_ANSWER_NEVER);
          stats.markImmovable(page);
          return;
        }
      }
    }
  }

  /**
   * The disposal step: each isolated slab is unfrozen and goes back to the tail of the partial
   * list, or onto the full list when full (the fixed form of K7; {@code fullToPartial} reproduces
   * the kernel's balance filing), or is discarded when empty. Returns the slabs discarded.
   */
  static int dispose(
      KmemCache s,
      Cpu cpu,
      CacheNode n,
      List<Slab> moveList,
      boolean fullToPartial,
      MoveStats stats) {
    int emptied = 0;
    n.listLock().lock();
    try {
      for (Slab page : moveList) {
        page.lock();
        long st = page.state();
        long update = SlabState.next(st, SlabState.freeIndex(st), SlabState.inuse(st), false);
        SlabAccess.setState(page, update);
        page.unlock();
        int inuse = SlabState.inuse(update);
        if (inuse == 0) {
          s.discardSlab(page);
          emptied++;
        } else {
          n.relinkAfterMove(s, page, inuse == page.objects() && !fullToPartial);
          stats.noteSurvivor(page);
        }
      }
    } finally {
      n.listLock().unlock();
    }
    s.count(cpu, StatItem.SMO_SLABS_EMPTIED, emptied);
    stats.emptied += emptied;
    return emptied;
  }
}
