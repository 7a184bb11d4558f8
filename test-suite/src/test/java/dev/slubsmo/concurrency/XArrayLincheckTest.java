package dev.slubsmo.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.junit.jupiter.api.Test;

/**
 * Lincheck model checking of the XArray's store, erase and load while shrink migrates its nodes
 * (SMO patch 10: migrate reads a node unlocked, then rechecks its array under {@code xa_lock}),
 * against {@link XArrayModel.Entries}.
 */
class XArrayLincheckTest {
  @Test
  void prefillLeavesSparseNodeSlabsAndTheSpecifiedEntries() {
    XArrayModel m = new XArrayModel();
    assertTrue(m.partialSlabs() >= 2, "partial node slabs: " + m.partialSlabs());
    for (int slot = 0; slot < XArrayModel.INDICES.length; slot++) {
      assertEquals(XArrayModel.initial().getOrDefault(slot, -1L), m.load(slot), "slot " + slot);
    }
  }

  @Test
  void storeEraseAndLoadAreLinearizableWhileShrinkMigratesNodes() {
    LinChecker.check(
        XArrayModel.class,
        LincheckOptions.modelChecking(
            XArrayModel.THREADS,
            LincheckOptions.ITERATIONS,
            LincheckOptions.INVOCATIONS,
            XArrayModel.Entries.class));
  }
}
