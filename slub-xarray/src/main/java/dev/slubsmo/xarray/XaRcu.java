package dev.slubsmo.xarray;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.slab.KmemCache;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * RCU for {@code xarray_node}: {@code call_rcu} queues a node, {@code rcu_barrier} runs every
 * queued {@code xa_node_rcu_free} (clear slots and marks, reinitialise the list, {@code
 * kmem_cache_free}). Until then a freed node is still an allocated object whose {@code array} reads
 * {@code XA_RCU_FREE}, which is how migration recognises it.
 */
final class XaRcu {
  private final KmemCache cache;
  private final XaNode nodes;
  private final Deque<Long> pending = new ArrayDeque<>();

  XaRcu(KmemCache cache, XaNode nodes) {
    this.cache = cache;
    this.nodes = nodes;
  }

  /** {@code call_rcu(&node->rcu_head, xa_node_rcu_free)}. */
  synchronized void callRcu(long node) {
    pending.addLast(node);
  }

  /** {@code rcu_barrier}: runs every callback queued so far, freeing on {@code cpu}. */
  void barrier(Cpu cpu) {
    while (true) {
      long node;
      synchronized (this) {
        if (pending.isEmpty()) {
          return;
        }
        node = pending.removeFirst();
      }
      nodes.scrub(node);
      cache.free(cpu, node);
    }
  }

  synchronized int pending() {
    return pending.size();
  }
}
