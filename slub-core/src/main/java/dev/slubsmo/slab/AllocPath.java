package dev.slubsmo.slab;

import dev.slubsmo.debug.SlubDebug;
import dev.slubsmo.mm.Cpu;

/**
 * The allocation path (mm/slub.c {@code slab_alloc_node} and {@code ___slab_alloc}).
 *
 * <p>Fast path: pop the CPU freelist when it is non-empty and the CPU slab is on the wanted node.
 * Slow path, in the kernel's order: refill from the CPU slab's page freelist; else the CPU partial
 * chain; else a partial slab of the local (or requested) node; else, for {@code NUMA_NO_NODE},
 * another node's partial slab under {@code remote_node_defrag_ratio}; else a new slab. Debug caches
 * deactivate the slab after every allocation, so they never keep a CPU slab.
 */
final class AllocPath {
  private AllocPath() {}

  /** {@code slab_alloc_node}. */
  static long slabAllocNode(KmemCache s, Cpu cpu, int gfp, int node) {
    cpu.enter();
    cpu.checkMaySleep("kmem_cache_alloc");
    if (s.failslab != null && s.failslab.shouldFail(s.slub)) {
      return 0;
    }
    CacheCpu c = s.cpuSlab[cpu.id()];
    long object = c.freelist;
    Slab page = c.page;
    if (object == 0 || !nodeMatch(page, node)) {
      object = slowPath(s, cpu, c, gfp, node);
      c.stat[StatItem.ALLOC_SLOWPATH.ordinal()]++;
    } else {
      c.freelist = s.getFreepointer(object);
      c.tid += CacheCpu.TID_STEP;
      c.stat[StatItem.ALLOC_FASTPATH.ordinal()]++;
    }
    if (object != 0 && (gfp & Gfp.ZERO) != 0) {
      s.slub.memory.fill(object, s.objectSize, (byte) 0);
    }
    return object;
  }

  /** {@code node_match}: false only when a node is asked for and the slab is elsewhere. */
  static boolean nodeMatch(Slab page, int node) {
    return node == KmemCache.NO_NODE || page.node == node;
  }

  /** {@code ___slab_alloc}. */
  static long slowPath(KmemCache s, Cpu cpu, CacheCpu c, int gfp, int node) {
    Slab page = c.page;
    boolean redo = page != null;
    while (true) {
      if (redo) {
        if (!nodeMatch(page, node)) {
          s.stat(cpu, StatItem.ALLOC_NODE_MISMATCH);
          Deactivate.deactivateSlab(s, cpu, page, c.freelist, c);
        } else {
          long freelist = c.freelist;
          if (freelist == 0) {
            freelist = getFreelist(s, cpu, page);
            if (freelist == 0) {
              c.page = null;
              s.stat(cpu, StatItem.DEACTIVATE_BYPASS);
            } else {
              s.stat(cpu, StatItem.ALLOC_REFILL);
            }
          }
          if (freelist != 0) {
            return loadFreelist(s, c, freelist);
          }
        }
      }
      // new_slab:
      if (c.partial != null) {
        page = c.page = c.partial;
        c.partial = page.chainNext;
        s.stat(cpu, StatItem.CPU_PARTIAL_ALLOC);
        redo = true;
        continue;
      }
      long freelist = newSlabObjects(s, cpu, c, gfp, node);
      if (freelist == 0) {
        if ((gfp & Gfp.NOWARN) == 0) {
          SlubDebug.slabOutOfMemory(s, gfp, node);
        }
        return 0;
      }
      page = c.page;
      if (!s.debug()) {
        return loadFreelist(s, c, freelist);
      }
      if (!SlubDebug.allocDebugProcessing(s, cpu, page, freelist)) {
        redo = false;
        continue;
      }
      Deactivate.deactivateSlab(s, cpu, page, s.getFreepointer(freelist), c);
      return freelist;
    }
  }

  /** The {@code load_freelist} label: hand out the first object, keep the rest per CPU. */
  private static long loadFreelist(KmemCache s, CacheCpu c, long freelist) {
    c.freelist = s.getFreepointer(freelist);
    c.tid += CacheCpu.TID_STEP;
    return freelist;
  }

  /**
   * {@code get_freelist}: takes the CPU slab's whole page freelist; the slab stays frozen only if
   * there was something to take.
   */
  static long getFreelist(KmemCache s, Cpu cpu, Slab page) {
    while (true) {
      long old = page.state();
      int objects = SlabState.objects(old);
      int first = SlabState.freeIndex(old);
      long update = SlabState.next(old, -1, objects, first >= 0);
      if (s.cmpxchgSlab(cpu, page, old, update)) {
        return s.objectAddress(page, first);
      }
    }
  }

