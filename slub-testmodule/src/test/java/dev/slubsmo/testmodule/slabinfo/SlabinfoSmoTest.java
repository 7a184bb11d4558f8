package dev.slubsmo.testmodule.slabinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The SMO additions to the tool (smo.md section 11), behind {@link SlabinfoDialect#SMO}. */
class SlabinfoSmoTest {
  private static final String SMO_OPS =
      "ctor : smo_object_ctor+0x0/0x30 [slub_defrag]\n"
          + "isolate : smo_object_isolate+0x0/0x60 [slub_defrag]\n"
          + "migrate : smo_object_migrate+0x0/0x90 [slub_defrag]";
  private static final long SLABS = 3;
  private static final long PARTIAL = 2;
  private static final long OBJS_PER_SLAB = 20;

  private final MapSlabSysfs tree =
      new MapSlabSysfs()
          .cache(
              "smo_test",
              "objects",
              "41",
              "object_size",
              "56",
              "slab_size",
              "392",
              "objs_per_slab",
              String.valueOf(OBJS_PER_SLAB),
              "order",
              "1",
              "slabs",
              SLABS + " N0=2 N1=1",
              "partial",
              PARTIAL + " N0=1 N1=1",
              "defrag_used_ratio",
              "30",
              "remote_node_defrag_ratio",
              "100",
              "ops",
              SMO_OPS)
          .cache(
              "dentry",
              "objects",
              "21",
              "object_size",
              "192",
              "slab_size",
              "192",
              "objs_per_slab",
              "21",
              "slabs",
              "1 N0=1",
              "ops",
              "ctor : d_ctor+0x0/0x20")
          .cache(
              "kmalloc-64",
              "objects",
              "64",
              "object_size",
              "64",
              "objs_per_slab",
              "64",
              "slabs",
              "1 N0=1");

  private final SlabinfoTool smo = new SlabinfoTool(SlabinfoDialect.SMO);

  /** The listing's lines after the header, as name to whitespace-separated columns. */
  private static Map<String, List<String>> listing(String out) {
    return out.lines()
        .skip(1)
        .map(line -> Arrays.asList(line.trim().split(" +")))
        .collect(Collectors.toMap(columns -> columns.get(0), columns -> columns));
  }

  @Test
  void flagsShowConstructorAndMobility() {
    Map<String, List<String>> lines = listing(ToolRun.of(smo, tree).out());
    assertEquals("CM", lines.get("smo_test").get(9));
    assertEquals("C", lines.get("dentry").get(9));
    assertEquals(9, lines.get("kmalloc-64").size());
  }

  @Test
  void ctorOptionListsOnlyCachesWithAConstructor() {
    assertEquals(
        List.of("dentry", "smo_test"),
        listing(ToolRun.of(smo, tree, "-C").out()).keySet().stream().sorted().toList());
  }

  @Test
  void movableOptionListsOnlyMovableCaches() {
    assertEquals(
        List.of("smo_test"),
        List.copyOf(listing(ToolRun.of(smo, tree, "--movable").out()).keySet()));
  }

  @Test
  void partialColumnDividesPartialSlabsByObjectSlots() {
    String smoPercent = listing(ToolRun.of(smo, tree).out()).get("smo_test").get(7);
    String mainlinePercent = listing(ToolRun.of(tree).out()).get("smo_test").get(7);
    assertEquals(String.valueOf(PARTIAL * 100 / (SLABS * OBJS_PER_SLAB)), smoPercent);
    assertEquals(String.valueOf(PARTIAL * 100 / SLABS), mainlinePercent);
  }

  @Test
  void reportOfAMovableCacheShowsItsDefragRatios() {
    String out = ToolRun.of(smo, tree, "-r", "smo_test").out();
    assertTrue(out.contains("\n** Defragmentation at 30%\n"), out);
    assertTrue(out.contains("\nNUMA remote node defrag ratio: 100\n\nNUMA nodes"), out);
  }

  @Test
  void opsOptionPrintsTheOpsFile() {
    String out = ToolRun.of(smo, tree, "-o", "smo_test").out();
    assertEquals(
        "\nsmo_test: kmem_cache operations\n--------------------------------------------\n"
            + SMO_OPS
            + "\n",
        out);
  }

  @Test
  void usageListsTheNewOptions() {
    String out = ToolRun.of(smo, tree, "-h").out();
    assertTrue(out.startsWith("slabinfo 4/15/2017."), out);
    assertTrue(out.contains("\n-C|--ctor              Show slabs with ctors\n-D|"), out);
    assertTrue(
        out.contains("\n-M|--movable           Show caches that support movable objects\n"), out);
  }

  @Test
  void slabsWithoutObjectSlotsStopTheToolAsTheCToolsDivisionDoes() {
    MapSlabSysfs broken = new MapSlabSysfs().cache("a", "slabs", "1").cache("b", "slabs", "1");
    ToolRun run = ToolRun.of(smo, broken);
    assertEquals(136, run.status());
    assertEquals(SlabinfoTool.DIVISION_BY_ZERO, run.err());
  }

  @Test
  void mainlineDialectHasNoCtorOption() {
    ToolRun run = ToolRun.of(tree, "-C");
    assertEquals(
        new ToolRun(1, "", "slabinfo: invalid option -- 'C'\nslabinfo: Invalid option 'C'\n"), run);
  }

  @Test
  void mainlineDialectIgnoresOps() {
    assertEquals(9, listing(ToolRun.of(tree).out()).get("smo_test").size());
  }
}
