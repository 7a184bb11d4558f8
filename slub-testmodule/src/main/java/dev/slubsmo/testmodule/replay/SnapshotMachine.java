package dev.slubsmo.testmodule.replay;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.slab.GeometryProfile;

/**
 * The model of the machine the bundled snapshot and trace were taken on: Linux 6.18 sizing, 2 CPUs,
 * one node. Every replay cache is its own cache ({@code slab_nomerge}): the trace names each root
 * cache separately, and merging in the model would fold two of them together.
 */
final class SnapshotMachine {
  static final int NODES = 1;
  static final int CPUS = 2;

  /** Memory per node: frames get bytes only when allocated, so this is a ceiling, not a cost. */
  static final long MEMORY_PER_NODE = 4L << 30;

  private SnapshotMachine() {}

  static Machine boot(long seed) {
    return new Machine(
        new MachineConfig(NODES, CPUS, MEMORY_PER_NODE),
        MachineOptions.defaults().withProfile(GeometryProfile.V6).withNomerge(true).withSeed(seed));
  }
}
