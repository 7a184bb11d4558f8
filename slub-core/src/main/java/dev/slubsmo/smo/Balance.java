package dev.slubsmo.smo;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.slab.CacheNode;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slab;
import java.util.ArrayList;
import java.util.List;

/**
 * Spreading a cache's slabs evenly over the nodes (patch 15, {@code kmem_cache_balance_nodes}).
 *
 * <p>Kernel form: everything to node 0, then {@code nr_slabs(0) / nr_nodes} full slabs to each
 * other node; a vacated slab left full is filed on the partial list (K7) and the remainder stays on
 * node 0 (K8). Fixed form: no detour through node 0; one slab at a time moves from the node most
 * over an even split to the node most under it (full slabs first, then the sparsest partial), and
 * survivors go back to the list their fill level calls for, until every node is within one slab of
 * the split.
 */
public final class Balance {
  private Balance() {}

  /** Balances with the kernel's algorithm when the machine is kernel-faithful, else fixed. */
  public static long balance(KmemCache s, Cpu cpu) {
    return s.slub().kernelFidelity() ? balanceKernel(s, cpu) : balanceFixed(s, cpu);
  }

  /** {@code kmem_cache_balance_nodes}: returns the slabs selected, as the kernel's does. */
  static long balanceKernel(KmemCache s, Cpu cpu) {
    MoveStats stats = new MoveStats();
    for (int nid = 1; nid < s.nodeCount(); nid++) {
      NumaMove.move(s, cpu, nid, 0, stats);
    }
    long desired = s.node(0).nrSlabs() / s.nodeCount();
    long selected = 0;
    for (int nid = 1; nid < s.nodeCount(); nid++) {
      selected += moveSlabs(s, cpu, 0, nid, desired, stats);
    }
    return selected;
  }

  /**
   * {@code kmem_cache_move_slabs}: up to {@code num} slabs from the node's full list (at least one,
   * as the kernel tests the count only after taking a slab), vacated to {@code target}.
   */
  static long moveSlabs(KmemCache s, Cpu cpu, int node, int target, long num, MoveStats stats) {
    if (!Smo.movable(s)) {
      s.slub().log().printk(s.name() + " SMO not enabled, cannot move objects");
      return 0;
    }
    CacheNode n = s.node(node);
    List<Slab> moveList = new ArrayList<>();
    n.listLock().lock();
    try {
      for (Slab page : n.full().toList()) {
        if (!page.tryLock()) {
          continue;
        }
        n.unlinkForMove(page);
        Vacate.freeze(page);
        moveList.add(page);
        page.unlock();
        if (moveList.size() >= num) {
          break;
        }
      }
    } finally {
      n.listLock().unlock();
    }
    Defrag.vacateAll(s, cpu, n, moveList, target, true, stats);
    return moveList.size();
  }

  /** The fixed balance: returns the objects moved. */
  static long balanceFixed(KmemCache s, Cpu cpu) {
    if (!Smo.movable(s)) {
      s.slub().log().printk(s.name() + " SMO not enabled, cannot move objects");
      return 0;
    }
    MoveStats stats = new MoveStats();
    int nodes = s.nodeCount();
    long limit = 4;
    for (int i = 0; i < nodes; i++) {
      limit += 2 * s.node(i).nrSlabs();
    }
    for (long step = 0; step < limit; step++) {
      long total = 0;
      for (int i = 0; i < nodes; i++) {
        total += s.node(i).nrSlabs();
      }
      int src = -1;
      int dst = -1;
      long most = 0;
      long least = 0;
      for (int i = 0; i < nodes; i++) {
        long want = total / nodes + (i < total % nodes ? 1 : 0);
        long diff = s.node(i).nrSlabs() - want;
        if (diff > most) {
          most = diff;
          src = i;
        }
        if (diff < least) {
          least = diff;
          dst = i;
        }
      }
      if (src < 0 || dst < 0 || most - least <= 1 && most <= 1) {
        break;
      }
      Slab victim = pickVictim(s.node(src));
      if (victim == null) {
        break;
      }
      Defrag.vacateAll(s, cpu, s.node(src), List.of(victim), dst, false, stats);
    }
    return stats.moved;
  }

  /** Takes a slab to move off its list and isolates it: a full one, else the sparsest partial. */
  private static Slab pickVictim(CacheNode n) {
    n.listLock().lock();
    try {
      Slab pick = null;
      for (Slab p : n.full().toList()) {
        if (!p.immovable()) {
          pick = p;
          break;
        }
      }
      if (pick == null) {
        for (Slab p : n.partial().toList()) {
          if (!p.immovable() && (pick == null || p.inuse() < pick.inuse())) {
            pick = p;
          }
        }
      }
      if (pick == null || !pick.tryLock()) {
        return null;
      }
      n.unlinkForMove(pick);
      Vacate.freeze(pick);
      pick.unlock();
      return pick;
    } finally {
      n.listLock().unlock();
    }
  }
}
