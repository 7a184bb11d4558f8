package dev.slubsmo.smo;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.slab.CacheNode;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slab;
import dev.slubsmo.slab.Slub;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * SMO defragmentation (patch 04): {@code kmem_cache_defrag} on one node, shrink with migration, and
 * the conditional {@code kmem_defrag_slabs} over all movable caches.
 *
 * <p>Kernel policy: walk the node's partial list from the head; discard empty slabs; isolate every
 * slab with {@code inuse <= ratio * objects / 100}; vacate them in list order; survivors go back to
 * the tail, emptied slabs are discarded. Minimal-move policy: keep the floor-many fullest slabs at
 * the head of the list, vacate the others into them, then fold what remains partial until at most
 * one partial slab is left on the node.
 */
public final class Defrag {
  /** {@code MAX_PARTIAL}: the conditional defrag threshold. */
  public static final int MAX_PARTIAL = 10;

  private Defrag() {}

  /** SMO {@code __kmem_cache_shrink}: flush, then ratio 100 on every node. */
  public static DefragResult shrink(KmemCache s, Cpu cpu, Placement placement) {
    s.flushAll();
    Census before = Census.of(s);
    MoveStats stats = new MoveStats();
    long partial = 0;
    for (int node = 0; node < s.nodeCount(); node++) {
      if (placement == Placement.MINIMAL_MOVE && Smo.movable(s)) {
        partial += minimalMove(s, cpu, node, stats);
      } else {
        partial += defragNode(s, cpu, node, node, 100, stats);
      }
    }
    if (placement == Placement.MINIMAL_MOVE && Smo.movable(s)) {
      s.flushAll();
      partial = Census.of(s).partial;
    }
    Census after = Census.of(s);
    return new DefragResult(
        before.slabs,
        after.slabs,
        before.floor,
        stats.moved,
        before.minMoves,
        stats.emptied,
        partial);
  }

  /**
   * {@code kmem_cache_defrag(s, node, target_node, ratio)}: returns the node's {@code nr_partial}
   * afterwards.
   */
  public static int kmemCacheDefrag(KmemCache s, Cpu cpu, int node, int targetNode, int ratio) {
    return defragNode(s, cpu, node, targetNode, ratio, new MoveStats());
  }

  static int defragNode(
      KmemCache s, Cpu cpu, int node, int targetNode, int ratio, MoveStats stats) {
    return defragNode(s, cpu, node, targetNode, ratio, Integer.MAX_VALUE, stats);
  }

  /**
   * {@code kmem_cache_defrag} that stops the candidate scan once {@code maxIsolate} slabs are
   * selected: one slice of {@link DefragDaemon}'s time-boxed work. The rest of the list is left for
   * the next slice.
   */
  static int defragNode(
      KmemCache s, Cpu cpu, int node, int targetNode, int ratio, int maxIsolate, MoveStats stats) {
    CacheNode n = s.node(node);
    if (node == targetNode && n.nrPartial() <= 1) {
      return n.nrPartial();
    }
    boolean movable = Smo.movable(s);
    List<Slab> moveList = new ArrayList<>();
    n.listLock().lock();
    try {
      for (Slab page : n.partial().toList()) {
        if (!page.tryLock()) {
          continue;
        }
        if (page.inuse() == 0) {
          n.unlinkForMove(page);
          page.unlock();
          s.discardSlab(page);
          stats.emptied++;
          continue;
        }
        if (page.inuse() > ratio * page.objects() / 100 || page.immovable()) {
          page.unlock();
          continue;
        }
        moveList.add(page);
        if (movable) {
          n.unlinkForMove(page);
          Vacate.freeze(page);
        } else {
          n.partial().remove(page);
        }
        page.unlock();
        if (moveList.size() >= maxIsolate) {
          break;
        }
      }
      // list_move() to the head of move_list: newest first. Appending and reversing once keeps
      // that order without the quadratic cost of inserting at the front of an array.
      Collections.reverse(moveList);
      if (!movable) {
        for (Slab page : moveList) {
          n.partial().addTail(page);
        }
        return n.nrPartial();
      }
    } finally {
      n.listLock().unlock();
    }
    vacateAll(s, cpu, n, moveList, targetNode, false, stats);
    return n.nrPartial();
  }

  /** Steps 5 and 6: scratch, {@code move_slab_page} on each non-empty slab, disposal. */
  static void vacateAll(
      KmemCache s,
      Cpu cpu,
      CacheNode n,
      List<Slab> moveList,
      int targetNode,
      boolean fullToPartial,
      MoveStats stats) {
    if (moveList.isEmpty()) {
      return;
    }
    vacateWith(s, cpu, n, moveList, targetNode, fullToPartial, stats, Vacate.allocScratch(s, cpu));
  }

