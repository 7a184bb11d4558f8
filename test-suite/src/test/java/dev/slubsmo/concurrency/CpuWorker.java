package dev.slubsmo.concurrency;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;

/**
 * One thread per CPU: allocates, frees its own objects, hands objects to other workers through
 * their queues and frees what others handed it (remote frees: the object's slab is typically
 * another CPU's slab or chain). It owns the ids in {@link #owned} and, between rounds, nothing
 * else.
 *
 * <p>CPU protocol: a slab call takes the worker's CPU ({@code Cpu.enter}) and the worker keeps it
 * only for a batch of {@link #BATCH} operations, then releases it; so the reclaimer's {@code
 * flush_all}, which takes every CPU in turn, waits at most one batch. The worker holds no other
 * lock while it waits for its CPU.
 */
final class CpuWorker {
  static final int BATCH = 4;

  private final Machine machine;
  private final Cpu cpu;
  private final MovableObjects objects;
  private final List<Queue<Long>> inboxes;
  private final SplittableRandom random;
  private final int maxOwned;
  final List<Long> owned = new ArrayList<>();
  long allocs;
  long frees;
  long handoffs;
  long remoteFrees;
  long allocFailures;

  CpuWorker(
      Machine machine,
      Cpu cpu,
      MovableObjects objects,
      List<Queue<Long>> inboxes,
      long seed,
      int maxOwned) {
    this.machine = machine;
    this.cpu = cpu;
    this.objects = objects;
    this.inboxes = inboxes;
    this.random = new SplittableRandom(seed);
    this.maxOwned = maxOwned;
  }

  Queue<Long> inbox() {
    return inboxes.get(cpu.id());
  }

  /** One round: {@code ops} operations, the CPU released after every batch and at the end. */
  void round(int ops) {
    try {
      for (int op = 0; op < ops; op++) {
        step();
        if (op % BATCH == BATCH - 1) {
          machine.releaseCpus();
        }
      }
    } finally {
      machine.releaseCpus();
    }
  }

  private void step() {
    int r = random.nextInt(100);
    if (r < 45 && owned.size() < maxOwned || owned.isEmpty() && r < 85) {
      long id = objects.alloc(cpu);
      if (id < 0) {
        allocFailures++;
      } else {
        owned.add(id);
        allocs++;
      }
    } else if (r < 70) {
      free(takeRandom());
      frees++;
    } else if (r < 85) {
      int to = random.nextInt(inboxes.size() - 1);
      inboxes.get(to >= cpu.id() ? to + 1 : to).add(takeRandom());
      handoffs++;
    } else {
      Long id;
      for (int i = 0; i < 8 && (id = inbox().poll()) != null; i++) {
        free(id);
        remoteFrees++;
      }
    }
  }

  private long takeRandom() {
    int i = random.nextInt(owned.size());
    long id = owned.get(i);
    owned.set(i, owned.get(owned.size() - 1));
    owned.remove(owned.size() - 1);
    return id;
  }

  private void free(long id) {
    if (!objects.free(cpu, id)) {
      throw new AssertionError(cpu + ": object " + id + " it owned was not live");
    }
  }
}
