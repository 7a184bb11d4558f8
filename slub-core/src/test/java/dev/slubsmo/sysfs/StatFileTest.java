package dev.slubsmo.sysfs;

import static dev.slubsmo.sysfs.Boot.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.StatItem;
import org.junit.jupiter.api.Test;

/** The CONFIG_SLUB_STATS files: a sum, then C<cpu>= for every CPU with a non-zero count. */
class StatFileTest {
  private final Machine m = Boot.plain();
  private final SysfsTree sysfs = Boot.sysfs(m);
  private final KmemCache s = m.slub().createCache("stats", 56, 0, 0, (mem, p) -> {});
  private final String fastpath = path("stats", "alloc_fastpath");

  @Test
  void everyStatItemHasAFile() {
    for (StatItem item : StatItem.values()) {
      assertEquals("0\n", sysfs.read(path("stats", item.fileName())), item.name());
    }
  }

  @Test
  void smoCountersAreStatFiles() {
    assertTrue(sysfs.list(SysfsTree.ROOT + "/stats").contains("smo_objects_moved"));
  }

  @Test
  void statPrintsSumAndEachNonZeroCpu() {
    Boot.alloc(m, s, 0, 3);
    Boot.alloc(m, s, 1, 5);
    long c0 = s.cpuSlab(0).stat(StatItem.ALLOC_FASTPATH);
    long c1 = s.cpuSlab(1).stat(StatItem.ALLOC_FASTPATH);
    assertEquals((c0 + c1) + " C0=" + c0 + " C1=" + c1 + "\n", sysfs.read(fastpath));
  }

  @Test
  void statOmitsCpusWithZeroCount() {
    Boot.alloc(m, s, 1, 5);
    long c1 = s.cpuSlab(1).stat(StatItem.ALLOC_FASTPATH);
    assertEquals(c1 + " C1=" + c1 + "\n", sysfs.read(fastpath));
  }

  @Test
  void writingZeroClearsEveryCpu() {
    Boot.alloc(m, s, 0, 3);
    Boot.alloc(m, s, 1, 3);
    sysfs.write(fastpath, "0\n");
    assertEquals("0\n", sysfs.read(fastpath));
  }

  @Test
  void writingOtherThanZeroIsEinvalAndKeepsCounts() {
    Boot.alloc(m, s, 0, 3);
    String before = sysfs.read(fastpath);
    SysfsException e = assertThrows(SysfsException.class, () -> sysfs.write(fastpath, "1\n"));
    assertEquals(Errno.EINVAL, e.errno());
    assertEquals(before, sysfs.read(fastpath));
  }
}
