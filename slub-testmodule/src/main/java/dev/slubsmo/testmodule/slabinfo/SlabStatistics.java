package dev.slubsmo.testmodule.slabinfo;

/**
 * Mirrors {@code slab_stats()}: the {@code CONFIG_SLUB_STATS} counters of one cache as the last
 * part of its report, skipped when the cache counted no slab allocations or no allocations at all.
 * Every percentage is of all allocations or all frees, truncated.
 */
final class SlabStatistics {
  private final SlabinfoRun run;

  SlabStatistics(SlabinfoRun run) {
    this.run = run;
  }

  void print(SlabCacheInfo s) {
    if (s.allocSlab == 0) {
      return;
    }
    long totalAlloc = s.allocFastpath + s.allocSlowpath;
    long totalFree = s.freeFastpath + s.freeSlowpath;
    if (totalAlloc == 0) {
      return;
    }
    run.print("\nSlab Perf Counter       Alloc     Free %Al %Fr\n");
    run.print("--------------------------------------------------\n");
    Row row = new Row(totalAlloc, totalFree);
    row.print("Fastpath", s.allocFastpath, s.freeFastpath);
    row.print("Slowpath", totalAlloc - s.allocFastpath, s.freeSlowpath);
    row.print("Page Alloc", s.allocSlab, s.freeSlab);
    row.print("Add partial", s.deactivateToHead + s.deactivateToTail, s.freeAddPartial);
    row.print("Remove partial", s.allocFromPartial, s.freeRemovePartial);
    row.print("Cpu partial list", s.cpuPartialAlloc, s.cpuPartialFree);
    row.print("RemoteObj/SlabFrozen", s.deactivateRemoteFrees, s.freeFrozen);
    run.printf("Total                %8s %8s\n\n", unsigned(totalAlloc), unsigned(totalFree));
    if (s.cpuslabFlush != 0) {
      run.printf("Flushes %8s\n", unsigned(s.cpuslabFlush));
    }
    printDeactivations(s);
    if (s.cmpxchgDoubleFail != 0 || s.cmpxchgDoubleCpuFail != 0) {
      run.print("\nCmpxchg_double Looping\n------------------------\n");
      run.printf(
          "Locked Cmpxchg Double redos   %s\nUnlocked Cmpxchg Double redos %s\n",
          unsigned(s.cmpxchgDoubleFail), unsigned(s.cmpxchgDoubleCpuFail));
    }
  }

  private void printDeactivations(SlabCacheInfo s) {
    long total =
        s.deactivateFull
            + s.deactivateEmpty
            + s.deactivateToHead
            + s.deactivateToTail
            + s.deactivateBypass;
    if (total == 0) {
      return;
    }
    run.print("\nSlab Deactivation             Occurrences %\n");
    run.print("-------------------------------------------------\n");
    printShare("Slab full", s.deactivateFull, total);
    printShare("Slab empty", s.deactivateEmpty, total);
    printShare("Moved to head of partial list", s.deactivateToHead, total);
    printShare("Moved to tail of partial list", s.deactivateToTail, total);
    printShare("Deactivation bypass", s.deactivateBypass, total);
    printShare("Refilled from foreign frees", s.allocRefill, total);
    printShare("Node mismatch", s.allocNodeMismatch, total);
  }

  private void printShare(String label, long count, long total) {
    run.printf(
        "%-30s%7s  %3s%%\n",
        label, unsigned(count), unsigned(Long.divideUnsigned(count * 100, total)));
  }

  /** One counter line: allocations and frees, and each as a share of its total. */
  private final class Row {
    private final long totalAlloc;
    private final long totalFree;

    Row(long totalAlloc, long totalFree) {
      this.totalAlloc = totalAlloc;
      this.totalFree = totalFree;
    }

    void print(String label, long alloc, long free) {
      long freeShare = totalFree != 0 ? Long.divideUnsigned(free * 100, totalFree) : 0;
      run.printf(
          "%-21s%8s %8s %3s %3s\n",
          label,
          unsigned(alloc),
          unsigned(free),
          unsigned(Long.divideUnsigned(alloc * 100, totalAlloc)),
          unsigned(freeShare));
    }
  }

  private static String unsigned(long value) {
    return Long.toUnsignedString(value);
  }
}
