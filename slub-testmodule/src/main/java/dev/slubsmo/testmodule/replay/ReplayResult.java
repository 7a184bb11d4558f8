package dev.slubsmo.testmodule.replay;

import java.util.List;

/**
 * Everything a replay found.
 *
 * @param trace the trace's name as given
 * @param events slab events read
 * @param malformedLines lines that could not be read (lenient mode)
 * @param seconds wall-clock time of the replay
 * @param seed the seed of the pre-populated objects' choice and of every machine
 * @param durationNanos trace time from the first event to the last
 * @param oldAfterNanos the age above which a live object counts as old
 * @param nullFrees frees of the null pointer, which do nothing
 * @param failedAllocs allocations that returned null
 * @param nonSlab {@code kmalloc} events the page allocator serves, not replayed
 * @param unmatchedKfrees {@code kfree}s of pointers the trace never allocated (no cache to tell)
 * @param unattributedFrees unmatched frees naming a cache the geometry file lacks
 * @param policies one result per machine, in the order asked for
 * @param lifetimes per cache, by name
 * @param warnings what the replay had to guess
 */
public record ReplayResult(
    String trace,
    long events,
    long malformedLines,
    double seconds,
    long seed,
    long durationNanos,
    long oldAfterNanos,
    long nullFrees,
    long failedAllocs,
    long nonSlab,
    long unmatchedKfrees,
    long unattributedFrees,
    List<PolicyResult> policies,
    List<CacheLifetime> lifetimes,
    List<String> warnings) {

  public double eventsPerSecond() {
    return seconds > 0 ? events / seconds : 0;
  }

  /** The policy reported under {@code label}, or null. */
  public PolicyResult policy(String label) {
    return policies.stream().filter(p -> p.label().equals(label)).findFirst().orElse(null);
  }
}
