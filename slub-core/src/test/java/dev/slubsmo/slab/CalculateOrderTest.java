package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalculateOrderTest {
  private static SizingParams cpus(int n) {
    return new SizingParams(n, 0, 3, 0, GeometryProfile.V5_0);
  }

  private static void assertOrderAndObjects(int size, SizingParams p, int order, int objects) {
    int got = Sizing.calculateOrder(size, p);
    assertEquals(order, got, "order");
    assertEquals(objects, Oo.orderObjects(got, size), "objects");
  }

  /** Spec 2.3 worked values: 4 CPUs, so min_objects is 16. */
  @ParameterizedTest
  @CsvSource({
    "64,0,64",
    "192,0,21",
    "256,0,16",
    "512,1,16",
    "1024,2,16",
    "2048,3,16",
    "4096,3,8",
    "8192,3,4"
  })
  void workedValuesAtFourCpus(int size, int order, int objects) {
    assertOrderAndObjects(size, cpus(4), order, objects);
  }

  @ParameterizedTest
  @CsvSource({"1,0,10", "2,1,20", "15,1,20", "16,2,41", "511,2,41", "512,3,83"})
  void debugSlot392DependsOnCpuCount(int cpus, int order, int objects) {
    assertOrderAndObjects(392, cpus(cpus), order, objects);
  }

  @ParameterizedTest
  @CsvSource({"1,1,15", "3,1,15", "4,2,31", "63,2,31", "64,3,62", "4096,3,62"})
  void slot528DependsOnCpuCount(int cpus, int order, int objects) {
    assertOrderAndObjects(528, cpus(cpus), order, objects);
  }

  @Test
  void minObjectsOfOneTakesTheSmallestOrderHoldingOneSlot() {
    SizingParams p = new SizingParams(2, 0, 3, 1, GeometryProfile.V5_0);
    assertEquals(0, Sizing.calculateOrder(392, p));
    assertEquals(Oo.getOrder(5000), Sizing.calculateOrder(5000, p));
  }

  @Test
  void minOrderRaisesSmallSlots() {
    assertEquals(2, Sizing.calculateOrder(64, new SizingParams(2, 2, 3, 0, GeometryProfile.V5_0)));
  }

  @Test
  void slotsAboveMaxOrderFallBackToTheirOwnOrder() {
    int size = Oo.PAGE_SIZE << (Oo.MAX_ORDER - 1);
    assertEquals(Oo.MAX_ORDER - 1, Sizing.calculateOrder(size, cpus(2)));
  }

  @Test
  void slotLargerThanTheLargestBlockHasNoOrder() {
    int size = (Oo.PAGE_SIZE << (Oo.MAX_ORDER - 1)) + 1;
    assertEquals(Sizing.ENOSYS, Sizing.calculateOrder(size, cpus(2)));
  }

  @Test
  void slabOrderExceedsMaxOrderWhenNoLeftoverIsSmallEnough() {
    int size = 3000;
    int maxOrder = 3;
    for (int order = 0; order <= maxOrder; order++) {
      int slab = Oo.PAGE_SIZE << order;
      assertTrue(slab % size > slab / 16, "precondition: order " + order + " wastes > 1/16");
    }
    assertTrue(Sizing.slabOrder(size, 1, maxOrder, 16, cpus(2)) > maxOrder);
  }

  @Test
  void slabOrderStartsWhereMinObjectsFit() {
    assertEquals(Oo.getOrder(20 * 392), Sizing.slabOrder(392, 20, 3, 16, cpus(2)));
  }

  @Test
  void slabOrderCapsObjectsPerSlab() {
    SizingParams hugeMinOrder = new SizingParams(2, 10, 10, 0, GeometryProfile.V5_0);
    int order = Sizing.slabOrder(8, 1, 10, 16, hugeMinOrder);
    assertEquals(Oo.getOrder(8L * Oo.MAX_OBJS_PER_PAGE) - 1, order);
    assertTrue(Oo.orderObjects(order, 8) <= Oo.MAX_OBJS_PER_PAGE);
  }

  @Test
  void slabOrderRejectsZeroFraction() {
    assertThrows(IllegalArgumentException.class, () -> Sizing.slabOrder(64, 1, 3, 0, cpus(2)));
  }
}
