package dev.slubsmo.suite.daemon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.smo.Defrag;
import dev.slubsmo.suite.transport.InProcessTransport;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kdefragd seen through the command language: a fragmented smo_test settles with the daemon on and
 * stays fragmented with it off; the daemon goes idle; and commands, the invariant checker and the
 * module's payload checks keep working while it runs beside them.
 */
class DefragDaemonSessionTest {
  private static final int SLABS = 40;
  private static final int KEEP = 2;
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final Duration QUIET = Duration.ofMillis(500);

  private final DaemonSession d = new DaemonSession(new InProcessTransport());

  @AfterEach
  void stop() {
    d.close();
  }

  private void start(long intervalMs) {
    d.set("interval_ms", intervalMs);
    d.set("enabled", 1);
  }

  @Test
  void fragmentedCacheFallsBelowTheLowerThresholdWithinTheDeadline() {
    d.fragment(SLABS, KEEP);
    start(5);
    long lower = d.daemon("threshold_lower");
    await()
        .atMost(DEADLINE)
        .until(() -> d.slab("partial") <= Defrag.MAX_PARTIAL && d.fragmentation() < lower);
    assertEquals("ok\n", d.run("check"));
    assertEquals((long) SLABS * KEEP, d.slab("objects"));
  }

  @Test
  void withTheDaemonOffTheCacheStaysFragmented() {
    start(5);
    d.set("enabled", 0);
    d.fragment(SLABS, KEEP);
    long partial = d.slab("partial");
    assertTrue(partial > Defrag.MAX_PARTIAL);
    await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> d.slab("partial") == partial);
    assertEquals(0, d.daemon("cycles"));
  }

  @Test
  void cyclesStopIncreasingOnceThereIsNothingToDo() {
    d.fragment(SLABS, KEEP);
    start(5);
    long[] last = {-1};
    await()
        .atMost(DEADLINE)
        .pollInterval(QUIET)
        .until(
            () -> {
              long c = d.daemon("cycles");
              boolean unchanged = c == last[0];
              last[0] = c;
              return unchanged;
            });
    long cycles = d.daemon("cycles");
    await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> d.daemon("cycles") == cycles);
    assertTrue(cycles > 0);
    assertTrue(d.slab("partial") <= Defrag.MAX_PARTIAL);
  }

  @Test
  void invariantsAndPayloadsHoldWhileCommandsRunBesideTheDaemon() {
    d.fragment(SLABS, KEEP);
    d.set("cycle_budget_us", 200);
    start(1);
    SplittableRandom random = new SplittableRandom(20190603);
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    int commands = 0;
    while (d.daemon("slabs_freed") < 3L * SLABS) {
      assertTrue(System.nanoTime() < deadline, "daemon freed too little beside the commands");
      long live = d.slab("objects");
      if (live > 0 && random.nextBoolean()) {
        long pos = random.nextLong(live);
        d.run("echo free " + (10 + random.nextInt(11)) + " " + pos + " > " + DaemonSession.CALLFN);
      } else {
        d.run("echo alloc " + (1 + random.nextInt(30)) + " > " + DaemonSession.CALLFN);
      }
      if (++commands % 10 == 0) {
        assertEquals("ok\n", d.run("check"), "after " + commands + " commands");
      }
    }
    assertEquals("ok\n", d.run("check"));
    assertTrue(d.daemon("objects_moved") > 0);
  }
}
