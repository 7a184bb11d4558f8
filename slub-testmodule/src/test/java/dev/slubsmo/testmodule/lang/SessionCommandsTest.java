package dev.slubsmo.testmodule.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.testmodule.module.SmoTestModule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each command of the language with its defaults, in the order of {@link Session}'s table. */
class SessionCommandsTest {
  private static final String CALLFN = Modules.SMO_CALLFN;
  private static final String SMO = "/sys/kernel/slab/" + SmoTestModule.CACHE + "/";
  private static final List<String> LOAD_LINES =
      List.of(
          "smo: Created kmem_cache: smo_test",
          "smo: Created debugfs directory: /sys/kernel/debug/smo",
          "smo: Test module loaded");

  private final Session s = new Session();

  private String attr(String name) {
    return s.execute("cat " + SMO + name).strip();
  }

  /** The first field of a count attribute such as {@code objects}: {@code "21 N0=21"} -> 21. */
  private long count(String name) {
    return Long.parseLong(attr(name).split(" ")[0]);
  }

  @Test
  void bareSessionIsOneNodeTwoCpusWithSlubDefragLoaded() {
    assertEquals(1, s.machine().config().nodes());
    assertEquals(2, s.machine().cpus().size());
    assertEquals(1L << 30, s.machine().config().memPerNode());
    assertEquals(LOAD_LINES, s.machine().log().lines());
  }

  @Test
  void machineWordsShapeTheNextMachine() {
    s.execute("machine nodes=2 cpus=4 mem=64M slub_debug nomerge");
    assertEquals(2, s.machine().config().nodes());
    assertEquals(4, s.machine().cpus().size());
    assertEquals(64L << 20, s.machine().config().memPerNode());
    assertTrue(s.machine().options().nomerge());
    assertEquals("1", attr("red_zone"));
  }

  @Test
  void machineWithoutWordsDefaultsToTwoCpusPerNode() {
    s.execute("machine nodes=3");
    assertEquals(6, s.machine().cpus().size());
  }

  @Test
  void machineBootsAFreshMachineAndLog() {
    Machine old = s.machine();
    s.execute("echo alloc 5 > " + CALLFN);
    s.execute("machine");
    assertNotSame(old, s.machine());
    assertEquals(0, s.smoModule().objectCount());
    assertEquals(LOAD_LINES, s.machine().log().lines());
  }

  @Test
  void rmmodDestroysTheCacheAndLogsRemoval() {
    s.execute("rmmod slub_defrag");
    assertFalse(s.execute("ls").lines().anyMatch(SmoTestModule.CACHE::equals));
    List<String> log = s.machine().log().lines();
    assertEquals("smo: Test module removed", log.get(log.size() - 1));
  }

  @Test
  void insmodAfterRmmodLoadsTheModuleAgain() {
    s.execute("rmmod slub_defrag");
    s.execute("insmod slub_defrag");
    assertTrue(s.execute("ls").lines().anyMatch(SmoTestModule.CACHE::equals));
    assertEquals(LOAD_LINES, s.machine().log().lines().subList(4, 7));
  }

  @Test
  void cpuSelectsTheCpuLaterCommandsRunOn() {
    s.execute("cpu 1");
    assertEquals(1, s.cpu().id());
    s.execute("echo alloc 1 > " + CALLFN);
    assertEquals("1 C1=1", attr("alloc_slowpath"));
  }

  @Test
  void createMakesACacheWithSizeAlignAndFlags() {
    s.execute("create foo size=100 align=64 flags=poison,ctor");
    String foo = "/sys/kernel/slab/foo/";
    assertEquals("100", s.execute("cat " + foo + "object_size").strip());
    assertEquals("64", s.execute("cat " + foo + "align").strip());
    assertEquals("1", s.execute("cat " + foo + "poison").strip());
    assertTrue(s.execute("cat " + foo + "ops").startsWith("ctor : "));
  }

  @Test
  void createWithOnlyASizeHasNoFlagsAndNoCtor() {
    s.execute("create bar size=24");
    String bar = "/sys/kernel/slab/bar/";
    assertEquals("24", s.execute("cat " + bar + "object_size").strip());
    assertEquals("0", s.execute("cat " + bar + "poison").strip());
    assertEquals("", s.execute("cat " + bar + "ops"));
  }

