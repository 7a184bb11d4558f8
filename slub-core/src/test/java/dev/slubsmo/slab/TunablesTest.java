package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code min_partial} and {@code cpu_partial} as {@code kmem_cache_open} sets them. */
class TunablesTest {
  @ParameterizedTest
  @CsvSource({
    "8,5",
    "4095,5",
    "4096,6",
    "16383,6",
    "16384,7",
    "51488,7",
    "1048575,9",
    "1048576,10",
    "4194304,10"
  })
  void minPartialIsHalfTheLogOfTheSlotClamped(int size, int minPartial) {
    assertEquals(minPartial, Sizing.minPartial(size));
  }

  @ParameterizedTest
  @CsvSource({
    "255,30,120",
    "256,13,52",
    "1023,13,52",
    "1024,6,24",
    "4095,6,24",
    "4096,2,6",
    "51488,2,6"
  })
  void cpuPartialBySlotSizeAndProfile(int size, int v50, int v6) {
    assertEquals(v50, Sizing.cpuPartial(size, 0, GeometryProfile.V5_0));
    assertEquals(v6, Sizing.cpuPartial(size, 0, GeometryProfile.V6));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sanity_checks", "red_zone", "poison", "store_user", "trace"})
  void anyDebugFlagTurnsCpuPartialOff(String flag) {
    for (GeometryProfile profile : GeometryProfile.values()) {
      assertEquals(0, Sizing.cpuPartial(64, TestFlags.parse(flag), profile));
    }
  }

  @ParameterizedTest
  @EnumSource(GeometryProfile.class)
  void failslabIsNotADebugFlag(GeometryProfile profile) {
    assertTrue(Sizing.cpuPartial(64, SlabFlags.FAILSLAB, profile) > 0);
  }

  @ParameterizedTest
  @EnumSource(GeometryProfile.class)
  void newCacheCarriesItsTunables(GeometryProfile profile) {
    CacheGeometry g = CalculateSizesTest.create(700, 0, false, SizingParams.defaults(profile));
    assertEquals(Sizing.minPartial(g.size()), g.minPartial());
    assertEquals(Sizing.cpuPartial(g.size(), g.flags(), profile), g.cpuPartial());
  }
}
