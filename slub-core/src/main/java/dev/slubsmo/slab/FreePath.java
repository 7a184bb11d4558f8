package dev.slubsmo.slab;

import dev.slubsmo.debug.SlubDebug;
import dev.slubsmo.mm.Cpu;

/**
 * The free path (mm/slub.c {@code do_slab_free} and {@code __slab_free}).
 *
 * <p>Fast path: the object's slab is this CPU's slab, so the batch goes in front of the CPU
 * freelist and {@code page.inuse} does not change. Otherwise the batch is pushed onto the page
 * freelist and the slab's list position is fixed up by the cases of spec 4.3: frozen (A), still
 * partial (B), was full with CPU partial (C, frozen onto this CPU's chain), was full without CPU
 * partial (D, to the node partial tail or discarded), became empty (E, discarded when the node
 * already has {@code min_partial} partial slabs).
 */
final class FreePath {
  private FreePath() {}

  /** {@code slab_free}/{@code do_slab_free} for a batch {@code head..tail} of {@code cnt}. */
  static void slabFree(KmemCache s, Cpu cpu, Slab page, long head, long tail, int cnt) {
    cpu.enter();
    cpu.checkMaySleep("kmem_cache_free");
    CacheCpu c = s.cpuSlab[cpu.id()];
    if (page == c.page) {
      s.setFreepointer(tail, c.freelist);
      c.freelist = head;
      c.tid += CacheCpu.TID_STEP;
      c.stat[StatItem.FREE_FASTPATH.ordinal()]++;
    } else {
      slowFree(s, cpu, page, head, tail, cnt);
    }
  }

  /** {@code __slab_free}. */
  static void slowFree(KmemCache s, Cpu cpu, Slab page, long head, long tail, int cnt) {
    s.stat(cpu, StatItem.FREE_SLOWPATH);
    if (s.debug() && !SlubDebug.freeDebugProcessing(s, cpu, page, head, tail, cnt)) {
      return;
    }
    CacheNode n = null;
    long prior;
    long update;
    boolean wasFrozen;
    try {
      while (true) {
        if (n != null) {
          n.listLock.unlock();
          n = null;
        }
        long old = page.state();
        int priorIdx = SlabState.freeIndex(old);
        prior = s.objectAddress(page, priorIdx);
        s.setFreepointer(tail, prior);
        wasFrozen = SlabState.frozen(old);
        int newInuse = SlabState.inuse(old) - cnt;
        boolean frozen = wasFrozen;
        if ((newInuse == 0 || prior == 0) && !wasFrozen) {
          if (s.hasCpuPartial() && prior == 0) {
            frozen = true;
          } else {
            n = s.node[page.node];
            n.listLock.lock();
          }
        }
        update = SlabState.next(old, s.objectIndex(page, head), newInuse, frozen);
        if (s.cmpxchgSlab(cpu, page, old, update)) {
          break;
        }
      }
      if (n == null) {
        if (SlabState.frozen(update) && !wasFrozen) {
          CpuPartial.putCpuPartial(s, cpu, page, true);
          s.stat(cpu, StatItem.CPU_PARTIAL_FREE);
        }
        if (wasFrozen) {
          s.stat(cpu, StatItem.FREE_FROZEN);
        }
        return;
      }
      if (SlabState.inuse(update) == 0 && n.nrPartial >= s.minPartial) {
        if (prior != 0) {
          n.removePartial(page);
          s.stat(cpu, StatItem.FREE_REMOVE_PARTIAL);
        } else {
          n.removeFull(s, page);
        }
        n.listLock.unlock();
        n = null;
        s.stat(cpu, StatItem.FREE_SLAB);
        SlabPages.discardSlab(s, page);
        return;
      }
      if (!s.hasCpuPartial() && prior == 0) {
        if (s.debug()) {
          n.removeFull(s, page);
        }
        n.addPartial(page, true);
        s.stat(cpu, StatItem.FREE_ADD_PARTIAL);
      }
    } finally {
      if (n != null) {
        n.listLock.unlock();
      }
    }
  }
}
