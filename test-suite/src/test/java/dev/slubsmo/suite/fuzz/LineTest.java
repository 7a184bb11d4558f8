package dev.slubsmo.suite.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineTest {
  @Test
  void callfnAllocWithANodeIsAnAllocOnANode() {
    Line l = Line.of("echo alloc 5 1 > /sys/kernel/debug/smo/callfn");
    assertEquals(Kind.ALLOC_NODE, l.kind());
    assertArrayEquals(new long[] {5, 1}, l.args());
  }

  @Test
  void callfnAllocWithoutANodeIsAPlainAlloc() {
    assertEquals(Kind.ALLOC, Line.of("echo alloc 5 > /sys/kernel/debug/smo/callfn").kind());
  }

  @Test
  void sysfsWriteNamesItsCacheAndFile() {
    Line l = Line.of("echo 40 > /sys/kernel/slab/smo_test/defrag_used_ratio");
    assertEquals(Kind.DEFRAG_RATIO, l.kind());
    assertEquals("smo_test", l.cache());
    assertEquals("defrag_used_ratio", l.file());
    assertEquals(40, l.arg(0));
  }

  @Test
  void moveTakesTheNodeNumbers() {
    Line l = Line.of("echo N2 N0 > /sys/kernel/slab/smo_test/move");
    assertEquals(Kind.MOVE, l.kind());
    assertArrayEquals(new long[] {2, 0}, l.args());
  }

  @Test
  void xarrayCallfnIsAnXarrayCommand() {
    assertEquals(Kind.XA_MARK, Line.of("echo mark 6 2 > /sys/kernel/debug/smox/callfn").kind());
  }

  @Test
  void missingArgumentIsMinusOneAsCallfnDefaultsIt() {
    assertEquals(-1, Line.of("echo free 3 > /sys/kernel/debug/smo/callfn").arg(1));
  }

  @Test
  void unknownLineIsOther() {
    assertEquals(Kind.OTHER, Line.of("ls").kind());
  }
}
