package dev.slubsmo.sysfs;

import dev.slubsmo.slab.KmemCache;

/**
 * One line of {@code /proc/slabinfo} version 2.1 ({@code get_slabinfo} and {@code cache_show}): the
 * name left-aligned in 17 columns (longer names are not cut), object counts and the slot size in 6,
 * objects per slab and pages per slab in 4, the SLAB-only tunables as three zeros in 4, then the
 * slab counts and a zero {@code sharedavail} in 6.
 *
 * @param objSize the slot size ({@code s->size}), not the object size
 */
public record SlabinfoRow(
    String name,
    long activeObjs,
    long numObjs,
    int objSize,
    int objPerSlab,
    int pagesPerSlab,
    long activeSlabs,
    long numSlabs) {

  /** {@code print_slabinfo_header}. */
  public static final String HEADER =
      "slabinfo - version: 2.1\n"
          + "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
          + " : tunables <limit> <batchcount> <sharedfactor>"
          + " : slabdata <active_slabs> <num_slabs> <sharedavail>\n";

  /**
   * {@code get_slabinfo}: objects are {@code total_objects} summed over the nodes, active ones
   * exclude the free objects of node-partial slabs; every slab counts as active.
   */
  public static SlabinfoRow of(KmemCache s) {
    long slabs = 0;
    long objs = 0;
    long free = 0;
    for (int n = 0; n < s.nodeCount(); n++) {
      slabs += s.node(n).nrSlabs();
      objs += s.node(n).totalObjects();
      free += SlabCounts.countPartial(s.node(n), p -> p.objects() - p.inuse());
    }
    return new SlabinfoRow(
        s.name(), objs - free, objs, s.size(), s.objsPerSlab(), 1 << s.order(), slabs, slabs);
  }

  /** {@code cache_show}: the line with its newline. */
  public String format() {
    return String.format(
        "%-17s %6d %6d %6d %4d %4d : tunables %4d %4d %4d : slabdata %6d %6d %6d\n",
        name,
        activeObjs,
        numObjs,
        objSize,
        objPerSlab,
        pagesPerSlab,
        0,
        0,
        0,
        activeSlabs,
        numSlabs,
        0);
  }
}
