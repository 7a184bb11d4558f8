package dev.slubsmo.smo;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slub;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code kdefragd}: a background thread per machine that runs the conditional defrag of {@code
 * kmem_defrag_slabs} in time-boxed cycles. The patch set gives that function no caller (K12); this
 * is one, shaped like Redis's active defrag (start above an upper fragmentation threshold, work
 * until below a lower one, spend at most a budget per cycle) with knobs like khugepaged's.
 *
 * <p>Algorithm. A node of a movable cache (the caches at the head of {@code slab_caches}, taken
 * under a {@code slab_mutex} trylock as {@code kmem_defrag_slabs} does) <em>triggers</em> when it
 * has more than {@link Defrag#MAX_PARTIAL} partial slabs or its {@link NodeFragmentation} is at
 * least {@code threshold_upper} percent; it then stays <em>active</em> until it is settled (at most
 * {@code MAX_PARTIAL} partial slabs and below {@code threshold_lower} percent). A cycle runs slices
 * round-robin over the active nodes until {@code cycle_budget_us} of slice time is spent or none is
 * active; the next cycle continues where this one stopped. A slice is one {@code kmem_cache_defrag}
 * at the cache's {@code defrag_used_ratio} that isolates at most {@link #SLICE_SLABS} slabs. A
 * slice that frees no slab leaves its node parked at its current state: it becomes eligible again
 * only when that state changes, so a node the ratio cannot improve never keeps the daemon busy.
 * Cycles come every {@code interval_ms} while a node is active; an idle daemon looks for triggering
 * nodes every {@code interval_ms} and whenever {@link #poke}d.
 *
 * <p>Concurrency. Every look and every slice holds the machine lock that commands also run under,
 * so a slice never interleaves with a command, and commands run between slices. The daemon works on
 * the machine's last CPU (migrate callbacks see it as {@link Cpu#current}) and, like every holder
 * of the machine lock, releases each CPU it holds before it drops the lock: a thread that holds the
 * lock therefore never waits for a CPU, and nothing deadlocks. Disabled (the default), the daemon
 * has no thread and the machine stays deterministic.
 */
public final class DefragDaemon {
  /** Slabs one slice may isolate. */
  public static final int SLICE_SLABS = 4;

  private final Slub slub;
  private final List<Cpu> cpus;
  private final Cpu cpu;
  private final ReentrantLock machineLock;

  private volatile boolean enabled;
  private volatile int intervalMs = 100;
  private volatile int thresholdLower = 10;
  private volatile int thresholdUpper = 25;
  private volatile int cycleBudgetUs = 5_000;

  private final AtomicLong cycles = new AtomicLong();
  private final AtomicLong objectsMoved = new AtomicLong();
  private final AtomicLong slabsFreed = new AtomicLong();

  private record NodeKey(KmemCache cache, int node) {}

  /** Nodes being worked on, in round-robin order; touched only under the machine lock. */
  private final LinkedHashSet<NodeKey> active = new LinkedHashSet<>();

  /** Nodes a slice could not improve, with the state it left them in. */
  private final Map<NodeKey, NodeFragmentation> parked = new HashMap<>();

  private volatile boolean idle;
  private volatile boolean stopped;
  private Thread thread;

  /**
   * @param slub the allocator to defragment
   * @param cpus the machine's CPUs; the daemon works on the last
   * @param machineLock the lock every command of the machine runs under
   */
  public DefragDaemon(Slub slub, List<Cpu> cpus, ReentrantLock machineLock) {
    this.slub = slub;
    this.cpus = List.copyOf(cpus);
    this.cpu = this.cpus.get(this.cpus.size() - 1);
    this.machineLock = machineLock;
  }

  public boolean enabled() {
    return enabled;
  }

  /** Switches the daemon on (starting its thread on first use) or off (its thread parks). */
  public synchronized void setEnabled(boolean on) {
    if (on && stopped) {
      throw new IllegalStateException("kdefragd: the machine is shut down");
    }
    enabled = on;
    if (on && thread == null) {
      thread = new Thread(this::run, "kdefragd/" + cpu.id());
      thread.setDaemon(true);
      thread.start();
    } else {
      wake();
    }
  }

  public int intervalMs() {
    return intervalMs;
  }

  /**
   * @throws IllegalArgumentException outside 1..60000
   */
  public void setIntervalMs(int ms) {
    requireRange("interval_ms", ms, 1, 60_000);
    intervalMs = ms;
    wake();
  }

  public int thresholdLower() {
    return thresholdLower;
  }

  public int thresholdUpper() {
    return thresholdUpper;
  }

  /**
   * Sets both thresholds at once.
   *
   * @throws IllegalArgumentException unless {@code 0 <= lower < upper <= 100}
   */
  public synchronized void setThresholds(int lower, int upper) {
    requireRange("threshold_lower", lower, 0, 99);
    requireRange("threshold_upper", upper, 1, 100);
    if (lower >= upper) {
      throw new IllegalArgumentException(
          "threshold_lower " + lower + " must be below threshold_upper " + upper);
    }
    thresholdLower = lower;
    thresholdUpper = upper;
    wake();
  }

  public int cycleBudgetUs() {
    return cycleBudgetUs;
  }

  /**
   * @throws IllegalArgumentException outside 1..1000000
   */
  public void setCycleBudgetUs(int us) {
    requireRange("cycle_budget_us", us, 1, 1_000_000);
    cycleBudgetUs = us;
  }

  /** Cycles that ran at least one slice. */
  public long cycles() {
    return cycles.get();
  }

  public long objectsMoved() {
    return objectsMoved.get();
  }

  public long slabsFreed() {
    return slabsFreed.get();
  }

  /**
   * The daemon has looked and found no active node: it only looks, and its cycle count stands
   * still. False before its first look.
   */
  public boolean idle() {
    return idle;
  }

  /** Asks an enabled, idle daemon to look for work now (after a command changed the machine). */
  public void poke() {
    if (enabled && idle) {
      wake();
    }
  }

  /** Ends the thread for good (the machine is being replaced); returns without waiting for it. */
  public synchronized void shutdown() {
    stopped = true;
    enabled = false;
    wake();
  }

  private synchronized void wake() {
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  private static void requireRange(String knob, int v, int min, int max) {
    if (v < min || v > max) {
      throw new IllegalArgumentException(knob + " " + v + " outside " + min + ".." + max);
    }
  }

  private void run() {
    while (!stopped) {
      if (!enabled) {
        LockSupport.park(this);
        continue;
      }
      cycle();
      LockSupport.parkNanos(this, intervalMs * 1_000_000L);
    }
  }

  /** One cycle: slices until the budget is spent or no node is active. */
  private void cycle() {
    long budget = cycleBudgetUs * 1_000L;
    long spent = 0;
    boolean ran = false;
    boolean first = true;
    while (spent < budget) {
      machineLock.lock();
      try {
        if (stopped || !enabled) {
          break;
        }
        long start = System.nanoTime();
        if (first && !refresh()) {
          break;
        }
        first = false;
        NodeKey k = next();
        if (k == null) {
          break;
        }
        slice(k);
        ran = true;
        spent += System.nanoTime() - start;
      } finally {
        releaseCpus();
        machineLock.unlock();
      }
    }
    if (ran) {
      cycles.incrementAndGet();
    }
  }

  /**
   * Brings the active set up to date with the movable caches: drops nodes of caches that are gone
   * or settled, adds triggering nodes that are not parked in their current state. False when {@code
   * slab_mutex} is busy.
   */
  private boolean refresh() {
    if (!slub.slabMutex.tryLock()) {
      return false;
    }
    List<KmemCache> movable = new ArrayList<>();
    try {
      for (KmemCache s : slub.caches()) {
        if (!Smo.movable(s)) {
          break;
        }
        movable.add(s);
      }
    } finally {
      slub.slabMutex.unlock();
    }
    active.removeIf(k -> !movable.contains(k.cache));
    parked.keySet().removeIf(k -> !movable.contains(k.cache));
    int lower = thresholdLower;
    int upper = thresholdUpper;
    for (KmemCache s : movable) {
      for (int nid = 0; nid < s.nodeCount(); nid++) {
        NodeKey k = new NodeKey(s, nid);
        NodeFragmentation f = NodeFragmentation.of(s, nid);
        if (active.contains(k)) {
          if (f.settled(lower)) {
            active.remove(k);
          }
        } else if (f.triggers(upper) && !f.equals(parked.get(k))) {
          parked.remove(k);
          active.add(k);
        }
      }
    }
    idle = active.isEmpty();
    return true;
  }

  /** The next active node whose cache still exists, rotated to the back of the order. */
  private NodeKey next() {
    while (!active.isEmpty()) {
      NodeKey k = active.iterator().next();
      active.remove(k);
      if (slub.caches().contains(k.cache)) {
        active.add(k);
        return k;
      }
    }
    idle = true;
    return null;
  }

  /** One bounded {@code kmem_cache_defrag} on the node; settles or parks it afterwards. */
  private void slice(NodeKey k) {
    MoveStats stats = new MoveStats();
    Defrag.defragNode(k.cache, cpu, k.node, k.node, k.cache.defragUsedRatio(), SLICE_SLABS, stats);
    objectsMoved.addAndGet(stats.moved);
    slabsFreed.addAndGet(stats.emptied);
    NodeFragmentation after = NodeFragmentation.of(k.cache, k.node);
    if (stats.emptied == 0) {
      parked.put(k, after);
      active.remove(k);
    } else if (after.settled(thresholdLower)) {
      active.remove(k);
    }
    idle = active.isEmpty();
  }

  private void releaseCpus() {
    for (Cpu c : cpus) {
      if (c.heldByCurrentThread()) {
        c.release();
      }
    }
  }
}
