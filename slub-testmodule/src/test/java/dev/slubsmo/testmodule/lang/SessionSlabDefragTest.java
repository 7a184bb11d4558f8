package dev.slubsmo.testmodule.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.sysfs.SlabDefragFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code cat}, {@code echo} and {@code ls} reach {@code /sys/kernel/mm/slab_defrag}. */
class SessionSlabDefragTest {
  private static final String DIR = SlabDefragFiles.DIR;
  private final Session s = new Session();

  @AfterEach
  void stop() {
    s.machine().shutdown();
  }

  @Test
  void catReadsAKnob() {
    assertEquals("0\n", s.execute("cat " + DIR + "/enabled"));
  }

  @Test
  void echoStoresAKnob() {
    s.execute("echo 250 > " + DIR + "/interval_ms");
    assertEquals("250\n", s.execute("cat " + DIR + "/interval_ms"));
    assertEquals(250, s.machine().defragDaemon().intervalMs());
  }

  @Test
  void writeToACounterIsRefusedNamingThePath() {
    CommandException e =
        assertThrows(CommandException.class, () -> s.execute("echo 0 > " + DIR + "/cycles"));
    assertTrue(e.getMessage().contains(DIR + "/cycles"), e.getMessage());
    assertTrue(e.getMessage().contains("EACCES"), e.getMessage());
  }

  @Test
  void lsListsTheDirectory() {
    String listing = s.execute("ls " + DIR);
    assertTrue(listing.contains("threshold_upper\n"), listing);
    assertTrue(listing.contains("slabs_freed\n"), listing);
  }

  @Test
  void machineCommandStopsTheOldMachinesDaemon() {
    s.execute("echo 1 > " + DIR + "/enabled");
    Machine old = s.machine();
    s.execute("machine");
    assertFalse(old.defragDaemon().enabled());
    assertEquals("0\n", s.execute("cat " + DIR + "/enabled"));
  }
}
