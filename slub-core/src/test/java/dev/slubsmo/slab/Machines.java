package dev.slubsmo.slab;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.debug.SlubDebugOption;
import dev.slubsmo.mm.MachineConfig;

/** Small machines for path tests. */
final class Machines {
  private Machines() {}

  static Machine plain() {
    return Machine.boot();
  }

  static Machine debug() {
    return new Machine(
        MachineConfig.defaults(),
        MachineOptions.defaults().withSlubDebug(SlubDebugOption.parse(null)));
  }

  static Machine nodes(int nodes) {
    return new Machine(new MachineConfig(nodes, 2 * nodes, 64L << 20), MachineOptions.defaults());
  }

  static long stat(KmemCache s, StatItem item) {
    long sum = 0;
    for (int c = 0; c < s.cpuCount(); c++) {
      sum += s.cpuSlab(c).stat(item);
    }
    return sum;
  }

  static java.util.List<Long> alloc(KmemCache s, dev.slubsmo.mm.Cpu cpu, int n) {
    java.util.List<Long> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(s.alloc(cpu, Gfp.KERNEL));
    }
    return out;
  }
}
