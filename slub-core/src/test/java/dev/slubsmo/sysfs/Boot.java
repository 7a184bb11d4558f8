package dev.slubsmo.sysfs;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.debug.SlubDebugOption;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import java.util.ArrayList;
import java.util.List;

/** Machines and helpers shared by the sysfs tests. */
final class Boot {
  static final MachineConfig TWO_NODES = new MachineConfig(2, 2, 64L << 20);

  private Boot() {}

  static MachineOptions fzpu() {
    return MachineOptions.defaults().withSlubDebug(SlubDebugOption.parse(null));
  }

  static Machine plain() {
    return Machine.boot();
  }

  static Machine debug() {
    return new Machine(MachineConfig.defaults(), fzpu());
  }

  static Machine twoNodes(MachineOptions options) {
    return new Machine(TWO_NODES, options);
  }

  /** A view whose writes run on CPU 0. */
  static SysfsTree sysfs(Machine m) {
    return new SysfsTree(m.slub(), () -> m.cpu(0));
  }

  static String path(String cache, String attribute) {
    return SysfsTree.ROOT + "/" + cache + "/" + attribute;
  }

  /** Allocates {@code n} objects on {@code cpu}'s node. */
  static List<Long> alloc(Machine m, KmemCache s, int cpu, int n) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long p = s.alloc(m.cpu(cpu), Gfp.KERNEL);
      if (p == 0) {
        throw new AssertionError("allocation " + i + " from " + s + " failed");
      }
      out.add(p);
    }
    return out;
  }
}
