package dev.slubsmo.testmodule.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.testmodule.module.SmoTestModule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code callfn} commands in strict mode, with the kernel's defaults and log lines. */
class CallfnCommandsTest {
  private final Session s = new Session();

  private void callfn(String command) {
    s.execute("echo " + command + " > " + Modules.SMO_CALLFN);
  }

  private List<Long> ids() {
    return s.smoModule().ids();
  }

  private List<String> logSince(int from) {
    return s.machine().log().linesFrom(from);
  }

  @Test
  void allocDefaultsToOneObject() {
    callfn("alloc");
    assertEquals(List.of(0L), ids());
  }

  @Test
  void allocAppendsNObjectsAtTheTail() {
    callfn("alloc 2");
    callfn("alloc 3");
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), ids());
  }

  @Test
  void allocOnANodeTakesObjectsFromThatNode() {
    s.execute("machine nodes=2 slub_debug");
    callfn("alloc 3 1");
    assertEquals("3 N1=3", s.execute("cat /sys/kernel/slab/smo_test/objects").strip());
  }

  @Test
  void minusOneSelectsTheDefault() {
    callfn("alloc -1 -1");
    assertEquals(1, s.smoModule().objectCount());
  }

  @Test
  void freeDefaultsToTheOldestObject() {
    callfn("alloc 3");
    callfn("free");
    assertEquals(List.of(1L, 2L), ids());
  }

  @Test
  void freeNStartsAtPos() {
    callfn("alloc 5");
    callfn("free 2 1");
    assertEquals(List.of(0L, 3L, 4L), ids());
  }

  @Test
  void freeStopsAtTheEndOfTheList() {
    callfn("alloc 3");
    callfn("free 10 1");
    assertEquals(List.of(0L), ids());
  }

  @Test
  void freeZeroFreesEverythingFromPos() {
    callfn("alloc 5");
    callfn("free 0 2");
    assertEquals(List.of(0L, 1L), ids());
    callfn("free 0");
    assertEquals(List.of(), ids());
  }

  @Test
  void enableLogsAndMakesTheCacheMovable() {
    int from = s.machine().log().size();
    callfn("enable");
    assertEquals(List.of("smo: kmem_cache smo_test defrag enabled"), logSince(from));
    assertTrue(s.execute("cat /sys/kernel/slab/smo_test/ops").contains("migrate : "));
  }

  @Test
  void testDefaultsToNr1000Keep10AndPassesOnAFreshModule() {
    int from = s.machine().log().size();
    callfn("test");
    assertEquals(
        List.of(
            "smo: test using nr_objs: 1000 keep: 10", "smo: Module tests completed successfully"),
        logSince(from));
    assertEquals(0, s.smoModule().objectCount());
  }

  @Test
  void testTakesNrAndKeep() {
    int from = s.machine().log().size();
    callfn("test 100 7");
    assertEquals("smo: test using nr_objs: 100 keep: 7", logSince(from).get(0));
  }

  @Test
  void testPassesOnADebugMachine() {
    s.execute("machine slub_debug");
    callfn("test");
    assertEquals("ok\n", s.execute("check"));
    assertEquals("0", s.execute("cat /sys/kernel/slab/smo_test/slabs").strip());
  }

  @Test
  void testFailsWithAMessageWhenObjectsAreListed() {
    callfn("alloc 2");
    int from = s.machine().log().size();
    CommandException e = assertThrows(CommandException.class, () -> callfn("test"));
    assertEquals("callfn test: failed with -1 (see dmesg)", e.getMessage());
    assertEquals(List.of("smo: test requires clean module state"), logSince(from));
    assertEquals(List.of(0L, 1L), ids());
  }

  @Test
  void writeWithoutTrailingNewlineRuns() {
    s.execute("echo -n alloc 2 > " + Modules.SMO_CALLFN);
    assertEquals(2, s.smoModule().objectCount());
  }

  @Test
  void callfnIsWriteOnly() {
    CommandException e =
        assertThrows(CommandException.class, () -> s.execute("cat " + Modules.SMO_CALLFN));
    assertTrue(e.getMessage().contains("write-only"), e.getMessage());
  }

  @Test
  void objectsCarryTheModulesCacheGeometry() {
    assertEquals(
        String.valueOf(SmoTestModule.OBJECT_SIZE),
        s.execute("cat /sys/kernel/slab/smo_test/object_size").strip());
  }
}
