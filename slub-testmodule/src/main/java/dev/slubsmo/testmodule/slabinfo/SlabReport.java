package dev.slubsmo.testmodule.slabinfo;

/**
 * Mirrors {@code report()} and the sections it is made of, which {@code -n}, {@code -t} and {@code
 * -o} also print alone: {@code slab_numa()}, {@code show_tracking()} and {@code ops()}. Debugfs is
 * taken as absent, so tracking falls back to the {@code alloc_calls}/{@code free_calls} files.
 */
final class SlabReport {
  private final SlabinfoRun run;
  private final SlabStatistics statistics;

  SlabReport(SlabinfoRun run) {
    this.run = run;
    this.statistics = new SlabStatistics(run);
  }

  /** Mirrors {@code report()}: the detailed report on one cache. */
  void report(SlabCacheInfo s) {
    if (s.hidden()) {
      return;
    }
    run.printf(
        "\nSlabcache: %-15s  Aliases: %2d Order : %2d Objects: %s\n",
        s.name, s.aliases, s.order, Long.toUnsignedString(s.objects));
    printIf(s.hwcacheAlign != 0, "** Hardware cacheline aligned\n");
    printIf(s.cacheDma != 0, "** Memory is allocated in a special DMA zone\n");
    printIf(s.destroyByRcu != 0, "** Slabs are destroyed via RCU\n");
    printIf(s.reclaimAccount != 0, "** Reclaim accounting active\n");
    if (s.movable) {
      run.printf("** Defragmentation at %d%%\n", s.defragUsedRatio);
    }
    run.print("\nSizes (bytes)     Slabs              Debug                Memory\n");
    run.print("------------------------------------------------------------------------\n");
    int slabBytes = s.bytesPerSlab();
    run.printf(
        "Object : %7d  Total  : %7d   Sanity Checks : %s  Total: %7d\n",
        s.objectSize, s.slabs, onOff(s.sanityChecks), s.totalSize());
    run.printf(
        "SlabObj: %7d  Full   : %7d   Redzoning     : %s  Used : %7d\n",
        s.slabSize, s.slabs - s.partial - s.cpuSlabs, onOff(s.redZone), s.usedBytes());
    run.printf(
        "SlabSiz: %7d  Partial: %7d   Poisoning     : %s  Loss : %7d\n",
        slabBytes, s.partial, onOff(s.poison), s.waste());
    int objectLoss = s.slabSize - s.objectSize;
    run.printf(
        "Loss   : %7d  CpuSlab: %7d   Tracking      : %s  Lalig: %7d\n",
        objectLoss, s.cpuSlabs, onOff(s.storeUser), LibcNumbers.u32(objectLoss) * s.objects);
    run.printf(
        "Align  : %7d  Objects: %7d   Tracing       : %s  Lpadd: %7d\n",
        s.align,
        s.objsPerSlab,
        onOff(s.trace),
        LibcNumbers.u32(slabBytes - s.objsPerSlab * s.slabSize) * s.slabs);
    ops(s);
    tracking(s);
    numa(s, true);
    statistics.print(s);
  }

  /** Mirrors {@code ops()}: the cache's {@code ops} file, which 6.18 does not have. */
  void ops(SlabCacheInfo s) {
    if (s.hidden()) {
      return;
    }
    String ops = SlabAttributeReader.readSlabObj(run.sysfs, s.name, "ops");
    if (ops.isEmpty()) {
      run.printf("\n%s has no kmem_cache operations\n", s.name);
      return;
    }
    run.printf("\n%s: kmem_cache operations\n", s.name);
    run.print("--------------------------------------------\n");
    run.print(SlabAttributeReader.cString(ops));
  }

  /** Mirrors {@code show_tracking()}; like the C tool it does not skip hidden caches. */
  void tracking(SlabCacheInfo s) {
    run.printf("\n%s: Kernel object allocation\n", s.name);
    run.print("-----------------------------------------------------------------------\n");
    printCalls(s, "alloc_calls");
    run.printf("\n%s: Kernel object freeing\n", s.name);
    run.print("------------------------------------------------------------------------\n");
    printCalls(s, "free_calls");
  }

  private void printCalls(SlabCacheInfo s, String attribute) {
    String calls = SlabAttributeReader.readSlabObj(run.sysfs, s.name, attribute);
    run.print(calls.isEmpty() ? "No Data\n" : SlabAttributeReader.cString(calls));
  }

  /**
   * Mirrors {@code slab_numa()}: slabs per node for one cache ({@code -n}), or in a report ({@code
   * all}) all and partial slabs per node. The header is printed only while {@code line} is 0.
   */
  void numa(SlabCacheInfo s, boolean all) {
    if (s.hidden()) {
      return;
    }
    int highestNode = run.table.highestNode;
    if (highestNode == 0) {
      run.printf("\n%s: No NUMA information available.\n", s.name);
      return;
    }
    if (run.opts.skipZero && s.slabs == 0) {
      return;
    }
    if (all && run.opts.dialect == SlabinfoDialect.SMO) {
      run.printf("\nNUMA remote node defrag ratio: %3d\n", s.remoteNodeDefragRatio);
    }
    if (run.line == 0) {
      run.printf("\n%-21s:", all ? "NUMA nodes" : "Slab");
      for (int node = 0; node <= highestNode; node++) {
        run.printf(" %4d", node);
      }
      run.print("\n----------------------" + "-----".repeat(highestNode + 1) + "\n");
    }
    printNodes(all ? "All slabs" : s.name, s.numa);
    if (all) {
      printNodes("Partial slabs", s.numaPartial);
    }
    run.line++;
  }

  private void printNodes(String label, int[] counts) {
    run.printf("%-21s ", label);
    for (int node = 0; node <= run.table.highestNode; node++) {
      run.printf(" %4s", run.size(counts[node]));
    }
    run.print("\n");
  }

  private void printIf(boolean condition, String text) {
    if (condition) {
      run.print(text);
    }
  }

  private static String onOff(int flag) {
    return flag != 0 ? "On " : "Off";
  }
}
