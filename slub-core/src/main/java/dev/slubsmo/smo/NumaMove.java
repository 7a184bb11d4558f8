package dev.slubsmo.smo;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.slab.CacheNode;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slab;
import dev.slubsmo.slab.SlabFlags;
import java.util.ArrayList;
import java.util.List;

/**
 * Moving a cache's objects between NUMA nodes (patch 14: {@code kmem_cache_move}, {@code
 * kmem_cache_move_to_node}). Every partial and full slab of the source node is isolated and vacated
 * onto the target node; CPU slabs and chains are not moved. Full slabs are reachable only through
 * the node's full list, which SLUB keeps for {@code SLAB_STORE_USER} caches.
 */
public final class NumaMove {
  private NumaMove() {}

  /** What a move did: objects moved, slabs emptied, the source node's slabs afterwards. */
  public record MoveResult(long moved, long emptied, long sourceSlabs) {}

  /** {@code kmem_cache_move(s, node, target_node)}. */
  public static MoveResult move(KmemCache s, Cpu cpu, int node, int targetNode) {
    MoveStats stats = new MoveStats();
    long slabs = move(s, cpu, node, targetNode, stats);
    return new MoveResult(stats.moved, stats.emptied, slabs);
  }

  static long move(KmemCache s, Cpu cpu, int node, int targetNode, MoveStats stats) {
    CacheNode n = s.node(node);
    if (!Smo.movable(s)) {
      s.slub().log().printk(s.name() + " SMO not enabled, cannot move objects");
      return n.nrSlabs();
    }
    long scratch = Vacate.allocScratch(s, cpu);
    if (scratch == 0) {
      return n.nrSlabs();
    }
    List<Slab> moveList = new ArrayList<>();
    n.listLock().lock();
    try {
      for (Slab page : n.partial().toList()) {
        if (!page.tryLock()) {
          continue;
        }
        n.unlinkForMove(page);
        if (page.inuse() > 0) {
          Vacate.freeze(page);
          moveList.add(page);
          page.unlock();
        } else {
          page.unlock();
          s.discardSlab(page);
          stats.emptied++;
        }
      }
      for (Slab page : n.full().toList()) {
        if (page.tryLock()) {
          n.unlinkForMove(page);
          Vacate.freeze(page);
          moveList.add(page);
          page.unlock();
        }
      }
    } finally {
      n.listLock().unlock();
    }
    Defrag.vacateWith(s, cpu, n, moveList, targetNode, false, stats, scratch);
    return n.nrSlabs();
  }

  /** {@code kmem_cache_move_to_node(s, node)}: every other node's objects to {@code node}. */
  public static MoveResult moveToNode(KmemCache s, Cpu cpu, int node) {
    MoveStats stats = new MoveStats();
    long slabs = 0;
    for (int nid = 0; nid < s.nodeCount(); nid++) {
      if (nid != node) {
        slabs += move(s, cpu, nid, node, stats);
      }
    }
    return new MoveResult(stats.moved, stats.emptied, slabs);
  }

  /** Whether the cache keeps the full list that moving needs ({@code SLAB_STORE_USER}). */
  public static boolean hasFullList(KmemCache s) {
    return (s.flags() & SlabFlags.STORE_USER) != 0;
  }
}
