package dev.slubsmo.testmodule.replay;

import java.util.List;

/**
 * One policy's machine at the end of a replay.
 *
 * @param label the name it is reported under
 * @param setup the policy and its movable caches
 * @param caches every replay cache, in the order the trace introduced them
 * @param timelineNanos trace time of each slab-pages sample, since the first event
 * @param timelinePages slab pages of the replay's caches at each sample; the last sample is the
 *     state after the policy's final step
 * @param occupancyEnd slabs by fill at the end of the trace ({@link SlabCensus#occupancy})
 * @param occupancyAfter slabs by fill after the policy's final step
 */
public record PolicyResult(
    String label,
    PolicySetup setup,
    List<CacheResult> caches,
    long[] timelineNanos,
    long[] timelinePages,
    long[] occupancyEnd,
    long[] occupancyAfter) {

  public long totalPages() {
    return caches.stream().mapToLong(CacheResult::pages).sum();
  }

  public long floorPages() {
    return caches.stream().mapToLong(CacheResult::floorPages).sum();
  }

  /** The real kernel's slab pages over the caches it has rows for, or -1 without a snapshot. */
  public long kernelPages() {
    return kernelSum(true);
  }

  public long kernelFloorPages() {
    return kernelSum(false);
  }

  /** The cache named {@code name}, or null. */
  public CacheResult cache(String name) {
    return caches.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  private long kernelSum(boolean pages) {
    long sum = 0;
    boolean any = false;
    for (CacheResult c : caches) {
      if (c.kernel() != null) {
        any = true;
        sum += pages ? c.kernel().pages() : c.kernel().floorPages();
      }
    }
    return any ? sum : -1;
  }
}
