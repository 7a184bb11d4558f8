package dev.slubsmo.concurrency;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.debug.InvariantChecker;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.xarray.XArray;
import dev.slubsmo.xarray.XArrayCache;
import dev.slubsmo.xarray.XaEntry;
import java.util.HashMap;
import java.util.Map;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.annotations.Validate;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;

/**
 * An XArray whose nodes live in the movable {@code xarray_node} cache, as Lincheck sees it: store,
 * erase and load of value entries at a few indices, and shrink of the node cache, which migrates
 * nodes while other threads store and erase. Indices are chosen by slot from {@link #INDICES}: in a
 * kept leaf, in an emptied leaf (store allocates a node), and past the root's range (store grows
 * the tree). The constructor stores one entry in each of {@value #LEAVES} leaves and erases all but
 * every {@value #KEEP_EVERY}th, so the node cache starts with sparse slabs for shrink to vacate.
 */
@Param(name = "slot", gen = IntGen.class, conf = "0:5")
@Param(name = "value", gen = IntGen.class, conf = "1:3")
public class XArrayModel {
  static final int THREADS = 2;
  static final long[] INDICES = {0, 1, 20 * 64, 40 * 64, 4000, 70_000};
  static final int LEAVES = 64;
  static final int KEEP_EVERY = 20;

  private final Machine machine =
      new Machine(new MachineConfig(1, THREADS + 1, 16L << 20), MachineOptions.defaults());
  private final ThreadCpus cpus = new ThreadCpus(machine);
  private final XArrayCache xc = XArrayCache.of(machine);
  private final XArray xa;

  public XArrayModel() {
    Cpu cpu = cpus.get();
    xa = xc.create(cpu, 0);
    for (long leaf = 0; leaf < LEAVES; leaf++) {
      xa.store(cpu, leaf * 64, XaEntry.mkValue(leaf));
    }
    for (long leaf = 0; leaf < LEAVES; leaf++) {
      if (leaf % KEEP_EVERY != 0) {
        xa.erase(leaf * 64);
      }
    }
    xc.rcuBarrier(cpu);
    xc.cache().flushAll();
    machine.releaseCpus();
  }

  /** The entries the constructor leaves, by slot. */
  static Map<Integer, Long> initial() {
    Map<Integer, Long> m = new HashMap<>();
    for (int slot = 0; slot < INDICES.length; slot++) {
      long index = INDICES[slot];
      if (index % 64 == 0 && index / 64 < LEAVES && index / 64 % KEEP_EVERY == 0) {
        m.put(slot, index / 64);
      }
    }
    return m;
  }

  /** A returned entry as a value, -1 for none. */
  private static long value(long entry) {
    return entry == 0 ? -1 : XaEntry.toValue(entry);
  }

  @Operation
  public long store(@Param(name = "slot") int slot, @Param(name = "value") int value) {
    try {
      return value(xa.store(cpus.get(), INDICES[slot], XaEntry.mkValue(value)));
    } finally {
      machine.releaseCpus();
    }
  }

  @Operation
  public long erase(@Param(name = "slot") int slot) {
    return value(xa.erase(INDICES[slot]));
  }

  @Operation
  public long load(@Param(name = "slot") int slot) {
    return value(xa.load(INDICES[slot]));
  }

  /** {@code kmem_cache_shrink(xarray_node)}: flush, then migrate every sparse node slab. */
  @Operation
  public void shrink() {
    try {
      Cpu c = cpus.get();
      c.enter();
      xc.cache().shrink(c);
    } finally {
      machine.releaseCpus();
    }
  }

  @Validate
  public void invariants() {
    xa.check();
    InvariantChecker.check(machine);
  }

  /** Partial slabs of the node cache now. */
  long partialSlabs() {
    return xc.cache().node(0).nrPartial();
  }

  /** The sequential specification: a map from slot to value. */
  public static class Entries {
    private final Map<Integer, Long> entries = initial();

    public long store(int slot, int value) {
      Long old = entries.put(slot, (long) value);
      return old == null ? -1 : old;
    }

    public long erase(int slot) {
      Long old = entries.remove(slot);
      return old == null ? -1 : old;
    }

    public long load(int slot) {
      return entries.getOrDefault(slot, -1L);
    }

    public void shrink() {}
  }
}
