package dev.slubsmo.slab;

/**
 * Per-CPU state of a cache ({@code struct kmem_cache_cpu}). Only the thread holding the CPU touches
 * it, so its fields need no atomics.
 */
public final class CacheCpu {
  /** {@code TID_STEP} without {@code CONFIG_PREEMPT}. */
  public static final int TID_STEP = 1;

  final int cpu;
  long freelist;
  long tid;
  Slab page;
  Slab partial;
  final long[] stat = new long[StatItem.values().length];

  CacheCpu(int cpu) {
    this.cpu = cpu;
    this.tid = cpu;
  }

  public int cpu() {
    return cpu;
  }

  public long freelist() {
    return freelist;
  }

  public long tid() {
    return tid;
  }

  public Slab page() {
    return page;
  }

  public Slab partial() {
    return partial;
  }

  public long stat(StatItem item) {
    return stat[item.ordinal()];
  }

  void clearStat(StatItem item) {
    stat[item.ordinal()] = 0;
  }
}
