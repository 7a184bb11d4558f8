package dev.slubsmo.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.debug.InvariantChecker;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.smo.Defrag;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Validate;

/**
 * A movable cache on a small machine as Lincheck sees it: allocate, free the oldest live object,
 * shrink (which migrates), and count intact objects. Each Lincheck thread owns a CPU, assigned on
 * its first operation and held only while an operation runs, so a shrink on another thread can take
 * it for {@code flush_all}. The constructor leaves {@value #PREFILL} objects allocated and all but
 * the first {@value #KEEP} of every {@value #STRIDE} freed, so shrink has sparse partial slabs to
 * vacate from the first operation on.
 */
public abstract class MovableCacheModel {
  static final int THREADS = 2;

  /** Big objects: 16 to a slab, so loops over a slab's objects stay short. */
  static final int SIZE = 1000;

  static final long PREFILL = 48;
  static final long STRIDE = 16;
  static final long KEEP = 2;

  private final World world;

  MovableCacheModel(MovableObjects.Migration migration) {
    this.world = new World(migration);
  }

  /** The kept object the first vacated slab starts with: the last prefilled slab's first. */
  static final long FIRST_VACATED = PREFILL - STRIDE;

  /** Partial slabs on the node now. */
  long partialSlabs() {
    return world.objects.cache.node(0).nrPartial();
  }

  static boolean kept(long id) {
    return id % STRIDE < KEEP;
  }

  /** The machine, the cache's user, and the CPU of each thread. */
  private static final class World {
    final Machine machine =
        new Machine(new MachineConfig(1, THREADS + 1, 4L << 20), MachineOptions.defaults());
    final MovableObjects objects;
    private final ThreadCpus cpus = new ThreadCpus(machine);

    World(MovableObjects.Migration migration) {
      objects = new MovableObjects(machine, "lincheck_movable", SIZE, migration);
      for (long i = 0; i < PREFILL; i++) {
        objects.alloc(cpu());
      }
      for (long id = 0; id < PREFILL; id++) {
        if (!kept(id)) {
          objects.free(cpu(), id);
        }
      }
      objects.cache.flushAll();
      machine.releaseCpus();
    }

    Cpu cpu() {
      return cpus.get();
    }
  }

  @Operation
  public long alloc() {
    World w = world;
    try {
      return w.objects.alloc(w.cpu());
    } finally {
      w.machine.releaseCpus();
    }
  }

  @Operation
  public boolean free(long id) {
    World w = world;
    try {
      return w.objects.free(w.cpu(), id);
    } finally {
      w.machine.releaseCpus();
    }
  }

  /** Frees the live object with the smallest id; returns that id, or -1 when none is live. */
  @Operation
  public long freeOldest() {
    World w = world;
    try {
      for (long id : new TreeMap<>(w.objects.live()).keySet()) {
        if (w.objects.free(w.cpu(), id)) {
          return id;
        }
      }
      return -1;
    } finally {
      w.machine.releaseCpus();
    }
  }

  /** {@code kmem_cache_defrag} of node 0 at ratio 100: no flush, every partial slab vacated. */
  @Operation
  public void defrag() {
    World w = world;
    try {
      Cpu c = w.cpu();
      c.enter();
      Defrag.kmemCacheDefrag(w.objects.cache, c, 0, 0, 100);
    } finally {
      w.machine.releaseCpus();
    }
  }

  @Operation
  public void shrink() {
    World w = world;
    try {
      Cpu c = w.cpu();
      c.enter();
      w.objects.cache.shrink(c);
    } finally {
      w.machine.releaseCpus();
    }
  }

  /** Live objects whose id and payload are intact. */
  @Operation
  public int intact() {
    return world.objects.intactCount();
  }

  @Validate
  public void invariants() {
    World w = world;
    InvariantChecker.check(w.machine);
    assertEquals(List.of(), w.objects.damage());
  }

  /** The correct migrate: rechecks under the table lock. */
  public static class Rechecking extends MovableCacheModel {
    public Rechecking() {
      super(MovableObjects.Migration.RECHECK);
    }
  }

  /** The planted race: migrate trusts the vector built before it ran. */
  public static class Unchecked extends MovableCacheModel {
    public Unchecked() {
      super(MovableObjects.Migration.UNCHECKED);
    }
  }

  /** The sequential specification: a set of live ids and the next id to hand out. */
  public static class LiveIds {
    private final TreeSet<Long> live = new TreeSet<>();
    private long next = PREFILL;

    public LiveIds() {
      for (long id = 0; id < PREFILL; id++) {
        if (kept(id)) {
          live.add(id);
        }
      }
    }

    public long alloc() {
      live.add(next);
      return next++;
    }

    public long freeOldest() {
      Long id = live.pollFirst();
      return id == null ? -1 : id;
    }

    public void shrink() {}

    public void defrag() {}

    public boolean free(long id) {
      return live.remove(id);
    }

    public int intact() {
      return live.size();
    }
  }
}
