package dev.slubsmo.concurrency;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives each thread its own CPU of a machine, the next unclaimed one on the thread's first call:
 * Lincheck runs operations on threads of its own, and a CPU is held by one thread at a time.
 */
final class ThreadCpus {
  private final Machine machine;
  private final AtomicInteger next = new AtomicInteger();
  private final ThreadLocal<Cpu> mine = ThreadLocal.withInitial(this::claim);

  ThreadCpus(Machine machine) {
    this.machine = machine;
  }

  /** The calling thread's CPU. */
  Cpu get() {
    return mine.get();
  }

  private Cpu claim() {
    int id = next.getAndIncrement();
    if (id >= machine.cpus().size()) {
      throw new IllegalStateException(
          "thread "
              + Thread.currentThread().getName()
              + " found no free CPU: all "
              + machine.cpus().size()
              + " are claimed");
    }
    return machine.cpu(id);
  }
}
