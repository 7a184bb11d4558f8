package dev.slubsmo.testmodule.replay;

import dev.slubsmo.testmodule.trace.SysfsSnapshot;
import java.util.List;
import java.util.Set;

/** Replay options for tests: the slice of the real trace, or a synthetic trace. */
final class Replays {
  static final String SLICE = "/replay/dcache-walk-first-50000.txt.xz";

  private Replays() {}

  static SysfsSnapshot before() {
    return ReplayInputs.resource(Demo.BEFORE, SysfsSnapshot::parse);
  }

  static SysfsSnapshot after() {
    return ReplayInputs.resource(Demo.AFTER, SysfsSnapshot::parse);
  }

  static List<PolicySetup> setups(Policy... policies) {
    return java.util.Arrays.stream(policies).map(PolicySetup::of).toList();
  }

  /** The slice, with the bundled snapshots, on the given policies. */
  static ReplayOptions slice(long seed, boolean withBefore, Policy... policies) {
    return new ReplayOptions(
        TraceSource.resource(SLICE),
        ReplayInputs.geometry(null),
        withBefore ? before() : null,
        StartLayout.Mode.SNAPSHOT,
        after(),
        setups(policies),
        seed,
        false,
        -1,
        null);
  }

  /** A synthetic trace on the given machines, no snapshots. */
  static ReplayOptions of(TraceText trace, List<PolicySetup> setups, long oldAfterNanos) {
    return new ReplayOptions(
        trace.source(),
        ReplayInputs.geometry(null),
        null,
        StartLayout.Mode.SNAPSHOT,
        null,
        setups,
        1,
        true,
        oldAfterNanos,
        null);
  }

  /** An SMO machine with only {@code reclaimable} reclaimed and nothing else movable. */
  static PolicySetup reclaiming(Policy p, String... reclaimable) {
    return new PolicySetup(p.word(), p, Set.of(), Set.of(reclaimable));
  }
}
