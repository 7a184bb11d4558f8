package dev.slubsmo.testmodule.slabinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.testmodule.lang.Session;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelSlabSysfsTest {
  private final Session session = new Session();
  private final ModelSlabSysfs sysfs = new ModelSlabSysfs(session.sysfs());

  @Test
  void entriesListCachesAndAliasesOfTheModel() throws Exception {
    session.execute("create merged_a size=100");
    session.execute("create merged_b size=100");
    var entries = sysfs.entries();
    String dir = session.cache("merged_a").sysfsName();
    assertTrue(entries.contains(SlabSysfs.Entry.cache(dir)), entries.toString());
    assertTrue(entries.contains(SlabSysfs.Entry.alias("merged_b", dir)), entries.toString());
  }

  @Test
  void readsGoThroughTheModelsViews() {
    session.execute("echo alloc 3 > /sys/kernel/debug/smo/callfn");
    assertEquals(
        Optional.of(session.execute("cat /sys/kernel/slab/smo_test/objs_per_slab")),
        sysfs.read("smo_test", "objs_per_slab"));
    assertEquals(Optional.empty(), sysfs.read("smo_test", "no_such_file"));
  }

  @Test
  void slabinfoCommandReportsTheModel() {
    session.execute("machine slub_debug");
    session.execute("echo alloc 21 > /sys/kernel/debug/smo/callfn");
    session.execute("echo free 1 > /sys/kernel/debug/smo/callfn");
    String report = session.execute("slabinfo -r smo_test");
    assertTrue(report.contains("Slabcache: smo_test"), report);
    assertTrue(report.contains("Partial:       2"), report);
  }

  @Test
  void slabinfoShrinkWritesThroughToTheModel() {
    session.execute("machine slub_debug");
    session.execute("echo alloc 21 > /sys/kernel/debug/smo/callfn");
    session.execute("echo free 1 > /sys/kernel/debug/smo/callfn");
    session.execute("echo enable > /sys/kernel/debug/smo/callfn");
    session.execute("slabinfo -s smo_test");
    assertEquals("1 N0=1\n", session.execute("cat /sys/kernel/slab/smo_test/slabs"));
  }
}
