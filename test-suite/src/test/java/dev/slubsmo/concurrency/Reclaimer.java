package dev.slubsmo.concurrency;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.smo.Balance;
import dev.slubsmo.smo.Defrag;
import dev.slubsmo.smo.NumaMove;
import dev.slubsmo.smo.Placement;
import java.util.SplittableRandom;

/**
 * The thread that runs SMO while the workers run: shrink (kernel and minimal-move placement),
 * {@code kmem_cache_defrag} on a random node, target and ratio, {@code kmem_defrag_slabs}, NUMA
 * move and balance, picked at random. It has a CPU of its own, which migrate allocates on; it holds
 * that CPU only during one action, and {@code flush_all} lets go of it while taking the workers'.
 */
final class Reclaimer {
  /** The actions, in the order of {@link #counts}. */
  enum Action {
    SHRINK,
    SHRINK_MINIMAL_MOVE,
    DEFRAG,
    DEFRAG_SLABS,
    MOVE,
    BALANCE
  }

  private final Machine machine;
  private final Cpu cpu;
  private final KmemCache cache;
  private final SplittableRandom random;
  final long[] counts = new long[Action.values().length];

  Reclaimer(Machine machine, Cpu cpu, KmemCache cache, long seed) {
    this.machine = machine;
    this.cpu = cpu;
    this.cache = cache;
    this.random = new SplittableRandom(seed);
  }

  /** Runs one random action, then releases the CPU. */
  void act() {
    Action[] all = Action.values();
    Action a = all[random.nextInt(cache.nodeCount() > 1 ? all.length : Action.MOVE.ordinal())];
    int nodes = cache.nodeCount();
    try {
      switch (a) {
        case SHRINK -> cache.shrink(cpu);
        case SHRINK_MINIMAL_MOVE -> Defrag.shrink(cache, cpu, Placement.MINIMAL_MOVE);
        case DEFRAG ->
            Defrag.kmemCacheDefrag(
                cache, cpu, random.nextInt(nodes), random.nextInt(nodes), random.nextInt(101));
        case DEFRAG_SLABS -> Defrag.defragSlabs(cache.slub(), cpu, random.nextInt(nodes + 1) - 1);
        case MOVE -> {
          int from = random.nextInt(nodes);
          NumaMove.move(cache, cpu, from, (from + 1 + random.nextInt(nodes - 1)) % nodes);
        }
        case BALANCE -> Balance.balance(cache, cpu);
      }
      counts[a.ordinal()]++;
    } finally {
      machine.releaseCpus();
    }
  }
}
