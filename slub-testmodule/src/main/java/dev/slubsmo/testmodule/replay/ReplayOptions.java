package dev.slubsmo.testmodule.replay;

import dev.slubsmo.testmodule.trace.GeometryTable;
import dev.slubsmo.testmodule.trace.SysfsSnapshot;
import java.util.List;
import java.util.Objects;

/**
 * What a replay reads and which machines it runs.
 *
 * @param trace the trace
 * @param geometry the real kernel's cache geometry, by name
 * @param before the sysfs snapshot taken before the trace, to pre-populate from; or null
 * @param layout how the pre-populated objects lie in slabs
 * @param after the sysfs snapshot taken after it, to compare with; or null
 * @param setups one machine per entry, each a policy with its movable caches
 * @param seed seeds every machine and the choice of pre-populated objects to free
 * @param strict a malformed line, or a cache the replay must guess about, is an error
 * @param oldAfterNanos live objects older than this at the end count as old; -1 for half the
 *     trace's duration
 * @param progress told how far the replay got, or null
 */
public record ReplayOptions(
    TraceSource trace,
    GeometryTable geometry,
    SysfsSnapshot before,
    StartLayout.Mode layout,
    SysfsSnapshot after,
    List<PolicySetup> setups,
    long seed,
    boolean strict,
    long oldAfterNanos,
    ReplayProgress progress) {

  public ReplayOptions {
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(geometry, "geometry");
    Objects.requireNonNull(layout, "layout");
    setups = List.copyOf(setups);
    if (setups.isEmpty()) {
      throw new ReplayInputException("a replay needs at least one policy");
    }
    if (setups.stream().map(PolicySetup::label).distinct().count() != setups.size()) {
      throw new ReplayInputException("policy labels must differ: " + setups);
    }
  }
}
