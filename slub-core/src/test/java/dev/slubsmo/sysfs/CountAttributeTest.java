package dev.slubsmo.sysfs;

import static dev.slubsmo.sysfs.Boot.path;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.slab.KmemCache;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The count files: a total, then N<node>= for every node with a non-zero count. */
class CountAttributeTest {
  private final Machine m = Boot.plain();
  private final SysfsTree sysfs = Boot.sysfs(m);
  private final KmemCache s = m.slub().createCache("counted", 56, 0, 0, (mem, p) -> {});
  private final int ops = s.objsPerSlab();

  private String read(String attribute) {
    return sysfs.read(path("counted", attribute));
  }

  @Test
  void emptyCacheCountsPrintOnlyZero() {
    for (String a : List.of("objects", "objects_partial", "partial", "total_objects", "slabs")) {
      assertEquals("0\n", read(a), a);
    }
  }

  @Test
  void objectsCountFreeObjectsOfCpuSlabsAsUsed() {
    Boot.alloc(m, s, 0, ops + 1);
    assertEquals((2 * ops) + " N0=" + (2 * ops) + "\n", read("objects"));
  }

  @Test
  void totalObjectsAndSlabsIncludeCpuAndFullSlabs() {
    Boot.alloc(m, s, 0, ops + 1);
    assertEquals((2 * ops) + " N0=" + (2 * ops) + "\n", read("total_objects"));
    assertEquals("2 N0=2\n", read("slabs"));
  }

  @Test
  void partialCountsFollowTheNodePartialList() {
    Boot.alloc(m, s, 0, ops + 1);
    s.flushAll();
    assertEquals("1 N0=1\n", read("partial"));
    assertEquals("1 N0=1\n", read("objects_partial"));
    assertEquals((ops + 1) + " N0=" + (ops + 1) + "\n", read("objects"));
  }

  @Test
  void cpuSlabsCountsCpuSlabAndChainPages() {
    List<Long> objs = Boot.alloc(m, s, 0, ops + 1);
    s.free(m.cpu(0), objs.get(0));
    assertEquals("2 N0=2\n", read("cpu_slabs"));
  }

  @Test
  void cpuSlabsSkipsCpuWithOnlyAChain() {
    List<Long> objs = Boot.alloc(m, s, 0, ops + 1);
    s.free(m.cpu(1), objs.get(0));
    assertEquals("1 N0=1\n", read("cpu_slabs"));
  }

  @Test
  void slabsCpuPartialPrintsObjectsAndPagesPerCpu() {
    List<Long> objs = Boot.alloc(m, s, 0, ops + 1);
    s.free(m.cpu(1), objs.get(0));
    assertEquals("1(1) C1=1(1)\n", read("slabs_cpu_partial"));
  }

  @Test
  void slabsCpuPartialWithoutChainsIsZero() {
    Boot.alloc(m, s, 0, 1);
    assertEquals("0(0)\n", read("slabs_cpu_partial"));
  }

  @Test
  void twoNodesPrintBothNodeSuffixes() {
    Machine two = Boot.twoNodes(MachineOptions.defaults());
    KmemCache c = two.slub().createCache("counted", 56, 0, 0, (mem, p) -> {});
    Boot.alloc(two, c, 0, 3);
    Boot.alloc(two, c, 1, 2);
    SysfsTree t = Boot.sysfs(two);
    int n = c.objsPerSlab();
    assertEquals((2 * n) + " N0=" + n + " N1=" + n + "\n", t.read(path("counted", "objects")));
    assertEquals(
        (2 * n) + " N0=" + n + " N1=" + n + "\n", t.read(path("counted", "total_objects")));
    assertEquals("2 N0=1 N1=1\n", t.read(path("counted", "slabs")));
    assertEquals("2 N0=1 N1=1\n", t.read(path("counted", "cpu_slabs")));
    c.flushAll();
    assertEquals("5 N0=3 N1=2\n", t.read(path("counted", "objects_partial")));
    assertEquals("2 N0=1 N1=1\n", t.read(path("counted", "partial")));
  }

  @Test
  void twoNodesOmitANodeWithZeroCount() {
    Machine two = Boot.twoNodes(MachineOptions.defaults());
    KmemCache c = two.slub().createCache("counted", 56, 0, 0, (mem, p) -> {});
    Boot.alloc(two, c, 1, 1);
    assertEquals("1 N1=1\n", Boot.sysfs(two).read(path("counted", "slabs")));
  }
}
