package dev.slubsmo.testmodule.live;

/**
 * One cache line of {@code /proc/slabinfo} version 2.1, as cache_show() prints it. SLUB prints the
 * tunables and {@code sharedavail} as 0.
 */
public record SlabinfoEntry(
    String name,
    long activeObjs,
    long numObjs,
    int objSize,
    int objPerSlab,
    int pagesPerSlab,
    int limit,
    int batchCount,
    int sharedFactor,
    long activeSlabs,
    long numSlabs,
    long sharedAvail) {}
