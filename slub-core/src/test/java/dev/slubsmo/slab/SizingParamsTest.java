package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SizingParamsTest {
  @Test
  void defaultsAreTheSnapshotMachine() {
    assertEquals(
        new SizingParams(2, 0, 3, 0, GeometryProfile.V6),
        SizingParams.defaults(GeometryProfile.V6));
  }

  @Test
  void maxOrderIsClampedBelowMaxOrder() {
    assertEquals(
        Oo.MAX_ORDER - 1, new SizingParams(2, 0, 20, 0, GeometryProfile.V5_0).slubMaxOrder());
  }

  @Test
  void rejectsZeroCpus() {
    assertThrows(
        IllegalArgumentException.class, () -> new SizingParams(0, 0, 3, 0, GeometryProfile.V5_0));
  }

  @Test
  void rejectsNegativeMinObjects() {
    assertThrows(
        IllegalArgumentException.class, () -> new SizingParams(2, 0, 3, -1, GeometryProfile.V5_0));
  }
}
