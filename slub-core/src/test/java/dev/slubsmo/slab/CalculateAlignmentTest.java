package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.slab.SlabGeometrySnapshot.Row;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalculateAlignmentTest {
  private static final int HW = SlabFlags.HWCACHE_ALIGN;

  @ParameterizedTest
  @CsvSource({"8,8", "16,16", "17,32", "32,32", "33,64", "200,64"})
  void hwcacheAlignHalvesTheCacheLineWhileTheObjectFitsHalf(int size, int align) {
    assertEquals(align, Sizing.calculateAlignment(HW, 0, size));
  }

  @Test
  void hwcacheAlignKeepsALargerRequest() {
    assertEquals(128, Sizing.calculateAlignment(HW, 128, 200));
  }

  @ParameterizedTest
  @CsvSource({"0,8", "1,8", "4,8", "16,16", "4096,4096"})
  void withoutHwcacheTheRequestIsRaisedToAWord(int requested, int align) {
    assertEquals(align, Sizing.calculateAlignment(0, requested, 200));
  }

  @Test
  void matchesEverySnapshotCacheWithHwcacheAlign() {
    List<Row> hw =
        SlabGeometrySnapshot.rows().stream()
            .filter(r -> SlabFlags.has(r.flags(), HW))
            .collect(Collectors.toList());
    assertTrue(hw.size() > 0);
    for (Row r : hw) {
      assertEquals(r.align(), Sizing.calculateAlignment(HW, 0, r.objectSize()), r.cache());
    }
  }

  @Test
  void rejectsAlignThatIsNotAPowerOfTwo() {
    assertThrows(IllegalArgumentException.class, () -> Sizing.calculateAlignment(0, 24, 64));
  }

  @Test
  void rejectsEmptyObject() {
    assertThrows(IllegalArgumentException.class, () -> Sizing.calculateAlignment(0, 8, 0));
  }
}
