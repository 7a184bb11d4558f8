package dev.slubsmo.smo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.debug.InvariantChecker;
import dev.slubsmo.debug.SlubDebugOption;
import dev.slubsmo.mm.MachineConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kdefragd on a debug machine: a movable cache of {@code SLABS} full slabs is fragmented by freeing
 * all but {@code keep} objects of every slab, and the daemon is watched from the test thread, which
 * touches the machine only under its lock.
 */
class DefragDaemonTest {
  private static final int SLABS = 40;
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  private final Machine m =
      new Machine(
          MachineConfig.defaults(),
          MachineOptions.defaults().withSlubDebug(SlubDebugOption.parse(null)));
  private final DefragDaemon d = m.defragDaemon();
  private final Tracked t = new Tracked(m, "mv");

  @AfterEach
  void stop() {
    m.shutdown();
  }

  /** Fills SLABS slabs, then frees all but the first {@code keep} objects of each. */
  private void fragment(int keep) {
    m.exclusive(
        () -> {
          int per = t.s.objsPerSlab();
          List<Long> ids = t.alloc(SLABS * per, -1);
          for (int i = 0; i < ids.size(); i++) {
            if (i % per >= keep) {
              t.free(ids.get(i));
            }
          }
          return null;
        });
  }

  private NodeFragmentation node() {
    return m.exclusive(() -> NodeFragmentation.of(t.s, 0));
  }

  private void enableMovable() {
    m.exclusive(
        () -> {
          t.enable();
          return null;
        });
  }

  @Test
  void fragmentedCacheSettlesBelowTheLowerThreshold() {
    enableMovable();
    d.setIntervalMs(5);
    d.setEnabled(true);
    fragment(2);
    await()
        .atMost(DEADLINE)
        .until(
            () -> node().partial() <= Defrag.MAX_PARTIAL && node().percent() < d.thresholdLower());
    assertTrue(d.objectsMoved() > 0);
    m.exclusive(
        () -> {
          t.assertIntact();
          InvariantChecker.check(m);
          return null;
        });
  }

  @Test
  void switchedOffDaemonLeavesTheFragmentationAlone() {
    enableMovable();
    d.setIntervalMs(5);
    d.setEnabled(true);
    d.setEnabled(false);
    fragment(2);
    NodeFragmentation before = node();
    assertTrue(before.triggers(d.thresholdUpper()));
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> node().equals(before));
    assertEquals(0, d.cycles());
  }

  @Test
  void cyclesStopOnceNothingIsLeftToDo() {
    enableMovable();
    d.setIntervalMs(5);
    d.setEnabled(true);
    fragment(2);
    await().atMost(DEADLINE).until(() -> d.idle() && d.cycles() > 0);
    long cycles = d.cycles();
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> d.cycles() == cycles);
  }

  @Test
  void nodeTheRatioCannotImproveIsParkedAfterOneCycle() {
    enableMovable();
    d.setIntervalMs(5);
    fragment(t.s.objsPerSlab() / 2);
    assertTrue(node().triggers(d.thresholdUpper()));
    d.setEnabled(true);
    await().atMost(DEADLINE).until(() -> d.cycles() == 1 && d.idle());
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> d.cycles() == 1);
    assertEquals(0, d.objectsMoved());
  }

  @Test
  void oneMicrosecondBudgetGivesOneSlicePerCycle() {
    enableMovable();
    d.setIntervalMs(60_000);
    d.setCycleBudgetUs(1);
    fragment(2);
    d.setEnabled(true);
    await().atMost(DEADLINE).until(() -> d.cycles() == 1);
    assertEquals(DefragDaemon.SLICE_SLABS, d.slabsFreed());
    assertEquals(2L * DefragDaemon.SLICE_SLABS, d.objectsMoved());
    assertFalse(d.idle());
  }

  @Test
  void commandThatFragmentsWakesAnIdleDaemonBeforeItsInterval() {
    enableMovable();
    d.setIntervalMs(60_000);
    d.setEnabled(true);
    await().atMost(DEADLINE).until(d::idle);
    fragment(2);
    await().atMost(DEADLINE).until(() -> d.cycles() == 1);
    assertTrue(d.slabsFreed() > 0);
  }

  @Test
  void nonMovableCacheIsNeverTouched() {
    d.setIntervalMs(5);
    d.setEnabled(true);
    fragment(2);
    NodeFragmentation before = node();
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> node().equals(before));
    assertEquals(0, d.cycles());
  }

  @Test
  void thresholdsMustKeepLowerBelowUpper() {
    int lower = d.thresholdLower();
    int upper = d.thresholdUpper();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> d.setThresholds(upper, upper));
    assertTrue(e.getMessage().contains("threshold_lower " + upper), e.getMessage());
    assertEquals(lower, d.thresholdLower());
    assertEquals(upper, d.thresholdUpper());
  }

  @Test
  void shutDownDaemonRefusesToStart() {
    m.shutdown();
    assertThrows(IllegalStateException.class, () -> d.setEnabled(true));
    assertFalse(d.enabled());
  }
}
