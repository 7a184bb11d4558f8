package dev.slubsmo.testmodule.slabinfo;

/** Mirrors {@code slabcache()} and {@code first_line()}: one cache as a line of the listing. */
final class SlabLine {
  private final SlabinfoRun run;
  private final SlabReport report;

  SlabLine(SlabinfoRun run, SlabReport report) {
    this.run = run;
    this.report = report;
  }

  /** Mirrors {@code slabcache()}; a lone cache gets the full report instead. */
  void print(SlabCacheInfo s) {
    SlabinfoOptions opts = run.opts;
    if (s.hidden() || (opts.unreclaimOnly && s.reclaimAccount != 0)) {
      return;
    }
    if (run.table.actualSlabs == 1) {
      report.report(s);
      return;
    }
    if ((opts.skipZero && !opts.showEmpty && s.slabs == 0) || (opts.showEmpty && s.slabs != 0)) {
      return;
    }
    if ((opts.showCtor && !s.ctor) || (opts.showMovable && !s.movable)) {
      return;
    }
    String size = run.size(opts.sortLoss ? s.waste() : s.totalSize());
    String dist =
        Long.toUnsignedString(s.slabs - s.cpuSlabs)
            + "/"
            + Long.toUnsignedString(s.partial)
            + "/"
            + s.cpuSlabs;
    dist = dist.substring(0, Math.min(dist.length(), 39));
    if (run.line++ == 0) {
      firstLine();
    }
    if (opts.showActivity) {
      printActivity(s);
    } else {
      run.printf(
          "%-21s %8d %7d %15s %14s %4d %1d %3d %3d %s\n",
          s.name,
          s.objects,
          s.objectSize,
          size,
          dist,
          s.objsPerSlab,
          s.order,
          partialPercent(s),
          s.slabs != 0 ? Long.divideUnsigned(s.usedBytes() * 100, s.slabs * s.bytesPerSlab()) : 100,
          flags(s));
    }
  }

  /**
   * The %Fr column: partial slabs per slab, or with the SMO patches partial slabs per object
   * (smo.md K18).
   */
  private long partialPercent(SlabCacheInfo s) {
    if (s.slabs == 0) {
      return 100;
    }
    long divisor = s.slabs;
    if (run.opts.dialect == SlabinfoDialect.SMO) {
      divisor *= LibcNumbers.u32(s.objsPerSlab);
    }
    return Long.divideUnsigned(s.partial * 100, divisor);
  }

  private void printActivity(SlabCacheInfo s) {
    long totalAlloc = s.allocFastpath + s.allocSlowpath;
    long totalFree = s.freeFastpath + s.freeSlowpath;
    run.printf(
        "%-21s %8d %10d %10d %3d %3d %5d %1d %4d %4d\n",
        s.name,
        s.objects,
        totalAlloc,
        totalFree,
        totalAlloc != 0 ? Long.divideUnsigned(s.allocFastpath * 100, totalAlloc) : 0L,
        totalFree != 0 ? Long.divideUnsigned(s.freeFastpath * 100, totalFree) : 0L,
        s.orderFallback,
        s.order,
        s.cmpxchgDoubleFail,
        s.cmpxchgDoubleCpuFail);
  }

  /** The Flg column; the SMO patches add {@code C} and {@code M} after {@code d}. */
  private static String flags(SlabCacheInfo s) {
    StringBuilder flags = new StringBuilder();
    appendIf(flags, s.aliases != 0, '*');
    appendIf(flags, s.cacheDma != 0, 'd');
    appendIf(flags, s.ctor, 'C');
    appendIf(flags, s.movable, 'M');
    appendIf(flags, s.hwcacheAlign != 0, 'A');
    appendIf(flags, s.poison != 0, 'P');
    appendIf(flags, s.reclaimAccount != 0, 'a');
    appendIf(flags, s.redZone != 0, 'Z');
    appendIf(flags, s.sanityChecks != 0, 'F');
    appendIf(flags, s.storeUser != 0, 'U');
    appendIf(flags, s.trace != 0, 'T');
    return flags.toString();
  }

  private static void appendIf(StringBuilder b, boolean condition, char flag) {
    if (condition) {
      b.append(flag);
    }
  }

  /** Mirrors {@code first_line()}. */
  private void firstLine() {
    if (run.opts.showActivity) {
      run.print("Name                   Objects      Alloc       Free   %Fast Fallb O CmpX   UL\n");
    } else {
      run.print(
          "Name                   Objects Objsize           "
              + (run.opts.sortLoss ? " Loss" : "Space")
              + " Slabs/Part/Cpu  O/S O %Fr %Ef Flg\n");
    }
  }
}
