package dev.slubsmo.testmodule.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code machine fidelity=kernel}: the write handler of slub_defrag.c, which reports the byte count
 * whatever happened, logs bad input instead of refusing it, and falls back to -1 (spec 1.3).
 */
class KernelFidelityTest {
  private final Session s = new Session();

  @BeforeEach
  void kernelMode() {
    s.execute("machine fidelity=kernel");
  }

  /** Runs the write; the kernel returns the byte count, so the session prints nothing. */
  private void callfn(String command) {
    assertEquals("", s.execute("echo " + command + " > " + Modules.SMO_CALLFN));
  }

  private String lastLog() {
    List<String> log = s.machine().log().lines();
    return log.get(log.size() - 1);
  }

  @Test
  void loadMessageNamesTheDebugfsPathTheModulePrints() {
    assertEquals(
        "smo: Created debugfs directory: /sys/kernel/debugfs/smo",
        s.machine().log().lines().get(1));
  }

  @Test
  void unknownCommandOnlyLogs() {
    callfn("bogus 1");
    assertEquals("failed to call function for cmd: bogus", lastLog());
    assertEquals(0, s.smoModule().objectCount());
  }

  @Test
  void badArgumentLogsAndDefaultsToMinusOne() {
    callfn("alloc x 3");
    assertEquals("failed to convert arg, defaulting to -1. (x)", lastLog());
    assertEquals(1, s.smoModule().objectCount());
  }

  @Test
  void badSecondArgumentKeepsTheFirst() {
    callfn("alloc 5");
    callfn("free 2 y");
    assertEquals("failed to convert arg, defaulting to -1. (y)", lastLog());
    assertEquals(3, s.smoModule().objectCount());
  }

  @Test
  void failingCommandStillSucceedsAsAWrite() {
    callfn("alloc");
    callfn("test");
    assertEquals("smo: test requires clean module state", lastLog());
  }

  @Test
  void writeWithoutTrailingNewlineRuns() {
    s.execute("echo -n alloc 2 > " + Modules.SMO_CALLFN);
    assertEquals(2, s.smoModule().objectCount());
  }

  @Test
  void emptyWriteIsStillRefused() {
    assertThrows(CommandException.class, () -> s.execute("echo -n > " + Modules.SMO_CALLFN));
  }

  @Test
  void testPassesWithTheKernelsChecks() {
    callfn("test");
    assertEquals("smo: Module tests completed successfully", lastLog());
  }
}
