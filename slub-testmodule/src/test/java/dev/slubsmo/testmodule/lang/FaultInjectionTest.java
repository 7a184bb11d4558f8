package dev.slubsmo.testmodule.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code inject redzone} plants a clobbered red zone that the debug checks then report. */
class FaultInjectionTest {
  private static final String CALLFN = "/sys/kernel/debug/smo/callfn";
  private static final String VALIDATE = "echo 1 > /sys/kernel/slab/smo_test/validate";

  private final Session s = new Session();

  @Test
  void clobberedRedZoneIsReportedByValidate() {
    s.execute("machine slub_debug");
    s.execute("echo alloc 3 > " + CALLFN);
    s.execute("inject redzone");
    s.execute(VALIDATE);
    assertEquals(1, s.machine().log().bugCount());
    String dmesg = s.execute("dmesg");
    assertTrue(dmesg.contains("BUG smo_test (Tainted: G    B): Redzone overwritten"), dmesg);
  }

  @Test
  void clobberedRedZoneIsReportedWhenTheObjectIsFreed() {
    s.execute("machine slub_debug");
    s.execute("echo alloc 3 > " + CALLFN);
    s.execute("inject redzone");
    s.execute("echo free 1 > " + CALLFN);
    assertEquals(1, s.machine().log().bugCount());
  }

  @Test
  void cacheWithoutRedZoneRefusesAndStaysClean() {
    s.execute("echo alloc 3 > " + CALLFN);
    CommandException e = assertThrows(CommandException.class, () -> s.execute("inject redzone"));
    assertTrue(e.getMessage().contains("has no red zone"), e.getMessage());
    assertEquals("ok\n", s.execute("check"));
  }

  @Test
  void emptyListRefuses() {
    s.execute("machine slub_debug");
    CommandException e = assertThrows(CommandException.class, () -> s.execute("inject redzone"));
    assertTrue(e.getMessage().contains("lists no object"), e.getMessage());
  }

  @Test
  void unknownFaultIsRefusedNamingIt() {
    CommandException e = assertThrows(CommandException.class, () -> s.execute("inject poison"));
    assertTrue(e.getMessage().contains("'poison'"), e.getMessage());
  }
}
