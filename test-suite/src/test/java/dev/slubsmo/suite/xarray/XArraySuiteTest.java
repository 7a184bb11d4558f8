package dev.slubsmo.suite.xarray;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slubsmo.suite.python.SuiteMachine;
import dev.slubsmo.testmodule.lang.Session;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The XArray test module (SMO patch 11, spec testmodule-and-suite.md 2) through its paths. Each
 * test loads it first; a refused load fails the test.
 */
class XArraySuiteTest {
  private static final long KEPT =
      (XArrayModule.LOAD_ITEMS + XArrayModule.LOAD_KEEP - 1) / XArrayModule.LOAD_KEEP;

  static List<SuiteMachine> machines() {
    return SuiteMachine.all();
  }

  /** With {@code slub_debug} there are no CPU slabs, so sysfs counts are exact. */
  static List<SuiteMachine> debugMachines() {
    return SuiteMachine.all().stream().filter(SuiteMachine::debug).toList();
  }

  private static Session loaded(SuiteMachine m) {
    Session s = new Session();
    s.execute(m.line());
    XArrayModule.insmod(s);
    return s;
  }

  private static long count(Session s, String cache, String file) {
    String text = s.execute("cat /sys/kernel/slab/" + cache + "/" + file).strip();
    int sp = text.indexOf(' ');
    return Long.parseLong(sp < 0 ? text : text.substring(0, sp));
  }

  private static void smox(Session s, String cmd) {
    s.execute("echo " + cmd + " > " + XArrayModule.CALLFN);
  }

  private static String things(Session s) {
    return s.execute("cat " + XArrayModule.THINGS).strip();
  }

  private static String loadThings() {
    return XaModel.afterTest(XArrayModule.LOAD_ITEMS, XArrayModule.LOAD_KEEP).things();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("machines")
  void loadLeavesEveryKeepthIndex(SuiteMachine m) {
    assertEquals(loadThings(), things(loaded(m)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("debugMachines")
  void loadLeavesEveryThingSlabPartial(SuiteMachine m) {
    Session s = loaded(m);
    long opS = count(s, XArrayModule.THING_CACHE, "objs_per_slab");
    long slabs = (XArrayModule.LOAD_ITEMS + opS - 1) / opS;
    assertEquals(
        List.of(KEPT, slabs, slabs),
        List.of(
            count(s, XArrayModule.THING_CACHE, "objects"),
            count(s, XArrayModule.THING_CACHE, "slabs"),
            count(s, XArrayModule.THING_CACHE, "partial")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("debugMachines")
  void thingShrinkPacksTheSurvivorsIntoTheFloor(SuiteMachine m) {
    Session s = loaded(m);
    s.execute("echo 1 > /sys/kernel/slab/" + XArrayModule.THING_CACHE + "/shrink");
    long opS = count(s, XArrayModule.THING_CACHE, "objs_per_slab");
    assertEquals(
        List.of((KEPT + opS - 1) / opS, KEPT % opS == 0 ? 0L : 1L, KEPT % opS),
        List.of(
            count(s, XArrayModule.THING_CACHE, "slabs"),
            count(s, XArrayModule.THING_CACHE, "partial"),
            count(s, XArrayModule.THING_CACHE, "objects_partial")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("machines")
  void thingShrinkKeepsEveryThingAtItsIndex(SuiteMachine m) {
    Session s = loaded(m);
    s.execute("echo 1 > /sys/kernel/slab/" + XArrayModule.THING_CACHE + "/shrink");
    smox(s, "check");
    assertEquals(loadThings(), things(s));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("debugMachines")
  void treeHasTheNodesOfTenThousandIndices(SuiteMachine m) {
    assertEquals(
        XaModel.nodesFor(XArrayModule.LOAD_ITEMS),
        count(loaded(m), XArrayModule.NODE_CACHE, "objects"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("machines")
  void nodeShrinkKeepsTheTreeWhole(SuiteMachine m) {
    Session s = loaded(m);
    s.execute("echo 1 > /sys/kernel/slab/" + XArrayModule.NODE_CACHE + "/shrink");
    smox(s, "check");
    s.execute("check");
    assertEquals(loadThings(), things(s));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("machines")
  void storeEraseAndMarksShowInThings(SuiteMachine m) {
    Session s = loaded(m);
    smox(s, "erase 0 " + XArrayModule.LOAD_ITEMS);
    smox(s, "store 10 5");
    smox(s, "mark 12 1");
    smox(s, "mark 13 1");
    smox(s, "clear 13 1");
    smox(s, "mark 40 2");
    XaModel want = new XaModel();
    want.store(10, 5);
    want.mark(12, 1);
    assertEquals(want.things(), things(s));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("machines")
  void testCommandOnAnEmptyArrayLeavesEveryKeepthIndex(SuiteMachine m) {
    Session s = loaded(m);
    smox(s, "erase 0 " + XArrayModule.LOAD_ITEMS);
    smox(s, "test 100 3");
    assertEquals(XaModel.afterTest(100, 3).things(), things(s));
  }
}
