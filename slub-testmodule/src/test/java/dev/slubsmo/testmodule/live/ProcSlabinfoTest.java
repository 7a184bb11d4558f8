package dev.slubsmo.testmodule.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcSlabinfoTest {
  private static final String BUNDLED = "/traces/dcache-walk/slabinfo.before";

  @Test
  void realSlabinfoAgreesWithSysfsOnGeometry() {
    LiveSlabReader reader = new LiveSlabReader();
    Map<String, LiveCache> byName = new HashMap<>();
    for (LiveCache c : reader.readCaches()) {
      byName.put(c.name(), c);
      c.aliases().forEach(alias -> byName.put(alias, c));
    }
    List<SlabinfoEntry> entries = reader.readSlabinfo();
    assertTrue(entries.stream().anyMatch(e -> e.name().equals("dentry")));
    for (SlabinfoEntry e : entries) {
      LiveCache cache = byName.get(e.name());
      assertTrue(cache != null, e.name() + " is in slabinfo but not in sysfs");
      assertEquals(cache.objsPerSlab(), e.objPerSlab(), e.name());
      assertEquals(1 << cache.order(), e.pagesPerSlab(), e.name());
      assertEquals(cache.slabSize(), e.objSize(), e.name());
    }
  }

  @Test
  void bundledSnapshotGivesOneEntryPerCacheLine() throws IOException {
    List<String> lines = bundledLines();
    List<SlabinfoEntry> entries = ProcSlabinfo.parse(lines, Path.of(BUNDLED));
    assertEquals(lines.size() - 2, entries.size());
    assertEquals(lines.get(2).split(" +")[0], entries.get(0).name());
  }

  @Test
  void otherVersionIsRefusedNamingFileAndVersion(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("slabinfo"), "slabinfo - version: 2.0\n");
    LiveKernelException e = assertThrows(LiveKernelException.class, () -> ProcSlabinfo.parse(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("version: 2.0"), e.getMessage());
  }

  @Test
  void malformedLineIsRefusedNamingItsNumber(@TempDir Path dir) throws IOException {
    List<String> lines = bundledLines().subList(0, 3);
    Path file = dir.resolve("slabinfo");
    Files.write(file, List.of(lines.get(0), lines.get(1), lines.get(2).replace("tunables", "x")));
    LiveKernelException e = assertThrows(LiveKernelException.class, () -> ProcSlabinfo.parse(file));
    assertTrue(e.getMessage().contains(file + " line 3"), e.getMessage());
  }

  @Test
  void unreadableFileNamesThePath(@TempDir Path dir) {
    Path missing = dir.resolve("slabinfo");
    LiveKernelException e =
        assertThrows(LiveKernelException.class, () -> ProcSlabinfo.parse(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  private static List<String> bundledLines() throws IOException {
    try (InputStream in = ProcSlabinfoTest.class.getResourceAsStream(BUNDLED)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
