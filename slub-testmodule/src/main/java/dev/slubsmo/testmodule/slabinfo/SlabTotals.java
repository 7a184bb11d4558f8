package dev.slubsmo.testmodule.slabinfo;

/**
 * Mirrors {@code totals()}: minimum, maximum, average and total of per-cache quantities over the
 * caches that have both slabs and objects, in unsigned 64-bit arithmetic.
 */
final class SlabTotals {
  private static final long UNSET_MIN = 1L << 63;

  /**
   * The minimum, maximum and sum of one quantity ({@code min_x}, {@code max_x}, {@code total_x}).
   */
  private static final class Spread {
    long min;
    long max;
    long total;

    Spread(long min) {
      this.min = min;
    }

    void add(long value) {
      if (Long.compareUnsigned(value, min) < 0) {
        min = value;
      }
      if (Long.compareUnsigned(value, max) > 0) {
        max = value;
      }
      total += value;
    }
  }

  private final SlabinfoRun run;
  private final Spread objsize = new Spread(UNSET_MIN);
  private final Spread partial = new Spread(UNSET_MIN);
  private final Spread slabs = new Spread(UNSET_MIN);
  private final Spread size = new Spread(UNSET_MIN);
  private final Spread used = new Spread(UNSET_MIN);
  private final Spread waste = new Spread(UNSET_MIN);
  private final Spread objects = new Spread(UNSET_MIN);
  private final Spread objwaste = new Spread(UNSET_MIN);
  private final Spread memobj = new Spread(UNSET_MIN);
  private final Spread ppart = new Spread(100);
  private final Spread partobj = new Spread(UNSET_MIN);
  private final Spread ppartobj = new Spread(100);
  private long totalObjwaste;
  private long totalObjsize;
  private int usedSlabs;

  SlabTotals(SlabinfoRun run) {
    this.run = run;
  }

  void print() {
    for (SlabCacheInfo s : run.table.slabs) {
      if (s.slabs != 0 && s.objects != 0) {
        add(s);
      }
    }
    if (objects.total == 0) {
      run.print("No objects\n");
      return;
    }
    if (usedSlabs == 0) {
      run.print("No slabs\n");
      return;
    }
    printSummary();
    printPerCache();
    printPerObject();
  }

  private void add(SlabCacheInfo s) {
    usedSlabs++;
    long slabObjWaste = LibcNumbers.u32(s.slabSize - s.objectSize);
    objsize.add(LibcNumbers.u32(s.objectSize));
    partial.add(s.partial);
    slabs.add(s.slabs);
    size.add(s.totalSize());
    used.add(s.usedBytes());
    waste.add(s.waste());
    objects.add(s.objects);
    objwaste.add(slabObjWaste);
    memobj.add(LibcNumbers.u32(s.slabSize));
    ppart.add(cappedPercent(s.partial, s.slabs));
    partobj.add(s.objectsPartial);
    ppartobj.add(cappedPercent(s.objectsPartial, s.objects));
    totalObjwaste += s.objects * slabObjWaste;
    totalObjsize += s.objects * LibcNumbers.u32(s.slabSize);
  }

  private static long cappedPercent(long part, long whole) {
    long percent = Long.divideUnsigned(part * 100, whole);
    return Long.compareUnsigned(percent, 100) > 0 ? 100 : percent;
  }

  private void printSummary() {
    run.print("Slabcache Totals\n----------------\n");
    run.printf(
        "Slabcaches : %15d   Aliases  : %11d->%-3d  Active:    %3d\n",
        run.table.slabs.size(), run.table.aliases.size(), run.table.aliasTargets, usedSlabs);
    run.printf(
        "Memory used: %15s   # Loss   : %15s   MRatio:%6s%%\n",
        run.size(size.total), run.size(waste.total), run.size(percent(waste.total, used.total)));
    run.printf(
        "# Objects  : %15s   # PartObj: %15s   ORatio:%6s%%\n",
        run.size(objects.total),
        run.size(partobj.total),
        run.size(percent(partobj.total, objects.total)));
  }

  private void printPerCache() {
    run.print("\nPer Cache         Average              Min              Max            Total\n");
    run.print("----------------------------------------------------------------------------\n");
    printRow("#Objects  ", objects, perCache(objects));
    printRow("#Slabs    ", slabs, perCache(slabs));
    printRow("#PartSlab ", partial, perCache(partial));
    run.printf(
        "%%PartSlab%15s%% %15s%% %15s%% %15s%%\n",
        run.size(perCache(ppart)),
        run.size(ppart.min),
        run.size(ppart.max),
        run.size(percent(partial.total, slabs.total)));
    // The C tool overwrites avg_partobj with the share of objects on partial slabs.
    printRow("PartObjs  ", partobj, percent(partobj.total, objects.total));
    run.printf(
        "%% PartObj%15s%% %15s%% %15s%% %15s%%\n",
        run.size(perCache(ppartobj)),
        run.size(ppartobj.min),
        run.size(ppartobj.max),
        run.size(percent(partobj.total, objects.total)));
    printRow("Memory    ", size, perCache(size));
    printRow("Used      ", used, perCache(used));
    printRow("Loss      ", waste, perCache(waste));
  }

  private void printPerObject() {
    run.print("\nPer Object        Average              Min              Max\n");
    run.print("-----------------------------------------------------------\n");
    printObjectRow("Memory    ", memobj, perObject(totalObjsize));
    printObjectRow("User      ", objsize, perObject(used.total));
    printObjectRow("Loss      ", objwaste, perObject(totalObjwaste));
  }

  private void printRow(String label, Spread spread, long average) {
    run.printf(
        "%s%15s  %15s  %15s  %15s\n",
        label,
        run.size(average),
        run.size(spread.min),
        run.size(spread.max),
        run.size(spread.total));
  }

  private void printObjectRow(String label, Spread spread, long average) {
    run.printf(
        "%s%15s  %15s  %15s\n",
        label, run.size(average), run.size(spread.min), run.size(spread.max));
  }

  private long perCache(Spread spread) {
    return Long.divideUnsigned(spread.total, usedSlabs);
  }

  private long perObject(long total) {
    return Long.divideUnsigned(total, objects.total);
  }

  private static long percent(long part, long whole) {
    return Long.divideUnsigned(part * 100, whole);
  }
}
