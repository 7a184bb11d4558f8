package dev.slubsmo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.mm.MachineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScaleReportTest {
  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(2.0, ScaleReport.median(new double[] {3, 1, 2}));
    assertEquals(2.5, ScaleReport.median(new double[] {4, 1, 3, 2}));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 10_000, 10_000_000})
  void memoryIsWholeBuddyBlocksWithRoomForAFragmentedShrink(int live) {
    long mem = ScaleReport.memoryFor(live);
    assertEquals(0, mem % MachineConfig.MAX_BLOCK_BYTES);
    long peakSlots = live + live / 2L;
    assertTrue(mem >= peakSlots * (HandleCache.OBJECT_SIZE + 16), "mem " + mem);
  }

  @Test
  void oneRowHasAColumnPerHeader() {
    String row = ScaleReport.measureRow(2_000, 1, 2_000, 1);
    assertEquals(ScaleReport.HEADER.split("\t").length, row.split("\t").length, row);
    assertTrue(row.startsWith("2000\t"), row);
  }
}
