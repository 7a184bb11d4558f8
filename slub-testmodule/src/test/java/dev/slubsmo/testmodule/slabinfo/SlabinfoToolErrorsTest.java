package dev.slubsmo.testmodule.slabinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: one clear message on stderr, exit status 1, nothing on stdout. */
class SlabinfoToolErrorsTest {
  private final MapSlabSysfs tree =
      new MapSlabSysfs().cache("dentry", "slabs", "1", "objects", "1");

  @Test
  void badShortOptionFailsWithGetoptsAndTheToolsMessages() {
    ToolRun run = ToolRun.of(tree, "-q");
    assertEquals(
        new ToolRun(1, "", "slabinfo: invalid option -- 'q'\nslabinfo: Invalid option 'q'\n"), run);
  }

  @Test
  void unknownLongOptionIsNamed() {
    ToolRun run = ToolRun.of(tree, "--bogus");
    assertEquals(
        new ToolRun(
            1, "", "slabinfo: unrecognized option '--bogus'\nslabinfo: Invalid option '--bogus'\n"),
        run);
  }

  @Test
  void partialLongOptionHasNoCaseInTheTool() {
    ToolRun run = ToolRun.of(tree, "--partial");
    assertEquals(new ToolRun(1, "", "slabinfo: Invalid option '--partial'\n"), run);
  }

  @Test
  void missingLinesArgumentFails() {
    ToolRun run = ToolRun.of(tree, "-N");
    assertEquals(
        new ToolRun(
            1, "", "slabinfo: option requires an argument -- 'N'\nslabinfo: Invalid option 'N'\n"),
        run);
  }

  @Test
  void repeatedDebugLetterIsInvalid() {
    ToolRun run = ToolRun.of(tree, "-dff");
    assertEquals(new ToolRun(1, "", "Invalid debug option 'ff'\n"), run);
  }

  @Test
  void invalidPatternReportsTheRegcompCode() {
    ToolRun run = ToolRun.of(tree, "a\\{");
    assertEquals(
        new ToolRun(
            1, "", "slabinfo: Invalid pattern 'a\\{' code " + PosixBasicRegex.REG_EBRACE + "\n"),
        run);
  }

  @Test
  void missingDirectoryMeansNoSysfsSupport(@TempDir Path tmp) {
    Path missing = tmp.resolve("slab");
    ToolRun run = ToolRun.of(new DirectorySlabSysfs(missing, Optional.empty()));
    assertEquals(1, run.status());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("SYSFS support for SLUB not active ("), run.err());
    assertTrue(run.err().contains(missing.toString()), run.err());
  }

  @Test
  void orderNotMatchingTheDirectoryIsRejected(@TempDir Path tmp) throws Exception {
    Files.createDirectory(tmp.resolve("dentry"));
    Files.createDirectory(tmp.resolve("kmalloc-64"));
    ToolRun run = ToolRun.of(new DirectorySlabSysfs(tmp, Optional.of(List.of("dentry"))));
    assertEquals(1, run.status());
    assertEquals("", run.out());
    assertTrue(run.err().contains("not in order [kmalloc-64]"), run.err());
  }

  @Test
  void regularFileAtTopLevelIsAnUnknownType(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("stray"), "");
    ToolRun run = ToolRun.of(new DirectorySlabSysfs(tmp, Optional.empty()));
    assertEquals(1, run.status());
    assertTrue(run.err().contains("unknown file type of " + tmp.resolve("stray")), run.err());
  }

  @Test
  void aliasOfAMissingCacheIsUnresolved() {
    ToolRun run = ToolRun.of(new MapSlabSysfs().alias("orphan", ":0000064"));
    assertEquals(new ToolRun(1, "", "Unresolved alias :0000064\n"), run);
  }
}
