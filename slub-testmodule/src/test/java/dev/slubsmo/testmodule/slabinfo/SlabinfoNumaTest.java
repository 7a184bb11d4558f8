package dev.slubsmo.testmodule.slabinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** NUMA output, which the single-node oracle tree cannot show. */
class SlabinfoNumaTest {
  private final MapSlabSysfs tree =
      new MapSlabSysfs()
          .cache("dentry", "objects", "30", "slabs", "3 N0=1 N1=2", "partial", "1 N0=0 N1=1")
          .cache("inode_cache", "objects", "9", "slabs", "1500 N1=1500", "partial", "0")
          .cache("empty_cache", "slabs", "0");

  private static int count(String text, String part) {
    return text.split(part, -1).length - 1;
  }

  @Test
  void numaListingHasOneHeaderAndSkipsEmptyCaches() {
    assertEquals(
        "\nSlab                 :    0    1\n"
            + "--------------------------------\n"
            + "dentry                    1    2\n"
            + "inode_cache               0 1.5K\n",
        ToolRun.of(tree, "-n").out());
  }

  @Test
  void reportShowsAllAndPartialSlabsPerNode() {
    String out = ToolRun.of(tree, "-r", "dentry").out();
    assertEquals(
        "\nNUMA nodes           :    0    1\n"
            + "--------------------------------\n"
            + "All slabs                 1    2\n"
            + "Partial slabs             0    1\n",
        out.substring(out.indexOf("\nNUMA nodes")));
  }

  @Test
  void onlyTheFirstReportPrintsTheNumaHeader() {
    String out = ToolRun.of(tree, "-r").out();
    assertEquals(2, count(out, "\nAll slabs "));
    assertEquals(1, count(out, "\nNUMA nodes "));
  }

  @Test
  void trackingPrintsTheCallsFileWhenPresent() {
    MapSlabSysfs traced = new MapSlabSysfs().cache("dentry", "alloc_calls", "5 d_alloc+0x1a");
    assertEquals(
        "\ndentry: Kernel object allocation\n"
            + "-----------------------------------------------------------------------\n"
            + "5 d_alloc+0x1a\n"
            + "\ndentry: Kernel object freeing\n"
            + "------------------------------------------------------------------------\n"
            + "No Data\n",
        ToolRun.of(traced, "-t").out());
  }
}
