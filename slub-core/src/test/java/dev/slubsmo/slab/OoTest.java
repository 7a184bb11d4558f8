package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OoTest {
  @Test
  void packsOrderAboveObjects() {
    int oo = Oo.make(2, 31);
    assertEquals(2 << Oo.OO_SHIFT | 31, oo);
    assertEquals(2, Oo.order(oo));
    assertEquals(31, Oo.objects(oo));
  }

  @Test
  void makeRejectsObjectsWiderThanTheMask() {
    assertThrows(IllegalArgumentException.class, () -> Oo.make(0, Oo.OO_MASK + 1));
  }

  @Test
  void makeRejectsNegativeOrder() {
    assertThrows(IllegalArgumentException.class, () -> Oo.make(-1, 1));
  }

  @ParameterizedTest
  @ValueSource(ints = {8, 96, 392, 528, 4096, 5000})
  void orderObjectsCountsWholeSlots(int size) {
    for (int order = 0; order < Oo.MAX_ORDER; order++) {
      int slab = Oo.PAGE_SIZE << order;
      int objects = Oo.orderObjects(order, size);
      assertTrue(objects * size <= slab && (objects + 1) * size > slab);
    }
  }

  @Test
  void orderObjectsRejectsEmptySlot() {
    assertThrows(IllegalArgumentException.class, () -> Oo.orderObjects(0, 0));
  }

  @ParameterizedTest
  @CsvSource({"1,0", "4096,0", "4097,1", "8192,1", "8193,2", "4194304,10", "4194305,11"})
  void getOrderIsTheSmallestOrderHoldingSize(long size, int order) {
    assertEquals(order, Oo.getOrder(size));
  }

  @Test
  void getOrderRejectsZero() {
    assertThrows(IllegalArgumentException.class, () -> Oo.getOrder(0));
  }

  @ParameterizedTest
  @CsvSource({"0,0", "1,1", "2,2", "3,2", "4,3", "8191,13", "-2147483648,32"})
  void flsFindsTheHighestSetBit(int x, int fls) {
    assertEquals(fls, Oo.fls(x));
  }
}