  /** {@code new_slab_objects}: a partial slab, or a new one installed as CPU slab. */
  static long newSlabObjects(KmemCache s, Cpu cpu, CacheCpu c, int gfp, int node) {
    long freelist = getPartial(s, cpu, c, gfp, node);
    if (freelist != 0) {
      return freelist;
    }
    Slab page = SlabPages.newSlab(s, cpu, gfp, node);
    if (page == null) {
      return 0;
    }
    if (c.page != null) {
      Deactivate.flushSlab(s, cpu, c);
    }
    long old = page.state();
    freelist = s.objectAddress(page, SlabState.freeIndex(old));
    page.setState(SlabState.next(old, -1, SlabState.inuse(old), true));
    s.stat(cpu, StatItem.ALLOC_SLAB);
    c.page = page;
    return freelist;
  }

  /** {@code get_partial}: the local or requested node, then any node for NUMA_NO_NODE. */
  static long getPartial(KmemCache s, Cpu cpu, CacheCpu c, int gfp, int node) {
    int searchNode = node == KmemCache.NO_NODE ? cpu.node() : node;
    long object = getPartialNode(s, cpu, s.node[searchNode], c);
    if (object != 0 || node != KmemCache.NO_NODE) {
      return object;
    }
    return getAnyPartial(s, cpu, c);
  }

  /**
   * {@code get_partial_node}: from the head of the node's partial list, the first slab becomes the
   * CPU slab and later ones go onto the CPU chain, until more than {@code cpu_partial/2} free
   * objects were gathered (or at once without CPU partial).
   */
  static long getPartialNode(KmemCache s, Cpu cpu, CacheNode n, CacheCpu c) {
    if (n.nrPartial == 0) {
      return 0;
    }
    long object = 0;
    int available = 0;
    n.listLock.lock();
    try {
      Slab page = n.partial.head();
      while (page != null) {
        Slab next = page.next;
        long old = page.state();
        long t = acquireSlab(s, cpu, n, page, old, object == 0);
        if (t == 0) {
          break;
        }
        available += SlabState.objects(old) - SlabState.inuse(old);
        if (object == 0) {
          c.page = page;
          s.stat(cpu, StatItem.ALLOC_FROM_PARTIAL);
          object = t;
        } else {
          CpuPartial.putCpuPartial(s, cpu, page, false);
          s.stat(cpu, StatItem.CPU_PARTIAL_NODE);
        }
        if (!s.hasCpuPartial() || available > s.cpuPartial / 2) {
          break;
        }
        page = next;
      }
    } finally {
      n.listLock.unlock();
    }
    return object;
  }

  /**
   * {@code acquire_slab}: freezes a node-partial slab and unlinks it. In mode 1 the whole freelist
   * is taken ({@code inuse = objects}); otherwise it stays on the page. Returns the first free
   * object, or 0 when the compare-exchange against {@code old} lost or the freelist was empty (the
   * latter leaves the slab frozen on no list, as the kernel's WARN path does).
   */
  static long acquireSlab(KmemCache s, Cpu cpu, CacheNode n, Slab page, long old, boolean mode) {
    int first = SlabState.freeIndex(old);
    long update =
        mode
            ? SlabState.next(old, -1, SlabState.objects(old), true)
            : SlabState.next(old, first, SlabState.inuse(old), true);
    if (!s.cmpxchgSlab(cpu, page, old, update)) {
      return 0;
    }
    n.removePartial(page);
    if (first < 0) {
      s.slub.log.printk("WARNING: acquire_slab: " + s.name + ": frozen slab with empty freelist");
    }
    return s.objectAddress(page, first);
  }

  /**
   * {@code get_any_partial}: other nodes in distance order, only those with more than {@code
   * min_partial} partial slabs, and only when the remote_node_defrag_ratio coin allows.
   */
  static long getAnyPartial(KmemCache s, Cpu cpu, CacheCpu c) {
    if (s.remoteNodeDefragRatio == 0 || s.slub.cycles() % 1024 > s.remoteNodeDefragRatio) {
      return 0;
    }
    int nodes = s.node.length;
    for (int i = 0; i < nodes; i++) {
      CacheNode n = s.node[(cpu.node() + i) % nodes];
      if (n.nrPartial > s.minPartial) {
        long object = getPartialNode(s, cpu, n, c);
        if (object != 0) {
          return object;
        }
      }
    }
    return 0;
  }
}
