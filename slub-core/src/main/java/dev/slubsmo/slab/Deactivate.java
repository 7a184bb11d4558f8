package dev.slubsmo.slab;

import dev.slubsmo.mm.Cpu;
import java.util.ArrayList;
import java.util.List;

/**
 * Giving a CPU slab back (mm/slub.c {@code deactivate_slab}, {@code flush_slab}, {@code
 * flush_all}).
 *
 * <p>{@code deactivate_slab} first pushes the CPU freelist, all but its last object, onto the page
 * freelist one at a time (so the CPU list ends up reversed in front of any remote frees), then
 * pushes the last object and unfreezes in one step, choosing: free (empty and the node has {@code
 * min_partial} partial slabs), partial (head, or tail when remote frees had arrived), or full.
 */
final class Deactivate {
  private Deactivate() {}

  private enum Mode {
    NONE,
    PARTIAL,
    FULL,
    FREE
  }

  /** {@code deactivate_slab}. */
  static void deactivateSlab(KmemCache s, Cpu cpu, Slab page, long freelist, CacheCpu c) {
    CacheNode n = s.node[page.node];
    boolean tail = false;
    if (SlabState.freeIndex(page.state()) >= 0) {
      s.stat(cpu, StatItem.DEACTIVATE_REMOTE_FREES);
      tail = true;
    }
    long nextfree;
    while (freelist != 0 && (nextfree = s.getFreepointer(freelist)) != 0) {
      long old;
      long update;
      do {
        old = page.state();
        s.setFreepointer(freelist, s.objectAddress(page, SlabState.freeIndex(old)));
        update = SlabState.next(old, s.objectIndex(page, freelist), SlabState.inuse(old) - 1, true);
      } while (!s.cmpxchgSlab(cpu, page, old, update));
      freelist = nextfree;
    }
    boolean locked = false;
    Mode l = Mode.NONE;
    Mode m;
    try {
      while (true) {
        long old = page.state();
        int inuse = SlabState.inuse(old);
        int head = SlabState.freeIndex(old);
        if (freelist != 0) {
          inuse--;
          s.setFreepointer(freelist, s.objectAddress(page, head));
          head = s.objectIndex(page, freelist);
        }
        if (inuse == 0 && n.nrPartial >= s.minPartial) {
          m = Mode.FREE;
        } else if (head >= 0) {
          m = Mode.PARTIAL;
          if (!locked) {
            locked = true;
            n.listLock.lock();
          }
        } else {
          m = Mode.FULL;
          if (s.debug() && !locked) {
            locked = true;
            n.listLock.lock();
          }
        }
        if (l != m) {
          if (l == Mode.PARTIAL) {
            n.removePartial(page);
          } else if (l == Mode.FULL) {
            n.removeFull(s, page);
          }
          if (m == Mode.PARTIAL) {
            n.addPartial(page, tail);
          } else if (m == Mode.FULL) {
            n.addFull(s, page);
          }
        }
        l = m;
        if (s.cmpxchgSlab(cpu, page, old, SlabState.next(old, head, inuse, false))) {
          break;
        }
      }
    } finally {
      if (locked) {
        n.listLock.unlock();
      }
    }
    if (m == Mode.PARTIAL) {
      s.stat(cpu, tail ? StatItem.DEACTIVATE_TO_TAIL : StatItem.DEACTIVATE_TO_HEAD);
    } else if (m == Mode.FULL) {
      s.stat(cpu, StatItem.DEACTIVATE_FULL);
    } else if (m == Mode.FREE) {
      s.stat(cpu, StatItem.DEACTIVATE_EMPTY);
      SlabPages.discardSlab(s, page);
      s.stat(cpu, StatItem.FREE_SLAB);
    }
    c.page = null;
    c.freelist = 0;
  }

  /** {@code flush_slab}. */
  static void flushSlab(KmemCache s, Cpu cpu, CacheCpu c) {
    s.stat(cpu, StatItem.CPUSLAB_FLUSH);
    deactivateSlab(s, cpu, c.page, c.freelist, c);
    c.tid += CacheCpu.TID_STEP;
  }

  /** {@code __flush_cpu_slab}: the CPU slab, then the chain. */
  static void flushCpuSlab(KmemCache s, Cpu cpu) {
    CacheCpu c = s.cpuSlab[cpu.id()];
    if (c.page != null) {
      flushSlab(s, cpu, c);
    }
    CpuPartial.unfreezePartials(s, cpu, c);
  }

  /**
   * {@code flush_all}: runs {@code __flush_cpu_slab} on every CPU that has a slab or a chain,
   * holding each CPU in turn as the kernel's IPI would. The caller's own CPUs are let go first and
   * taken back at the end: the kernel waits for its IPIs with interrupts on, so a CPU that is
   * itself in {@code flush_all} still serves the others' flushes, and two threads flushing at once
   * must not each keep the CPU the other is waiting for.
   */
  static void flushAll(KmemCache s) {
    List<Cpu> held = new ArrayList<>();
    for (Cpu cpu : s.slub.cpus) {
      if (cpu.heldByCurrentThread()) {
        held.add(cpu);
        cpu.release();
      }
    }
    try {
      for (Cpu cpu : s.slub.cpus) {
        CacheCpu c = s.cpuSlab[cpu.id()];
        cpu.enter();
        try {
          if (c.page != null || c.partial != null) {
            flushCpuSlab(s, cpu);
          }
        } finally {
          cpu.release();
        }
      }
    } finally {
      for (Cpu cpu : held) {
        cpu.enter();
      }
    }
  }
}
