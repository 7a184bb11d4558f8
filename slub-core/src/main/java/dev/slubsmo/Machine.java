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
import dev.slubsmo.smo.DefragDaemon;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A simulated machine: NUMA memory with real bytes, CPUs, the kernel log, the slab allocator with
 * its kmalloc caches created at boot, and the background defrag daemon (off at boot).
 *
 * <p>The machine lock: commands run under it ({@link #exclusive}), and so does each slice of the
 * daemon, so the two never interleave. Whoever holds it gives back every CPU it took before letting
 * go, so a holder never waits for a CPU. While the daemon is enabled, every thread that drives the
 * machine must do so inside {@link #exclusive}.
 */
public final class Machine {
  private final MachineConfig config;
  private final MachineOptions options;
  private final PageAllocator pages;
  private final List<Cpu> cpus;
  private final KernelLog log = new KernelLog();
  private final Slub slub;
  private final ReentrantLock lock = new ReentrantLock();
  private final DefragDaemon defragDaemon;

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
    this.defragDaemon = new DefragDaemon(slub, cpus, lock);
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

  /** The background defrag daemon ({@code /sys/kernel/mm/slab_defrag}). */
  public DefragDaemon defragDaemon() {
    return defragDaemon;
  }

  /**
   * Runs {@code work} under the machine lock, gives back the CPUs it took (unless this is a nested
   * call), then lets an idle daemon look at what the work changed.
   */
  public <T> T exclusive(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      if (lock.getHoldCount() == 1) {
        releaseCpus();
      }
      lock.unlock();
      defragDaemon.poke();
    }
  }

  /** Stops the machine's background thread; the machine is being replaced. */
  public void shutdown() {
    defragDaemon.shutdown();
  }

  /** For {@link SlubDebugOption} users: the option the machine booted with. */
  public SlubDebugOption slubDebug() {
    return options.slubDebug();
  }
}
