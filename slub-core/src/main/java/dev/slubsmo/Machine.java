package dev.slubsmo;

import dev.slubsmo.debug.SlubDebugOption;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.Cpus;
import dev.slubsmo.mm.KernelLog;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.mm.PageAllocator;
import dev.slubsmo.slab.GeometryProfile;
import dev.slubsmo.slab.SizingParams;
import dev.slubsmo.slab.Slub;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated machine: NUMA memory with real bytes, CPUs, the kernel log, and the slab allocator
 * with its kmalloc caches created at boot.
 */
public final class Machine {
  private final MachineConfig config;
  private final MachineOptions options;
  private final PageAllocator pages;
  private final List<Cpu> cpus;
  private final KernelLog log = new KernelLog();
  private final Slub slub;

  public Machine(MachineConfig config, MachineOptions options) {
    this.config = config;
    this.options = options;
    this.pages = new PageAllocator(config);
    List<Cpu> list = new ArrayList<>();
    for (int c = 0; c < config.cpus(); c++) {
      list.add(Cpus.make(c, config.cpuToNode(c)));
    }
    this.cpus = List.copyOf(list);
    SizingParams params =
        new SizingParams(
            config.cpus(), 0, SizingParams.PAGE_ALLOC_COSTLY_ORDER, 0, options.profile());
    this.slub =
        new Slub(pages, cpus, log, params, options.slubDebug(), options.nomerge(), options.seed());
    slub.setShrinkMode(options.shrinkMode());
    slub.setPlacement(options.placement());
    slub.setKernelFidelity(options.kernelFidelity());
    slub.kmalloc().createCaches();
  }

  /** A default machine: 1 node, 2 CPUs, 1 GiB, V5_0 sizing, no debug, seed 1. */
  public static Machine boot() {
    return new Machine(MachineConfig.defaults(), MachineOptions.defaults());
  }

  public MachineConfig config() {
    return config;
  }

  public MachineOptions options() {
    return options;
  }

  public PageAllocator pages() {
    return pages;
  }

  public Slub slub() {
    return slub;
  }

  public KernelLog log() {
    return log;
  }

  public Cpu cpu(int id) {
    if (id < 0 || id >= cpus.size()) {
      throw new IllegalArgumentException("no cpu " + id + " (machine has " + cpus.size() + ")");
    }
    return cpus.get(id);
  }

  public List<Cpu> cpus() {
    return cpus;
  }

  public GeometryProfile profile() {
    return options.profile();
  }

  /** Lets other threads take every CPU this thread holds. */
  public void releaseCpus() {
    for (Cpu c : cpus) {
      if (c.heldByCurrentThread()) {
        c.release();
      }
    }
  }

  /** For {@link SlubDebugOption} users: the option the machine booted with. */
  public SlubDebugOption slubDebug() {
    return options.slubDebug();
  }
}
