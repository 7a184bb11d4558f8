package dev.slubsmo.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.debug.SlubDebugOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConcurrencyDriverTest {
  private static ConcurrencyDriver.Config config(int nodes, int workers, SlubDebugOption debug) {
    return new ConcurrencyDriver.Config(
        nodes, workers, Duration.ofMillis(800), 200, 7, debug, Duration.ofSeconds(60));
  }

  @Test
  void debugCachesKeepTheirFullListsUnderMoveAndBalance() throws Exception {
    DriverReport r = new ConcurrencyDriver(config(2, 2, SlubDebugOption.parse(null))).run();
    assertTrue(r.rounds() > 0);
    assertTrue(
        r.actions()[Reclaimer.Action.MOVE.ordinal()]
                + r.actions()[Reclaimer.Action.BALANCE.ordinal()]
            > 0);
  }

  @Test
  void oneNodeRunsNoNumaActions() throws Exception {
    DriverReport r = new ConcurrencyDriver(config(1, 2, SlubDebugOption.NONE)).run();
    assertEquals(0, r.actions()[Reclaimer.Action.MOVE.ordinal()]);
    assertEquals(0, r.actions()[Reclaimer.Action.BALANCE.ordinal()]);
    assertTrue(r.actionCount() > 0);
  }

  @Test
  void oneWorkerIsRejectedForWantOfRemoteFrees() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> config(1, 1, SlubDebugOption.NONE));
    assertTrue(e.getMessage().contains("got 1"));
  }
}
