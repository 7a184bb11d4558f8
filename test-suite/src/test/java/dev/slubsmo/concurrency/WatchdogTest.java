package dev.slubsmo.concurrency;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class WatchdogTest {
  /** Two daemon threads that take {@code a} and {@code b} in opposite orders and stay stuck. */
  private static void deadlock(String name1, String name2) throws InterruptedException {
    ReentrantLock a = new ReentrantLock();
    ReentrantLock b = new ReentrantLock();
    CountDownLatch both = new CountDownLatch(2);
    for (String name : new String[] {name1, name2}) {
      ReentrantLock first = name.equals(name1) ? a : b;
      ReentrantLock second = first == a ? b : a;
      Thread t =
          new Thread(
              () -> {
                first.lock();
                both.countDown();
                try {
                  both.await();
                } catch (InterruptedException e) {
                  return;
                }
                second.lock();
              },
              name);
      t.setDaemon(true);
      t.start();
    }
    both.await();
  }

  @Test
  void firesOnADeadlockWithEveryStackAndTheDeadlockedThreads() throws Exception {
    Watchdog w = new Watchdog(Duration.ofMillis(300));
    deadlock("abba-1", "abba-2");
    assertThrows(InterruptedException.class, () -> Thread.sleep(30_000));
    w.close();
    assertTrue(w.fired());
    String dump = w.dump();
    assertTrue(dump.contains("\"abba-1\" WAITING"), dump);
    assertTrue(dump.contains("WatchdogTest.lambda$deadlock"), dump);
    assertTrue(
        dump.matches("(?s).*deadlocked threads \\(JVM\\): (?=.*\"abba-1\")(?=.*\"abba-2\").*"),
        dump);
  }

  @Test
  void staysQuietWhileProgressIsReported() throws Exception {
    try (Watchdog w = new Watchdog(Duration.ofMillis(500))) {
      for (int i = 0; i < 10; i++) {
        Thread.sleep(100);
        w.progress();
      }
      assertFalse(w.fired());
    }
  }
}
