package dev.slubsmo.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.smo.Mobility;
import dev.slubsmo.smo.Smo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /proc/slabinfo} version 2.1 and {@code /proc/buddyinfo}. */
class SlabinfoTest {
  private static List<String> realLines() throws IOException {
    try (InputStream in = SlabinfoTest.class.getResourceAsStream("/linux-6.18/proc-slabinfo.txt")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return List.of(text.split("\n", -1));
    }
  }

  @Test
  void headerMatchesTheRealFile() throws IOException {
    List<String> real = realLines();
    assertEquals(real.get(0) + "\n" + real.get(1) + "\n", SlabinfoRow.HEADER);
  }

  @Test
  void formattingTheRealNumbersReproducesEveryRealLine() throws IOException {
    List<String> real = realLines();
    List<String> lines = real.subList(2, real.size() - 1);
    assertTrue(lines.size() > 200, "rows: " + lines.size());
    assertEquals("", real.get(real.size() - 1), "the file ends with a newline");
    for (String line : lines) {
      String[] f = line.trim().split(" +");
      assertEquals(
          List.of(":", "tunables", "0", "0", "0", ":", "slabdata"),
          List.of(f).subList(6, 13),
          line);
      assertEquals("0", f[15], line);
      SlabinfoRow row =
          new SlabinfoRow(
              f[0],
              Long.parseLong(f[1]),
              Long.parseLong(f[2]),
              Integer.parseInt(f[3]),
              Integer.parseInt(f[4]),
              Integer.parseInt(f[5]),
              Long.parseLong(f[13]),
              Long.parseLong(f[14]));
      assertEquals(line + "\n", row.format());
    }
  }

  @Test
  void smoTestCacheUnderFzpuPrintsTheReportedLine() {
    Machine m = Boot.debug();
    KmemCache s = m.slub().createCache("smo_test", 56, 0, 0, (mem, p) -> {});
    assertEquals(
        "smo_test               0      0    392   20    2 : tunables    0    0    0"
            + " : slabdata      0      0      0\n",
        SlabinfoRow.of(s).format());
  }

  @Test
  void activeObjectsExcludeFreeObjectsOfPartialSlabs() {
    Machine m = Boot.plain();
    KmemCache s = m.slub().createCache("rows", 56, 0, 0, (mem, p) -> {});
    int ops = s.objsPerSlab();
    Boot.alloc(m, s, 0, ops + 1);
    s.flushAll();
    SlabinfoRow row = SlabinfoRow.of(s);
    assertEquals(ops + 1, row.activeObjs());
    assertEquals(2L * ops, row.numObjs());
    assertEquals(2, row.activeSlabs());
    assertEquals(2, row.numSlabs());
    assertEquals(1 << s.order(), row.pagesPerSlab());
  }

  @Test
  void slabinfoListsCachesInSlabCachesOrder() {
    Machine m = Boot.debug();
    KmemCache s = m.slub().createCache("smo_test", 56, 0, 0, (mem, p) -> {});
    Smo.setupMobility(s, Mobility.of(null, (c, o, n, node, p) -> {}, "smo_cache_migrate"));
    String text = new ProcFiles(m.slub()).read(ProcFiles.SLABINFO);
    List<String> expected = new ArrayList<>();
    for (KmemCache c : m.slub().caches()) {
      expected.add(SlabinfoRow.of(c).format());
    }
    assertEquals(SlabinfoRow.HEADER + String.join("", expected), text);
    assertTrue(text.startsWith(SlabinfoRow.HEADER + "smo_test "), text);
  }

  @Test
  void buddyinfoIsThePageAllocatorsView() {
    Machine m = Boot.plain();
    assertEquals(m.pages().buddyinfo(), new ProcFiles(m.slub()).read(ProcFiles.BUDDYINFO));
  }

  @Test
  void unknownProcFileIsEnoent() {
    Machine m = Boot.plain();
    SysfsException e =
        assertThrows(SysfsException.class, () -> new ProcFiles(m.slub()).read("/proc/meminfo"));
    assertEquals(Errno.ENOENT, e.errno());
  }
}
