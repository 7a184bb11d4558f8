package dev.slubsmo.mm;

/**
 * The shape of a simulated machine: NUMA nodes, CPUs spread evenly over them, and memory per node.
 *
 * @param nodes number of NUMA nodes, 1 to 64
 * @param cpus number of CPUs, at least one per node; CPU c sits on node {@code c * nodes / cpus}
 * @param memPerNode bytes of memory per node, a multiple of the largest buddy block (4 MiB)
 */
public record MachineConfig(int nodes, int cpus, long memPerNode) {
  public static final int MAX_NODES = 64;
  public static final long MAX_BLOCK_BYTES =
      PageAllocator.PAGE_SIZE << (PageAllocator.MAX_ORDER - 1);

  public MachineConfig {
    if (nodes < 1 || nodes > MAX_NODES) {
      throw new IllegalArgumentException("nodes must be 1.." + MAX_NODES + ", got " + nodes);
    }
    if (cpus < nodes || cpus > 4096) {
      throw new IllegalArgumentException(
          "cpus must be at least the node count (" + nodes + ") and at most 4096, got " + cpus);
    }
    if (memPerNode < MAX_BLOCK_BYTES || memPerNode % MAX_BLOCK_BYTES != 0) {
      throw new IllegalArgumentException(
          "memory per node must be a positive multiple of 4 MiB, got " + memPerNode);
    }
    if (memPerNode / PageAllocator.PAGE_SIZE * nodes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("total memory too large: " + memPerNode * nodes);
    }
  }

  /** 1 node, 2 CPUs, 1 GiB: the shape of a bare {@code machine} command. */
  public static MachineConfig defaults() {
    return new MachineConfig(1, 2, 1L << 30);
  }

  /** The node CPU {@code cpu} belongs to ({@code cpu_to_node}). */
  public int cpuToNode(int cpu) {
    return (int) ((long) cpu * nodes / cpus);
  }

  public int pagesPerNode() {
    return (int) (memPerNode / PageAllocator.PAGE_SIZE);
  }
}
