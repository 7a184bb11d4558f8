package dev.slubsmo.testmodule.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs each policy's machine on its own thread, fed the same batches in the same order, so the
 * trace is read once and the machines work side by side.
 *
 * <p>Algorithm: a fixed pool of {@value #BATCHES} batches. The reader fills one, publishes it to
 * every worker's queue with a count of the workers still to apply it, and takes an empty one from
 * the pool, waiting when the machines lag; the last worker to apply a batch returns it to the pool.
 * Invariants: every machine sees every batch in publication order, and only its own thread ever
 * touches it (it holds the machine's CPUs), so the results do not depend on thread timing. After
 * the first failure workers still return batches but apply none, and the reader rethrows it.
 */
final class MachineWorkers {
  private static final int BATCHES = 16;

  private final List<Worker> workers = new ArrayList<>();
  private final BlockingQueue<OpBatch> pool = new ArrayBlockingQueue<>(BATCHES);
  private volatile Throwable failure;

  private final class Worker extends Thread {
    final PolicyMachine machine;
    final BlockingQueue<OpBatch> queue = new ArrayBlockingQueue<>(BATCHES + 1);
    final Consumer<PolicyMachine> atEnd;

    Worker(PolicyMachine machine, Consumer<PolicyMachine> atEnd) {
      super("replay-" + machine.setup().label());
      this.machine = machine;
      this.atEnd = atEnd;
      setDaemon(true);
    }

    @Override
    public void run() {
      try {
        for (OpBatch b = queue.take(); b != END; b = queue.take()) {
          try {
            if (failure == null) {
              machine.apply(b);
            }
          } catch (RuntimeException | Error e) {
            fail(e);
          } finally {
            release(b);
          }
        }
        if (failure == null) {
          atEnd.accept(machine);
        }
      } catch (InterruptedException | RuntimeException | Error e) {
        fail(e);
      } finally {
        machine.releaseCpus();
      }
    }
  }

  private static final OpBatch END = new OpBatch();

  /** Starts one worker per machine; {@code atEnd} runs on each worker after the last batch. */
  MachineWorkers(List<PolicyMachine> machines, Consumer<PolicyMachine> atEnd) {
    for (int i = 0; i < BATCHES; i++) {
      pool.add(new OpBatch());
    }
    for (PolicyMachine m : machines) {
      workers.add(new Worker(m, atEnd));
    }
    workers.forEach(Thread::start);
  }

  /** An empty batch to fill, waiting while every batch is in use. */
  OpBatch take() {
    try {
      return pool.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("replay interrupted", e);
    }
  }

  /** Hands {@code b} to every machine. */
  void publish(OpBatch b) {
    rethrow();
    b.pending = new AtomicInteger(workers.size());
    for (Worker w : workers) {
      w.queue.add(b);
    }
  }

  /** Tells every machine the trace is over, waits for their final steps, rethrows a failure. */
  void finish() {
    stop();
    rethrow();
  }

  /** Stops every machine without its final step, after the reader failed with {@code cause}. */
  void abort(Throwable cause) {
    fail(cause);
    stop();
  }

  private void stop() {
    for (Worker w : workers) {
      w.queue.add(END);
    }
    for (Worker w : workers) {
      while (w.isAlive()) {
        try {
          w.join();
        } catch (InterruptedException e) {
          failure = e;
          w.interrupt();
        }
      }
    }
  }

  /** The last worker to apply {@code b} returns it to the pool. */
  private void release(OpBatch b) {
    if (b.pending.decrementAndGet() == 0) {
      b.clear();
      pool.add(b);
    }
  }

  private void fail(Throwable t) {
    if (failure == null) {
      failure = t;
    }
  }

  private void rethrow() {
    Throwable t = failure;
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    if (t != null) {
      throw new IllegalStateException("replay interrupted", t);
    }
  }
}
