package dev.slubsmo.testmodule.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.slab.SlabFlags;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeometryTableTest {
  static final String TABLE = "/traces/slab-geometry.tsv";

  static String bundledText() throws IOException {
    try (InputStream in = GeometryTableTest.class.getResourceAsStream(TABLE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static GeometryTable bundled() throws IOException {
    try (InputStream in = GeometryTableTest.class.getResourceAsStream(TABLE)) {
      return GeometryTable.parse(new InputStreamReader(in, StandardCharsets.UTF_8), TABLE);
    }
  }

  /** The bundled header and the dentry row with one cell replaced. */
  static String withDentryCell(String column, String value) throws IOException {
    List<String> lines = bundledText().lines().toList();
    List<String> header = List.of(lines.get(0).split("\t"));
    String[] dentry =
        lines.stream().filter(l -> l.startsWith("dentry\t")).findFirst().orElseThrow().split("\t");
    dentry[header.indexOf(column)] = value;
    return lines.get(0) + "\n" + String.join("\t", dentry) + "\n";
  }

  @Test
  void readsOneRowPerLineOfTheBundledTable() throws IOException {
    assertEquals(bundledText().lines().count() - 1, bundled().rows().size());
  }

  /** Snapshot cross-check of spec slub-model.md 2.7. */
  @Test
  void radixTreeNodeHasItsCtorAndSnapshotGeometry() throws IOException {
    GeometryTable.Row r = bundled().rows().get("radix_tree_node");
    assertEquals(576, r.objectSize());
    assertEquals(584, r.slabSize());
    assertEquals(14, r.objsPerSlab());
    assertEquals(1, r.order());
    assertTrue(r.hasCtor());
    assertTrue(r.ctor().startsWith("radix_tree_node_ctor"));
  }

  @Test
  void dashMeansNoCtor() throws IOException {
    GeometryTable.Row dentry = bundled().rows().get("dentry");
    assertFalse(dentry.hasCtor());
    assertNull(dentry.ctor());
  }

  @Test
  void flagColumnsBecomeSlabFlags() throws IOException {
    GeometryTable.Row dentry =
        GeometryTable.parse(new StringReader(withDentryCell("poison", "1")), "g")
            .rows()
            .get("dentry");
    assertTrue(SlabFlags.has(dentry.flags(), SlabFlags.RECLAIM_ACCOUNT));
    assertTrue(SlabFlags.has(dentry.flags(), SlabFlags.POISON));
    assertFalse(SlabFlags.has(dentry.flags(), SlabFlags.RED_ZONE));
    assertTrue(SlabFlags.has(bundled().rows().get("dma-kmalloc-192").flags(), SlabFlags.CACHE_DMA));
  }

  @Test
  void badFlagValueNamesFileLineAndColumn() throws IOException {
    String text = withDentryCell("red_zone", "2");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GeometryTable.parse(new StringReader(text), "g.tsv"));
    assertEquals("g.tsv line 2: column 'red_zone': not a flag (0, 1 or -): '2'", e.getMessage());
  }

  @Test
  void dashInANumberColumnIsAnError() throws IOException {
    String text = withDentryCell("order", "-");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GeometryTable.parse(new StringReader(text), "g.tsv"));
    assertEquals("g.tsv line 2: column 'order': not a non-negative integer: '-'", e.getMessage());
  }
}
