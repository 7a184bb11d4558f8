package dev.slubsmo.testmodule.replay;

/**
 * One cache at the end of a replay on one policy's machine.
 *
 * @param name the cache
 * @param allocs allocations the trace made in it
 * @param frees frees of its objects in the trace, unmatched ones included
 * @param unmatchedFrees frees of objects the trace did not allocate
 * @param reallocated allocations of a pointer still live, whose free was not traced (the replay
 *     frees the old object first)
 * @param prepopulated objects allocated at creation from the before-snapshot
 * @param prepopulatedFreed unmatched frees that freed one of those
 * @param live objects in use in the model at the end
 * @param objsPerSlab objects per slab
 * @param order slab order
 * @param slabs slabs at the end
 * @param partial node-partial slabs at the end
 * @param floor the fewest slabs that could hold {@code live}
 * @param moved objects SMO took out of their slabs (moved or reclaimed)
 * @param minMoves the fewest moves that would reach the floor at the end of the trace
 * @param reclaimed objects SMO freed instead of moving
 * @param freedAfterReclaim frees in the trace of objects SMO had already reclaimed (skipped)
 * @param oldPinnedSlabs slabs holding only objects older than the replay's threshold
 * @param kernel the real kernel's after-snapshot for the cache, or null
 */
public record CacheResult(
    String name,
    long allocs,
    long frees,
    long unmatchedFrees,
    long reallocated,
    long prepopulated,
    long prepopulatedFreed,
    long live,
    int objsPerSlab,
    int order,
    long slabs,
    long partial,
    long floor,
    long moved,
    long minMoves,
    long reclaimed,
    long freedAfterReclaim,
    long oldPinnedSlabs,
    KernelCounts kernel) {

  /**
   * Objects the trace says are live at the end: pre-populated ones not freed, plus allocations
   * whose free was not seen. The model's {@link #live} equals this minus what SMO reclaimed and was
   * not freed again.
   */
  public long traceLive() {
    return prepopulated - prepopulatedFreed + allocs - (frees - unmatchedFrees) - reallocated;
  }

  /** Trace events counted for the cache: its allocations and frees. */
  public long events() {
    return allocs + frees;
  }

  public long pages() {
    return slabs << order;
  }

  public long floorPages() {
    return floor << order;
  }
}
