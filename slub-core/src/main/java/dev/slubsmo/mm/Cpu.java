package dev.slubsmo.mm;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A CPU of the simulated machine. Every slab operation runs on a CPU, and a CPU is held by one
 * thread at a time: the kernel's preemption-disabled section. A thread takes a CPU on first use and
 * keeps it until it calls {@link #release}, so one thread driving several CPUs in turn needs no
 * synchronisation at all, and per-CPU state needs no atomic instruction.
 */
public final class Cpu {
  private final int id;
  private final int node;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Thread owner;
  private boolean atomic;

  private static final ThreadLocal<Cpu> CALLBACK_CPU = new ThreadLocal<>();

  Cpu(int id, int node) {
    this.id = id;
    this.node = node;
  }

  public int id() {
    return id;
  }

  /** The node this CPU sits on ({@code cpu_to_node}, and {@code numa_mem_id()} while on it). */
  public int node() {
    return node;
  }

  /** Makes the current thread this CPU's holder, blocking while another thread holds it. */
  public void enter() {
    if (lock.isHeldByCurrentThread()) {
      return;
    }
    lock.lock();
    owner = Thread.currentThread();
  }

  /** Lets another thread take this CPU. Only the holder may release it. */
  public void release() {
    if (lock.isHeldByCurrentThread()) {
      owner = null;
      lock.unlock();
      return;
    }
    Thread holder = owner;
    if (holder != null) {
      throw new IllegalStateException("cpu " + id + " is held by " + holder.getName());
    }
  }

  /**
   * The CPU an SMO callback runs on: the CPU of the shrink, defrag or move that called it, or null
   * outside a callback. Callbacks take no CPU argument in the kernel; they run on "current".
   */
  public static Cpu current() {
    return CALLBACK_CPU.get();
  }

  /** Runs {@code r} with {@link #current()} set to this CPU. */
  public void runAsCurrent(Runnable r) {
    Cpu prev = CALLBACK_CPU.get();
    CALLBACK_CPU.set(this);
    try {
      r.run();
    } finally {
      CALLBACK_CPU.set(prev);
    }
  }

  /** Enters an atomic section (an SMO isolate callback): slab operations are refused there. */
  public void enterAtomic() {
    atomic = true;
  }

  public void exitAtomic() {
    atomic = false;
  }

  /** Throws when a slab operation runs in an atomic section (SMO K9, invariant 32). */
  public void checkMaySleep(String operation) {
    if (atomic) {
      throw new IllegalStateException(
          operation + " on " + this + " from an atomic section (isolate callback, slab lock held)");
    }
  }

  public boolean heldByCurrentThread() {
    return lock.isHeldByCurrentThread();
  }

  @Override
  public String toString() {
    return "cpu" + id;
  }
}
