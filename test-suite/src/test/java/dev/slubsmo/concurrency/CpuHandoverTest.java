package dev.slubsmo.concurrency;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A CPU held by one thread: another thread that wants it blocks until it is released. */
class CpuHandoverTest {
  private final Machine machine = Machine.boot();
  private final Cpu cpu = machine.cpu(0);

  @Test
  void aWaitingThreadBlocksUntilTheHolderReleases() throws Exception {
    cpu.enter();
    AtomicBoolean entered = new AtomicBoolean();
    Thread waiter =
        new Thread(
            () -> {
              cpu.enter();
              entered.set(true);
              cpu.release();
            },
            "waiter");
    waiter.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> waiter.getState() == Thread.State.WAITING);
    assertFalse(entered.get());
    cpu.release();
    waiter.join(10_000);
    assertTrue(entered.get());
  }

  @Test
  void onlyTheHolderMayRelease() throws Exception {
    cpu.enter();
    Throwable[] thrown = new Throwable[1];
    Thread other =
        new Thread(() -> thrown[0] = assertThrows(IllegalStateException.class, cpu::release));
    other.start();
    other.join(10_000);
    assertTrue(thrown[0].getMessage().contains(Thread.currentThread().getName()));
    assertTrue(cpu.heldByCurrentThread());
    cpu.release();
  }
}
