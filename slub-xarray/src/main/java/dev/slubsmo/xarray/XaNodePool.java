package dev.slubsmo.xarray;

import dev.slubsmo.mm.Cpu;

/**
 * The nodes one store needs, allocated before the tree is touched ({@code xas->xa_alloc} widened to
 * a batch): a store either gets all of them or fails with ENOMEM having changed nothing. Nodes that
 * never reach the tree go straight back to the cache, as {@code xas_destroy} does.
 */
final class XaNodePool {
  private final long[] nodes;
  private int next;

  private XaNodePool(long[] nodes) {
    this.nodes = nodes;
  }

  /** Allocates {@code n} nodes on {@code cpu}; on failure frees those it got and throws ENOMEM. */
  static XaNodePool allocate(XArrayCache cache, Cpu cpu, int n, String what) {
    long[] got = new long[n];
    for (int i = 0; i < n; i++) {
      got[i] = cache.allocNode(cpu);
      if (got[i] == 0) {
        for (int j = 0; j < i; j++) {
          cache.cache().free(cpu, got[j]);
        }
        throw new XaException(XaException.ENOMEM, what);
      }
    }
    return new XaNodePool(got);
  }

  /** The next preallocated node ({@code xas_alloc} taking {@code xas->xa_alloc}). */
  long take() {
    if (next == nodes.length) {
      throw new IllegalStateException(
          "xas_alloc: store needs more than the " + nodes.length + " nodes counted for it");
    }
    return nodes[next++];
  }

  /** Throws when the count was too high: every counted node must have gone into the tree. */
  void checkUsed() {
    if (next != nodes.length) {
      throw new IllegalStateException(
          "xas_create used " + next + " of the " + nodes.length + " nodes counted for it");
    }
  }
}
