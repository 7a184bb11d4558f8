package dev.slubsmo.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * {@code flush_all} from several threads at once, each holding its own CPU: the kernel serves IPIs
 * while it waits for its own, so none of them may wait forever for a CPU another flusher keeps.
 * Between flushes every thread lets its CPU go (a thread parked elsewhere with a CPU would block
 * every flusher, by design).
 */
class FlushAllTest {
  @Test
  void threadsHoldingTheirCpusCanFlushAtOnce() throws Exception {
    int threads = 3;
    Machine m = new Machine(new MachineConfig(1, threads, 16L << 20), MachineOptions.defaults());
    KmemCache s = m.slub().createCache("flush_race", 64, 0, 0, null);
    CyclicBarrier start = new CyclicBarrier(threads);
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    List<Thread> flushers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Cpu cpu = m.cpu(i);
      Thread t =
          new Thread(
              () -> {
                try {
                  for (int round = 0; round < 200; round++) {
                    s.alloc(cpu, Gfp.KERNEL);
                    m.releaseCpus();
                    start.await();
                    cpu.enter();
                    s.flushAll();
                    assertTrue(cpu.heldByCurrentThread(), "flush_all gives the CPU back");
                    m.releaseCpus();
                  }
                } catch (Throwable e) {
                  failures.add(e);
                }
              },
              "flusher-" + i);
      t.setDaemon(true);
      t.start();
      flushers.add(t);
    }
    Watchdog watchdog = new Watchdog(Duration.ofSeconds(20));
    try {
      for (Thread t : flushers) {
        t.join();
      }
    } catch (InterruptedException e) {
      throw new AssertionError("flushers deadlocked\n" + watchdog.dump());
    } finally {
      watchdog.close();
    }
    assertEquals(List.of(), List.copyOf(failures));
    for (int i = 0; i < threads; i++) {
      assertNull(s.cpuSlab(i).page(), "cpu " + i + " slab flushed");
    }
  }
}
