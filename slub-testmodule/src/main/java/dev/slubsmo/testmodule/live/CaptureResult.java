package dev.slubsmo.testmodule.live;

import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a capture produced: the directory of trace files, the workload's exit status (a failing
 * workload is still captured), the events written by name, and the ring buffer counters.
 */
public record CaptureResult(
    Path directory, int exitStatus, SortedMap<String, Long> eventsByName, BufferStats buffer) {

  public CaptureResult {
    eventsByName = Collections.unmodifiableSortedMap(new TreeMap<>(eventsByName));
  }

  /** Events written over all names. */
  public long events() {
    return eventsByName.values().stream().mapToLong(Long::longValue).sum();
  }
}