  /**
   * Vacates the isolated slabs with an already allocated scratch buffer (0: its allocation failed,
   * so nothing moves), frees it, and disposes of every slab.
   */
  static void vacateWith(
      KmemCache s,
      Cpu cpu,
      CacheNode n,
      List<Slab> moveList,
      int targetNode,
      boolean fullToPartial,
      MoveStats stats,
      long scratch) {
    if (scratch != 0) {
      for (Slab page : moveList) {
        if (page.inuse() > 0) {
          stats.vacated++;
          Vacate.moveSlabPage(s, cpu, page, targetNode, stats);
        }
      }
      Vacate.freeScratch(s, cpu, scratch);
    }
    Vacate.dispose(s, cpu, n, moveList, fullToPartial, stats);
  }

  /**
   * The minimal-move policy on one node: the floor-many fullest slabs stay, sorted fullest first at
   * the head of the partial list so replacements fill them in that order; the rest are vacated.
   * Then, while more than one slab is partial, the sparsest is vacated.
   */
  static int minimalMove(KmemCache s, Cpu cpu, int node, MoveStats stats) {
    CacheNode n = s.node(node);
    List<Slab> sources = new ArrayList<>();
    n.listLock().lock();
    try {
      List<Slab> partials = new ArrayList<>(n.partial().toList());
      partials.sort(Comparator.comparingInt(Slab::inuse).reversed());
      long free = 0;
      for (Slab p : partials) {
        free += p.objects() - p.inuse();
      }
      long live = n.totalObjects() - free;
      long full = n.nrSlabs() - n.nrPartial();
      long floor = Floor.slabs(live, s.objsPerSlab());
      long keep = Math.max(0, floor - full);
      for (Slab p : partials) {
        n.partial().remove(p);
      }
      for (int i = 0; i < partials.size(); i++) {
        Slab p = partials.get(i);
        if (i >= keep && !p.immovable() && p.tryLock()) {
          n.adjustNrPartial(-1);
          Vacate.freeze(p);
          p.unlock();
          sources.add(p);
        } else {
          n.partial().addTail(p);
        }
      }
    } finally {
      n.listLock().unlock();
    }
    vacateAll(s, cpu, n, sources, node, false, stats);
    for (int round = 0; round < s.objsPerSlab() && n.nrPartial() > 1; round++) {
      s.flushAll();
      Slab sparsest = null;
      n.listLock().lock();
      try {
        for (Slab p : n.partial().toList()) {
          if (!p.immovable() && (sparsest == null || p.inuse() < sparsest.inuse())) {
            sparsest = p;
          }
        }
        if (sparsest == null || !sparsest.tryLock()) {
          break;
        }
        n.unlinkForMove(sparsest);
        Vacate.freeze(sparsest);
        sparsest.unlock();
      } finally {
        n.listLock().unlock();
      }
      vacateAll(s, cpu, n, List.of(sparsest), node, false, stats);
    }
    return n.nrPartial();
  }

  /**
   * {@code kmem_defrag_slabs(node)}: every movable cache at the head of {@code slab_caches}
   * (stopping at the first that is not) whose node has more than {@code MAX_PARTIAL} partial slabs
   * is defragmented at its {@code defrag_used_ratio}; a negative node means every node. Returns the
   * partial slabs left in the caches processed, 0 when {@code slab_mutex} is busy.
   *
   * @throws IllegalArgumentException for a node the machine does not have (the kernel returns
   *     {@code -EINVAL} through an unsigned long, K12)
   */
  public static long defragSlabs(Slub slub, Cpu cpu, int node) {
    if (node >= slub.nodeCount()) {
      throw new IllegalArgumentException(
          "kmem_defrag_slabs: no node " + node + " (machine has " + slub.nodeCount() + ")");
    }
    if (!slub.slabMutex.tryLock()) {
      return 0;
    }
    List<KmemCache> caches;
    try {
      caches = slub.caches();
    } finally {
      slub.slabMutex.unlock();
    }
    long left = 0;
    for (KmemCache s : caches) {
      if (!Smo.movable(s)) {
        break;
      }
      MoveStats stats = new MoveStats();
      for (int nid = 0; nid < s.nodeCount(); nid++) {
        if ((node < 0 || nid == node) && s.node(nid).nrPartial() > MAX_PARTIAL) {
          left += defragNode(s, cpu, nid, nid, s.defragUsedRatio(), stats);
        }
      }
    }
    return left;
  }

  /** Slab counts of a cache right now, with the floor and the minimal moves to reach it. */
  static final class Census {
    long slabs;
    long partial;
    long floor;
    long minMoves;

    static Census of(KmemCache s) {
      Census c = new Census();
      for (int i = 0; i < s.nodeCount(); i++) {
        CacheNode n = s.node(i);
        n.listLock().lock();
        try {
          List<Integer> inuse = new ArrayList<>();
          long free = 0;
          for (Slab p : n.partial().toList()) {
            inuse.add(p.inuse());
            free += p.objects() - p.inuse();
          }
          long live = n.totalObjects() - free;
          long full = n.nrSlabs() - n.nrPartial();
          c.slabs += n.nrSlabs();
          c.partial += n.nrPartial();
          c.floor += Floor.slabs(live, s.objsPerSlab());
          c.minMoves += Floor.minMoves(live, full, inuse, s.objsPerSlab());
        } finally {
          n.listLock().unlock();
        }
      }
      return c;
    }
  }
}
