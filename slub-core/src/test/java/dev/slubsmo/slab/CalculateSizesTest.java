package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CalculateSizesTest {
  static final int FZPU =
      SlabFlags.CONSISTENCY_CHECKS | SlabFlags.RED_ZONE | SlabFlags.POISON | SlabFlags.STORE_USER;
  private static final int RCU = SlabFlags.TYPESAFE_BY_RCU;
  private static final SizingParams V5 = SizingParams.defaults(GeometryProfile.V5_0);
  private static final SizingParams V6 = SizingParams.defaults(GeometryProfile.V6);

  /** A cache as kmem_cache_create makes it: alignment first, then calculate_sizes. */
  static CacheGeometry create(int objectSize, int flags, boolean ctor, SizingParams p) {
    int align = Sizing.calculateAlignment(flags, 0, objectSize);
    return Sizing.calculateSizes(objectSize, align, flags, ctor, -1, -1, p);
  }

  @Test
  void smoTestDebugSlot() {
    CacheGeometry g = create(56, FZPU, true, V5);
    assertAll(
        () -> assertEquals(392, g.size(), "size"),
        () -> assertEquals(64, g.inuse(), "inuse"),
        () -> assertEquals(64, g.offset(), "offset"),
        () -> assertEquals(8, g.redLeftPad(), "red_left_pad"),
        () -> assertEquals(1, g.order(), "order"),
        () -> assertEquals(20, g.objects(), "objects"));
  }

  @Test
  void xarrayNodeWithCtor() {
    CacheGeometry g = create(576, SlabFlags.RECLAIM_ACCOUNT, true, V5);
    assertEquals(584, g.size());
    assertEquals(1, g.order());
    assertEquals(14, g.objects());
  }

  @Test
  void xarrayNodeWithFzpu() {
    CacheGeometry g = create(576, SlabFlags.RECLAIM_ACCOUNT | FZPU, true, V5);
    assertEquals(912, g.size());
    assertEquals(2, g.order());
    assertEquals(17, g.objects());
  }

  @ParameterizedTest
  @CsvSource({
    "poison,false,true",
    "poison,true,false",
    "poison|destroy_by_rcu,false,false",
    "none,false,false"
  })
  void objectIsPoisonedOnlyWithPoisonAndNeitherCtorNorRcu(
      String flags, boolean ctor, boolean poisoned) {
    CacheGeometry g = create(64, TestFlags.parse(flags), ctor, V5);
    assertEquals(poisoned, SlabFlags.has(g.flags(), SlabFlags.OBJECT_POISON));
  }

  @Test
  void staleObjectPoisonInTheGivenFlagsIsCleared() {
    CacheGeometry g = create(64, SlabFlags.OBJECT_POISON, false, V5);
    assertFalse(SlabFlags.has(g.flags(), SlabFlags.OBJECT_POISON));
  }

  @ParameterizedTest
  @CsvSource({"60,64", "64,72"})
  void redZoneAddsAWordOnlyWhenTheObjectFillsItsWords(int objectSize, int inuse) {
    assertEquals(inuse, create(objectSize, SlabFlags.RED_ZONE, false, V5).inuse());
  }

  @Test
  void leftRedZoneIsPaddedToTheAlignment() {
    CacheGeometry g = Sizing.calculateSizes(100, 64, SlabFlags.RED_ZONE, false, -1, -1, V5);
    assertEquals(64, g.redLeftPad());
    assertEquals(0, g.size() % 64);
  }

  @ParameterizedTest
  @CsvSource({"destroy_by_rcu,false", "poison,false", "none,true"})
  void freePointerGoesAfterTheObjectForRcuPoisonOrCtor(String flags, boolean ctor) {
    CacheGeometry plain = create(200, 0, false, V5);
    CacheGeometry g = create(200, TestFlags.parse(flags), ctor, V5);
    assertEquals(g.inuse(), g.offset());
    assertEquals(plain.size() + Sizing.WORD, g.size());
  }

  @Test
  void freePointerOverlaysTheObjectOtherwise() {
    assertEquals(0, create(200, SlabFlags.RED_ZONE, false, V5).offset());
  }

  @Test
  void storeUserAddsTwoTracks() {
    CacheGeometry plain = create(64, 0, false, V5);
    CacheGeometry tracked = create(64, SlabFlags.STORE_USER, false, V5);
    assertEquals(plain.size() + 2 * Sizing.TRACK_SIZE, tracked.size());
  }

  @Test
  void declaredRcuFreePointerKeepsTheSlotUnderV6() {
    CacheGeometry g = Sizing.calculateSizes(192, 64, RCU, false, -1, 96, V6);
    assertEquals(192, g.size());
    assertEquals(96, g.offset());
  }

  @Test
  void v50IgnoresTheDeclaredRcuFreePointer() {
    CacheGeometry g = Sizing.calculateSizes(192, 64, RCU, false, -1, 96, V5);
    assertEquals(256, g.size());
    assertEquals(192, g.offset());
  }

  @ParameterizedTest
  @CsvSource({"destroy_by_rcu,true", "destroy_by_rcu|poison,false"})
  void declaredFreePointerIsNotUsedWithCtorOrPoison(String flags, boolean ctor) {
    CacheGeometry g = Sizing.calculateSizes(192, 64, TestFlags.parse(flags), ctor, -1, 96, V6);
    assertEquals(g.inuse(), g.offset());
    assertEquals(256, g.size());
  }

  @Test
  void declaredFreePointerNeedsRcu() {
    assertThrows(
        IllegalArgumentException.class, () -> Sizing.calculateSizes(192, 64, 0, false, -1, 96, V6));
  }

  @ParameterizedTest
  @ValueSource(ints = {-2, 4, 192})
  void declaredFreePointerMustBeAWordInsideTheObject(int freeptrOffset) {
    assertThrows(
        IllegalArgumentException.class,
        () -> Sizing.calculateSizes(192, 64, RCU, false, -1, freeptrOffset, V6));
  }

  @Test
  void forcedOrderReplacesTheCalculatedOne() {
    CacheGeometry g = Sizing.calculateSizes(392, 8, 0, false, 0, -1, V5);
    assertEquals(0, g.order());
    assertEquals(Oo.orderObjects(0, 392), g.objects());
  }

  @Test
  void forcedOrderTooSmallForOneSlotIsRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> Sizing.calculateSizes(8192, 8, 0, false, 0, -1, V5));
  }

  @Test
  void minIsTheSmallestOrderHoldingOneSlot() {
    CacheGeometry g = create(392, 0, false, V5);
    assertEquals(Oo.make(0, Oo.orderObjects(0, 392)), g.min());
    assertTrue(g.order() > Oo.order(g.min()));
  }

  @Test
  void slotTooLargeForAnyOrderIsRejected() {
    int largest = Oo.PAGE_SIZE << (Oo.MAX_ORDER - 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Sizing.calculateSizes(largest, 8, SlabFlags.RED_ZONE, false, -1, -1, V5));
    assertTrue(e.getMessage().contains("no slab order"), e.getMessage());
  }

  @Test
  void rejectsEmptyObject() {
    assertThrows(
        IllegalArgumentException.class, () -> Sizing.calculateSizes(0, 8, 0, false, -1, -1, V5));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4, 12, 24})
  void rejectsAlignmentThatCalculateAlignmentCannotReturn(int align) {
    assertThrows(
        IllegalArgumentException.class,
        () -> Sizing.calculateSizes(64, align, 0, false, -1, -1, V5));
  }

  @Test
  void rejectsForcedOrderBelowMinusOne() {
    assertThrows(
        IllegalArgumentException.class, () -> Sizing.calculateSizes(64, 8, 0, false, -2, -1, V5));
  }
}
