package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.slab.SlabGeometrySnapshot.Row;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** kmalloc size classes (spec 2.5) and their 6.x names and alignment. */
class KmallocClassesTest {
  private static final Pattern KMALLOC_ROW =
      Pattern.compile("(kmalloc|kmalloc-rcl|kmalloc-cg|dma-kmalloc)-\\d+k?");
  private static final List<Integer> CLASS_SIZES =
      IntStream.rangeClosed(1, Sizing.KMALLOC_SHIFT_HIGH)
          .map(Sizing::kmallocSize)
          .sorted()
          .boxed()
          .collect(Collectors.toList());

  @ParameterizedTest
  @CsvSource({
    "0,0", "1,3", "8,3", "9,4", "16,4", "17,5", "32,5", "33,6", "64,6", "65,1", "96,1", "97,7",
    "128,7", "129,2", "192,2", "193,8", "256,8", "257,9", "4096,12", "4097,13", "8192,13", "8193,-1"
  })
  void indexBoundaries(long size, int index) {
    assertEquals(index, Sizing.kmallocIndex(size));
  }

  @Test
  void everyRequestGetsTheSmallestClassHoldingIt() {
    for (int size = 1; size <= Sizing.KMALLOC_MAX_CACHE_SIZE; size++) {
      int classSize = Sizing.kmallocSize(Sizing.kmallocIndex(size));
      int request = size;
      assertTrue(classSize >= size, "class " + classSize + " for " + size);
      assertTrue(
          CLASS_SIZES.stream().noneMatch(c -> c >= request && c < classSize),
          "a smaller class holds " + size);
    }
  }

  @Test
  void largeRequestsHaveNoClass() {
    assertEquals(-1, Sizing.kmallocIndex(1L << 20));
  }

  @Test
  void negativeRequestIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Sizing.kmallocIndex(-1));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 14})
  void sizeOfUnknownIndexIsRejected(int index) {
    assertThrows(IllegalArgumentException.class, () -> Sizing.kmallocSize(index));
  }

  @ParameterizedTest
  @CsvSource({
    "kmalloc,96,kmalloc-96",
    "kmalloc-,1024,kmalloc-1k",
    "kmalloc,8192,kmalloc-8k",
    "dma-kmalloc-,512,dma-kmalloc-512",
    "kmalloc-rcl,2048,kmalloc-rcl-2k"
  })
  void namesUseKForKib(String prefix, int size, String name) {
    assertEquals(name, Sizing.kmallocName(prefix, size));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 100, 16384})
  void nonClassSizesAreRejected(int size) {
    assertThrows(IllegalArgumentException.class, () -> Sizing.kmallocName("kmalloc", size));
    assertThrows(
        IllegalArgumentException.class, () -> Sizing.kmallocAlign(size, GeometryProfile.V6));
  }

  @Test
  void v50AlignsEveryClassToAWord() {
    for (int size : CLASS_SIZES) {
      assertEquals(Sizing.ARCH_SLAB_MINALIGN, Sizing.kmallocAlign(size, GeometryProfile.V5_0));
    }
  }

  @Test
  void snapshotKmallocCachesHaveTheirNameAndAlignment() {
    List<Row> rows =
        SlabGeometrySnapshot.rows().stream()
            .filter(r -> KMALLOC_ROW.matcher(r.cache()).matches())
            .collect(Collectors.toList());
    assertEquals(4 * CLASS_SIZES.size(), rows.size());
    for (Row r : rows) {
      Matcher m = KMALLOC_ROW.matcher(r.cache());
      assertTrue(m.matches());
      int requested = Sizing.kmallocAlign(r.objectSize(), GeometryProfile.V6);
      assertEquals(r.cache(), Sizing.kmallocName(m.group(1), r.objectSize()));
      assertEquals(r.align(), Sizing.calculateAlignment(0, requested, r.objectSize()), r.cache());
    }
  }
}
