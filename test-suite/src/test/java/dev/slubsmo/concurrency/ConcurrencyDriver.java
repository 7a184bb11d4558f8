package dev.slubsmo.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.debug.InvariantChecker;
import dev.slubsmo.debug.SlubDebugOption;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.slab.StatItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CPUs as threads: one {@link CpuWorker} per CPU and a {@link Reclaimer} on one extra CPU run a
 * movable cache concurrently, in rounds, until the run's duration is used up.
 *
 * <p>A round: every thread passes the gate; each worker runs its operations while the reclaimer
 * keeps acting until the last worker is done; every thread passes the gate again, holding no CPU,
 * and the run is quiescent. The driving thread then checks: the invariant checker, every live
 * object's payload, that the ids the workers own plus those in transit in the queues are exactly
 * the live ids with none twice, that no two live ids share an address, and that the cache's
 * allocated objects (slabs minus freelists) are exactly the live objects, so nothing was lost,
 * duplicated or leaked. A {@link Watchdog} fails the run with every thread's stack when a round
 * takes longer than the stall limit.
 */
final class ConcurrencyDriver {
  /**
   * @param nodes NUMA nodes
   * @param workers worker threads, one CPU each; the reclaimer gets one more CPU
   * @param duration rounds start until this much time has passed (at least one round runs)
   * @param opsPerRound operations per worker per round
   * @param seed seeds every worker's and the reclaimer's choices
   * @param debug the machine's {@code slub_debug}
   * @param stall the watchdog's limit for one round
   */
  record Config(
      int nodes,
      int workers,
      Duration duration,
      int opsPerRound,
      long seed,
      SlubDebugOption debug,
      Duration stall) {
    Config {
      if (workers < 2) {
        throw new IllegalArgumentException(
            "need at least 2 workers for remote frees, got " + workers);
      }
    }
  }

  private final Config config;
  private final Machine machine;
  private final MovableObjects objects;
  private final List<CpuWorker> workers = new ArrayList<>();
  private final Reclaimer reclaimer;
  private final CyclicBarrier gate;
  private final AtomicInteger running = new AtomicInteger();
  private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
  private volatile boolean stop;

  ConcurrencyDriver(Config config) {
    this.config = config;
    int cpus = config.workers() + 1;
    this.machine =
        new Machine(
            new MachineConfig(config.nodes(), cpus, 64L << 20),
            MachineOptions.defaults().withSeed(config.seed()).withSlubDebug(config.debug()));
    this.objects =
        new MovableObjects(machine, "concurrent_movable", 48, MovableObjects.Migration.RECHECK);
    List<Queue<Long>> inboxes = new ArrayList<>();
    for (int i = 0; i < config.workers(); i++) {
      inboxes.add(new ConcurrentLinkedQueue<>());
    }
    for (int i = 0; i < config.workers(); i++) {
      workers.add(
          new CpuWorker(machine, machine.cpu(i), objects, inboxes, config.seed() * 31 + i, 400));
    }
    this.reclaimer =
        new Reclaimer(machine, machine.cpu(config.workers()), objects.cache, config.seed() - 1);
    this.gate = new CyclicBarrier(config.workers() + 2);
  }

  /** Runs the rounds and returns what happened; throws on the first failed check or a stall. */
  DriverReport run() throws Exception {
    List<Thread> threads = new ArrayList<>();
    for (CpuWorker w : workers) {
      threads.add(start("worker-" + threads.size(), () -> w.round(config.opsPerRound()), true));
    }
    threads.add(start("reclaimer", this::reclaim, false));
    long started = System.nanoTime();
    int rounds = 0;
    try (Watchdog watchdog = new Watchdog(config.stall())) {
      try {
        do {
          running.set(config.workers());
          gate.await();
          gate.await();
          watchdog.progress();
          rethrowFailure();
          checkQuiescent();
          rounds++;
        } while (System.nanoTime() - started < config.duration().toNanos());
      } catch (InterruptedException e) {
        throw new AssertionError("no progress within " + config.stall() + "\n" + watchdog.dump());
      } catch (BrokenBarrierException e) {
        rethrowFailure();
        throw e;
      } finally {
        stop = true;
        gate.reset();
      }
    }
    for (Thread t : threads) {
      t.join(config.stall().toMillis());
    }
    return report(rounds, System.nanoTime() - started);
  }

  private Thread start(String name, Runnable body, boolean worker) {
    Thread t =
        new Thread(
            () -> {
              try {
                while (pass()) {
                  try {
                    body.run();
                  } finally {
                    if (worker) {
                      running.decrementAndGet();
                    }
                  }
                  if (!pass()) {
                    return;
                  }
                }
              } catch (Throwable e) {
                failures.add(e);
                stop = true;
                gate.reset();
              }
            },
            name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Waits at the gate; false when the run is over. */
  private boolean pass() {
    try {
      gate.await();
      return !stop;
    } catch (InterruptedException | BrokenBarrierException e) {
      return false;
    }
  }

  private void reclaim() {
    do {
      reclaimer.act();
    } while (running.get() > 0 && !stop);
  }

  private void rethrowFailure() {
    Throwable t = failures.peek();
    if (t != null) {
      throw new AssertionError("a thread failed: " + t, t);
    }
  }

  private void checkQuiescent() {
    InvariantChecker.check(machine);
    assertEquals(List.of(), objects.damage(), "payloads");
    Map<Long, Long> live = objects.live();
    Set<Long> owned = new HashSet<>();
    int count = 0;
    for (CpuWorker w : workers) {
      owned.addAll(w.owned);
      owned.addAll(w.inbox());
      count += w.owned.size() + w.inbox().size();
    }
    assertEquals(count, owned.size(), "an id is owned twice");
    assertEquals(live.keySet(), owned, "live ids against owned ids");
    Set<Long> addresses = new HashSet<>(live.values());
    assertEquals(live.size(), addresses.size(), "two live ids share an address");
    assertEquals(addresses, CacheContents.allocated(machine, objects.cache), "allocated objects");
  }

  private DriverReport report(int rounds, long nanos) {
    long allocs = 0;
    long frees = 0;
    long handoffs = 0;
    long remote = 0;
    long failed = 0;
    for (CpuWorker w : workers) {
      allocs += w.allocs;
      frees += w.frees;
      handoffs += w.handoffs;
      remote += w.remoteFrees;
      failed += w.allocFailures;
    }
    long frozen = 0;
    for (int c = 0; c < objects.cache.cpuCount(); c++) {
      frozen += objects.cache.cpuSlab(c).stat(StatItem.FREE_FROZEN);
    }
    return new DriverReport(
        config.workers(),
        rounds,
        nanos / 1_000_000,
        allocs,
        frees,
        handoffs,
        remote,
        failed,
        reclaimer.counts.clone(),
        objects.moved(),
        objects.skipped(),
        frozen,
        objects.live().size());
  }
}
