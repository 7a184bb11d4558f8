package dev.slubsmo.testmodule.slabinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options that write to sysfs: {@code -s}, {@code -v} and {@code -d}. */
class SlabinfoWritesTest {
  @TempDir Path slab;

  private Path cache(String name, String... attributeValuePairs) throws Exception {
    Path dir = Files.createDirectory(slab.resolve(name));
    for (int i = 0; i < attributeValuePairs.length; i += 2) {
      Files.writeString(dir.resolve(attributeValuePairs[i]), attributeValuePairs[i + 1]);
    }
    return dir;
  }

  @Test
  void shrinkWritesOneToEachMatchingCache() throws Exception {
    Path dentry = cache("dentry", "shrink", "");
    Path inode = cache("inode_cache", "shrink", "");
    ToolRun run = ToolRun.of(new DirectorySlabSysfs(slab, Optional.empty()), "-s", "dentry");
    assertEquals(new ToolRun(0, "", ""), run);
    assertEquals("1\n", Files.readString(dentry.resolve("shrink")));
    assertEquals("", Files.readString(inode.resolve("shrink")));
  }

  @Test
  void validateGoesThroughTheAliasName() throws Exception {
    Path merged = cache(":0000064", "validate", "");
    Files.createSymbolicLink(slab.resolve("kmalloc-64"), merged.getFileName());
    ToolRun run = ToolRun.of(new DirectorySlabSysfs(slab, Optional.empty()), "-v");
    assertEquals(new ToolRun(0, "", ""), run);
    assertEquals("1\n", Files.readString(merged.resolve("validate")));
  }

  @Test
  void unwritableAttributeStopsTheTool() throws Exception {
    cache("dentry");
    ToolRun run = ToolRun.of(new DirectorySlabSysfs(slab, Optional.empty()), "--shrink");
    assertEquals(new ToolRun(1, "", "Cannot write to dentry/shrink\n"), run);
  }

  @Test
  void debugCannotEnableRedzoningOnACacheInUse() {
    MapSlabSysfs tree =
        new MapSlabSysfs().cache("dentry", "objects", "5", "slabs", "1", "red_zone", "0");
    ToolRun run = ToolRun.of(tree, "-dz");
    assertEquals(new ToolRun(0, "", "dentry not empty cannot enable redzoning\n"), run);
  }

  @Test
  void debugShrinksAnEmptyCacheBeforeEnablingPoisoning() {
    MapSlabSysfs tree =
        new MapSlabSysfs()
            .cache("dentry", "objects", "0", "slabs", "2", "poison", "0", "shrink", "");
    assertEquals(new ToolRun(0, "", ""), ToolRun.of(tree, "--debug=p"));
    assertEquals(Optional.of("1\n"), tree.read("dentry", "shrink"));
    assertEquals(Optional.of("1\n"), tree.read("dentry", "poison"));
  }
}
