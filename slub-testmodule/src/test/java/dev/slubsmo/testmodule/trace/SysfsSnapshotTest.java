package dev.slubsmo.testmodule.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SysfsSnapshotTest {
  static final String AFTER = "/traces/dcache-walk/sysfs.after.tsv";
  static final String HEADER =
      "cache\tobject_size\tslab_size\tobjs_per_slab\torder\tobjects\tslabs\tpartial\tcpu_slabs"
          + "\ttotal_objects\n";

  static SysfsSnapshot bundledAfter() throws IOException {
    try (InputStream in = SysfsSnapshotTest.class.getResourceAsStream(AFTER)) {
      return SysfsSnapshot.parse(new InputStreamReader(in, StandardCharsets.UTF_8), AFTER);
    }
  }

  static String error(String text) {
    return assertThrows(
            IllegalArgumentException.class,
            () -> SysfsSnapshot.parse(new StringReader(text), "s.tsv"))
        .getMessage();
  }

  @Test
  void readsOneRowPerCacheOfTheBundledSnapshot() throws IOException {
    long rows;
    try (InputStream in = SysfsSnapshotTest.class.getResourceAsStream(AFTER)) {
      rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().count() - 1;
    }
    assertEquals(rows, bundledAfter().rows().size());
  }

  /** The fragmentation shared/data/README.md describes after the dcache walk. */
  @Test
  void ext4InodeCacheAfterTheWalkIsFragmented() throws IOException {
    SysfsSnapshot.Row ext4 = bundledAfter().rows().get("ext4_inode_cache");
    assertEquals(4955, ext4.objects());
    assertEquals(1708, ext4.slabs());
    assertEquals(1681, ext4.partial());
    assertEquals(2, ext4.order());
  }

  @Test
  void rowFieldsAreReadByHeaderName() throws IOException {
    SysfsSnapshot s =
        SysfsSnapshot.parse(
            new StringReader(HEADER + "dentry\t192\t192\t21\t0\t50\t3\t1\t2\t63\n"), "s");
    assertEquals(
        new SysfsSnapshot.Row("dentry", 192, 192, 21, 0, 50, 3, 1, 2, 63), s.rows().get("dentry"));
  }

  @Test
  void wrongFieldCountNamesFileAndLine() {
    assertEquals(
        "s.tsv line 3: expected 10 tab-separated fields, found 9",
        error(HEADER + "a\t1\t1\t1\t0\t1\t1\t0\t0\t1\nb\t1\t1\t1\t0\t1\t1\t0\t0\n"));
  }

  @Test
  void nonNumberNamesFileLineAndColumn() {
    assertEquals(
        "s.tsv line 2: column 'slabs': not a non-negative integer: 'x'",
        error(HEADER + "a\t1\t1\t1\t0\t1\tx\t0\t0\t1\n"));
  }

  @Test
  void duplicateCacheIsAnError() {
    String row = "a\t1\t1\t1\t0\t1\t1\t0\t0\t1\n";
    assertEquals("s.tsv line 3: cache 'a' listed twice", error(HEADER + row + row));
  }

  @Test
  void emptyCacheNameIsAnError() {
    assertEquals(
        "s.tsv line 2: column 'cache': empty", error(HEADER + "\t1\t1\t1\t0\t1\t1\t0\t0\t1\n"));
  }

  @Test
  void missingHeaderColumnIsAnError() {
    assertEquals(
        "s.tsv line 1: header has no column 'cache': name object_size",
        error("name\tobject_size\n"));
  }
}