  @Test
  void echoWritesToASysfsAttribute() {
    s.execute("echo 7 > " + SMO + "min_partial");
    assertEquals("7", attr("min_partial"));
  }

  @Test
  void echoDashNWritesWithoutTheNewline() {
    s.execute("echo -n 9 > " + SMO + "min_partial");
    assertEquals("9", attr("min_partial"));
  }

  @Test
  void catProcSlabinfoShowsTheSmoTestRow() {
    s.execute("machine slub_debug");
    s.execute("echo alloc 21 > " + CALLFN);
    String row =
        s.execute("cat /proc/slabinfo")
            .lines()
            .filter(l -> l.startsWith(SmoTestModule.CACHE + " "))
            .findFirst()
            .orElseThrow();
    String[] f = row.trim().split(" +");
    long perSlab = count("objs_per_slab");
    assertEquals(21, Long.parseLong(f[1]));
    assertEquals(perSlab * ((21 + perSlab - 1) / perSlab), Long.parseLong(f[2]));
    assertEquals(count("slab_size"), Long.parseLong(f[3]));
  }

  @Test
  void catProcBuddyinfoHasALinePerNode() {
    s.execute("machine nodes=2");
    List<String> lines = s.execute("cat /proc/buddyinfo").lines().toList();
    assertEquals(2, lines.size());
    assertTrue(lines.get(1).startsWith("Node 1, zone"));
  }

  @Test
  void lsListsTheCachesAndLsDirListsAttributes() {
    assertTrue(s.execute("ls").lines().anyMatch(SmoTestModule.CACHE::equals));
    List<String> attrs = s.execute("ls " + SMO.substring(0, SMO.length() - 1)).lines().toList();
    assertTrue(attrs.containsAll(List.of("objects", "validate", "shrink", "move")));
  }

  @Test
  void checkPrintsOkOnAHealthyMachine() {
    s.execute("echo alloc 30 > " + CALLFN);
    assertEquals("ok\n", s.execute("check"));
  }

  @Test
  void dmesgPrintsTheLogAndDashCClearsIt() {
    assertEquals(String.join("\n", LOAD_LINES) + "\n", s.execute("dmesg -c"));
    assertEquals("", s.execute("dmesg"));
    s.execute("echo enable > " + CALLFN);
    assertEquals("smo: kmem_cache smo_test defrag enabled\n", s.execute("dmesg"));
    assertEquals("smo: kmem_cache smo_test defrag enabled\n", s.execute("dmesg -c"));
    assertEquals("", s.execute("dmesg -c"));
  }

  @Test
  void commentsAndBlankLinesPrintNothing() {
    assertEquals("", s.execute("# echo alloc 5 > " + CALLFN));
    assertEquals("", s.execute("   "));
    assertEquals(0, s.smoModule().objectCount());
  }

  /** Leaves one object in each of the first {@code slabs - 1} slabs; the last slab stays full. */
  private void oneSurvivorPerSlab(int slabs) {
    long perSlab = count("objs_per_slab");
    s.execute("echo alloc " + slabs * perSlab + " > " + CALLFN);
    for (int i = 1; i < slabs; i++) {
      s.execute("echo free " + (perSlab - 1) + " " + i + " > " + CALLFN);
    }
  }

  @Test
  void defragSlabsLeavesAnUnmovableCacheAlone() {
    s.execute("machine slub_debug");
    oneSurvivorPerSlab(15);
    assertEquals("0\n", s.execute("defrag_slabs"));
    assertEquals(15, count("slabs"));
  }

  @Test
  void defragSlabsPacksAMovableCacheAndPrintsThePartialSlabsLeft() {
    s.execute("machine slub_debug");
    oneSurvivorPerSlab(15);
    s.execute("echo enable > " + CALLFN);
    String left = s.execute("defrag_slabs").strip();
    long perSlab = count("objs_per_slab");
    long live = count("objects");
    assertEquals((live + perSlab - 1) / perSlab, count("slabs"));
    assertEquals(count("partial"), Long.parseLong(left));
  }
}
