package dev.slubsmo.slab;

import dev.slubsmo.mm.Cpu;

/**
 * The per-CPU partial chain (mm/slub.c {@code put_cpu_partial}, {@code unfreeze_partials}).
 *
 * <p>A chain is a singly linked list of frozen slabs with free objects; only its head carries the
 * chain length ({@code pages}) and the running total of free objects the slabs had when pushed
 * ({@code pobjects}, a lower bound). A push with {@code drain} first moves the whole chain to the
 * node lists once {@code pobjects} exceeds {@code cpu_partial}.
 */
final class CpuPartial {
  private CpuPartial() {}

  /** {@code put_cpu_partial}: pushes a frozen slab onto the running CPU's chain. */
  static void putCpuPartial(KmemCache s, Cpu cpu, Slab page, boolean drain) {
    CacheCpu c = s.cpuSlab[cpu.id()];
    Slab old = c.partial;
    int pages = 0;
    int pobjects = 0;
    if (old != null) {
      pobjects = old.pobjects;
      pages = old.pages;
      if (drain && pobjects > s.cpuPartial) {
        unfreezePartials(s, cpu, c);
        old = null;
        pobjects = 0;
        pages = 0;
        s.stat(cpu, StatItem.CPU_PARTIAL_DRAIN);
      }
    }
    pages++;
    pobjects += page.objects() - page.inuse();
    page.pages = pages;
    page.pobjects = pobjects;
    page.chainNext = old;
    c.partial = page;
    if (s.cpuPartial == 0) {
      unfreezePartials(s, cpu, c);
    }
  }

  /**
   * {@code unfreeze_partials}: every chain slab back to the tail of its node's partial list, or
   * discarded when empty and the node already has {@code min_partial} partial slabs.
   */
  static void unfreezePartials(KmemCache s, Cpu cpu, CacheCpu c) {
    CacheNode n = null;
    Slab discard = null;
    try {
      Slab page;
      while ((page = c.partial) != null) {
        c.partial = page.chainNext;
        page.chainNext = null;
        CacheNode n2 = s.node[page.node];
        if (n != n2) {
          if (n != null) {
            n.listLock.unlock();
          }
          n = n2;
          n.listLock.lock();
        }
        long old;
        long update;
        do {
          old = page.state();
          update = SlabState.next(old, SlabState.freeIndex(old), SlabState.inuse(old), false);
        } while (!s.cmpxchgSlab(cpu, page, old, update));
        if (SlabState.inuse(update) == 0 && n.nrPartial >= s.minPartial) {
          page.chainNext = discard;
          discard = page;
        } else {
          n.addPartial(page, true);
          s.stat(cpu, StatItem.FREE_ADD_PARTIAL);
        }
      }
    } finally {
      if (n != null) {
        n.listLock.unlock();
      }
    }
    while (discard != null) {
      Slab page = discard;
      discard = discard.chainNext;
      page.chainNext = null;
      s.stat(cpu, StatItem.DEACTIVATE_EMPTY);
      SlabPages.discardSlab(s, page);
      s.stat(cpu, StatItem.FREE_SLAB);
    }
  }
}
