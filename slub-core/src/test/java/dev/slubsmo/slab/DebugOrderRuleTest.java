package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code slub_debug=O}: metadata flags are dropped where they would raise the minimum order. */
class DebugOrderRuleTest {
  private static final SizingParams V5 = SizingParams.defaults(GeometryProfile.V5_0);

  private static CacheGeometry openWithO(int objectSize, int flags, boolean ctor, SizingParams p) {
    CacheGeometry g = CalculateSizesTest.create(objectSize, flags, ctor, p);
    return Sizing.applyDebugOrderRule(g, ctor, -1, p);
  }

  @Test
  void keepsMetadataThatFitsTheObjectsOrder() {
    CacheGeometry g = CalculateSizesTest.create(56, CalculateSizesTest.FZPU, true, V5);
    assertSame(g, Sizing.applyDebugOrderRule(g, true, -1, V5));
  }

  @Test
  void dropsRedZonePoisonAndStoreUserWhenTheyRaiseTheOrder() {
    CacheGeometry before = CalculateSizesTest.create(4096, CalculateSizesTest.FZPU, false, V5);
    assertTrue(Oo.getOrder(before.size()) > Oo.getOrder(4096), "precondition: order raised");
    CacheGeometry g = Sizing.applyDebugOrderRule(before, false, -1, V5);
    assertEquals(SlabFlags.CONSISTENCY_CHECKS, g.flags());
    assertEquals(4096, g.size());
    assertEquals(0, g.offset());
    assertEquals(0, g.redLeftPad());
  }

  @Test
  void keepsTrace() {
    int flags = SlabFlags.TRACE | SlabFlags.STORE_USER;
    assertEquals(SlabFlags.TRACE, openWithO(4096, flags, false, V5).flags());
  }

  @Test
  void ctorStillPutsTheFreePointerAfterTheObject() {
    CacheGeometry g = openWithO(4096, CalculateSizesTest.FZPU, true, V5);
    assertEquals(g.inuse(), g.offset());
  }

  @ParameterizedTest
  @EnumSource(GeometryProfile.class)
  void cpuPartialReturnsWhenNoDebugFlagIsLeft(GeometryProfile profile) {
    SizingParams p = SizingParams.defaults(profile);
    int metadataOnly = SlabFlags.DEBUG_METADATA_FLAGS;
    CacheGeometry g = openWithO(4096, metadataOnly, false, p);
    assertEquals(Sizing.cpuPartial(4096, 0, profile), g.cpuPartial());
    assertTrue(g.cpuPartial() > 0);
  }

  @Test
  void cpuPartialStaysOffWithConsistencyChecks() {
    assertEquals(0, openWithO(4096, CalculateSizesTest.FZPU, false, V5).cpuPartial());
  }
}
