package dev.slubsmo.suite.fuzz;

import java.util.SplittableRandom;

/**
 * The shape of a fuzzed machine: 1-4 nodes with two CPUs each, {@code slub_debug} on (FZPU) or off,
 * the shrink placement, whether the XArray module is loaded, and the machine's own seed. Memory is
 * small so the invariant checker's walk over page frames stays cheap.
 */
record FuzzMachine(int nodes, boolean debug, String placement, boolean xarray, long seed) {
  static FuzzMachine random(SplittableRandom r, boolean xarrayAvailable) {
    return new FuzzMachine(
        1 + r.nextInt(4),
        r.nextBoolean(),
        r.nextInt(3) == 0 ? "minimal-move" : "kernel",
        xarrayAvailable && r.nextInt(8) == 0,
        r.nextInt(1 << 20));
  }

  /** The {@code machine} line. */
  String line() {
    return "machine nodes="
        + nodes
        + " mem="
        + (xarray ? "32M" : "8M")
        + (debug ? " slub_debug=FZPU" : "")
        + " placement="
        + placement
        + " seed="
        + seed;
  }

  int cpus() {
    return 2 * nodes;
  }
}
