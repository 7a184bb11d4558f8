package dev.slubsmo.testmodule.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeCountsTest {
  private static final Path SOURCE = Path.of("/sys/kernel/slab/dentry/objects");

  @Test
  void parsesTotalAndPerNodeValues() {
    NodeCounts counts = NodeCounts.parse("25 N0=11 N1=14\n", SOURCE);
    assertEquals(25, counts.total());
    assertEquals(Map.of(0, 11L, 1, 14L), counts.perNode());
  }

  @Test
  void totalStandsForOneNodeWhenNoneArePrinted() {
    assertEquals(List.of(7L), List.copyOf(NodeCounts.parse("7\n", SOURCE).nodeValues()));
  }

  @Test
  void malformedNodeTokenNamesTheFileAndText() {
    LiveKernelException e =
        assertThrows(LiveKernelException.class, () -> NodeCounts.parse("12 X0=12\n", SOURCE));
    assertTrue(e.getMessage().contains(SOURCE.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("12 X0=12"), e.getMessage());
  }
}
