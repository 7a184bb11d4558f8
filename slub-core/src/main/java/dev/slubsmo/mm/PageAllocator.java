package dev.slubsmo.mm;

import java.util.function.Consumer;

/**
 * The machine's page allocator: one buddy zone per node, preferred-node allocation with fallback
 * ({@code __alloc_pages_nodemask}), and the {@code struct page} owner of each frame so that any
 * address maps back to what holds it in constant time.
 *
 * <p>Fallback order for a preferred node {@code p} is {@code p, p+1, ..., p-1} (modulo the node
 * count): the model's node distance.
 */
public final class PageAllocator {
  public static final int PAGE_SIZE = 4096;

  /** Orders 0 to {@code MAX_ORDER - 1}, as on x86-64. */
  public static final int MAX_ORDER = 11;

  private final PhysicalMemory memory;
  private final BuddyZone[] zones;
  private final Object[] owner;

  public PageAllocator(MachineConfig config) {
    this.memory = new PhysicalMemory(config);
    int per = config.pagesPerNode();
    this.zones = new BuddyZone[config.nodes()];
    for (int n = 0; n < zones.length; n++) {
      zones[n] = new BuddyZone(n, (long) n * per, per);
    }
    this.owner = new Object[memory.frameCount()];
  }

  public PhysicalMemory memory() {
    return memory;
  }

  public int nodeCount() {
    return zones.length;
  }

  /**
   * Allocates a block of {@code 2^order} frames and populates its bytes, zeroed.
   *
   * @param preferredNode the node to try first, or -1 for node 0's order (the model's mempolicy)
   * @param thisNode {@code __GFP_THISNODE}: fail instead of falling back to another node
   * @return the first pfn, or -1 when no node could satisfy it
   */
  public long allocPages(int order, int preferredNode, boolean thisNode) {
    if (order < 0 || order >= MAX_ORDER) {
      throw new IllegalArgumentException("order must be 0.." + (MAX_ORDER - 1) + ", got " + order);
    }
    int start = preferredNode < 0 ? 0 : preferredNode;
    if (start >= zones.length) {
      throw new IllegalArgumentException("no node " + preferredNode);
    }
    int tries = thisNode ? 1 : zones.length;
    for (int i = 0; i < tries; i++) {
      long pfn = zones[(start + i) % zones.length].allocate(order);
      if (pfn >= 0) {
        memory.populate(pfn, order);
        return pfn;
      }
    }
    return -1;
  }

  /** Frees a block allocated by {@link #allocPages}; its bytes and owner are dropped. */
  public void freePages(long pfn, int order) {
    for (int i = 0; i < 1 << order; i++) {
      owner[(int) pfn + i] = null;
    }
    memory.depopulate(pfn, order);
    zones[memory.pfnToNode(pfn)].free(pfn, order);
  }

  /** Records what holds the frames of a block (the kernel's {@code page->slab_cache} etc.). */
  public void setOwner(long pfn, int order, Object holder) {
    for (int i = 0; i < 1 << order; i++) {
      owner[(int) pfn + i] = holder;
    }
  }

  /** What holds the frame containing {@code addr}, or null (free, or outside memory). */
  public Object ownerOf(long addr) {
    long pfn = memory.addressToPfn(addr);
    return pfn < 0 ? null : owner[(int) pfn];
  }

  /**
   * Calls {@code action} once for each holder of allocated frames, node by node in frame order,
   * skipping free blocks whole; for checks at a quiescent point.
   */
  public void forEachOwner(Consumer<Object> action) {
    for (BuddyZone z : zones) {
      long first = (long) z.node() * (owner.length / zones.length);
      Object[] last = {null};
      z.forEachAllocatedFrame(
          i -> {
            Object o = owner[(int) first + i];
            if (o != null && o != last[0]) {
              action.accept(o);
            }
            last[0] = o;
          });
    }
  }

  public long freePages(int node) {
    return zones[node].freePages();
  }

  /** {@code /proc/buddyinfo}: one line per node, free block counts for orders 0..10. */
  public String buddyinfo() {
    StringBuilder sb = new StringBuilder();
    for (BuddyZone z : zones) {
      sb.append(String.format("Node %d, zone %8s ", z.node(), "Normal"));
      for (long n : z.nrFreeByOrder()) {
        sb.append(String.format("%6d ", n));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
