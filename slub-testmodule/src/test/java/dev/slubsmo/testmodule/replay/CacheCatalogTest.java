package dev.slubsmo.testmodule.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.slab.Gfp;
import dev.slubsmo.testmodule.trace.GeometryTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheCatalogTest {
  private static final GeometryTable GEOMETRY = ReplayInputs.geometry(null);

  private static CacheCatalog strict() {
    return new CacheCatalog(GEOMETRY, null, StartLayout.Mode.SNAPSHOT, true);
  }

  @Test
  void everyCacheOfTheGeometryFileGetsItsObjectsPerSlabAndOrder() {
    CacheCatalog catalog = strict();
    for (GeometryTable.Row row : GEOMETRY.rows().values()) {
      CacheSpec spec = catalog.spec(catalog.named(row.cache(), 0));
      assertEquals(row.objsPerSlab(), spec.objsPerSlab(), row.cache());
      assertEquals(row.order(), spec.order(), row.cache());
    }
    assertTrue(catalog.warnings().isEmpty());
  }

  @Test
  void aNameIsOneCache() {
    CacheCatalog catalog = strict();
    assertEquals(catalog.named("dentry", 192), catalog.named("dentry", 0));
    assertEquals(1, catalog.size());
  }

  @Test
  void kmallocFamiliesFollowTheFlags() {
    CacheCatalog catalog = strict();
    assertEquals("kmalloc-64", catalog.spec(catalog.kmalloc(64, Gfp.KERNEL)).name());
    assertEquals(
        "kmalloc-rcl-96", catalog.spec(catalog.kmalloc(96, Gfp.KERNEL | Gfp.RECLAIMABLE)).name());
    assertEquals("dma-kmalloc-8k", catalog.spec(catalog.kmalloc(8192, Gfp.DMA)).name());
    assertEquals(
        List.of("kmalloc-64", "kmalloc-cg-64"),
        catalog.spec(catalog.kmalloc(64, Gfp.KERNEL)).kernelNames());
  }

  @Test
  void pageAllocatorSizesAreNotSlabCaches() {
    assertEquals(CacheCatalog.NON_SLAB, strict().kmalloc(8193, Gfp.KERNEL));
    assertEquals(CacheCatalog.NON_SLAB, strict().kmalloc(0, Gfp.KERNEL));
  }

  @Test
  void rcuCachesThatDeclareAFreePointerKeepItInTheObject() {
    CacheCatalog catalog = strict();
    CacheSpec vma = catalog.spec(catalog.named("vm_area_struct", 0));
    assertEquals(0, vma.freeptr());
    assertEquals(GEOMETRY.rows().get("vm_area_struct").objsPerSlab(), vma.objsPerSlab());
  }

  @Test
  void strictModeRefusesACacheTheGeometryFileLacks() {
    ReplayInputException e =
        assertThrows(ReplayInputException.class, () -> strict().named("no_such_cache", 64));
    assertTrue(e.getMessage().contains("no_such_cache"), e.getMessage());
  }

  @Test
  void lenientModeSizesAnUnknownCacheFromBytesAllocAndSaysSo() {
    CacheCatalog catalog = new CacheCatalog(GEOMETRY, null, StartLayout.Mode.SNAPSHOT, false);
    CacheSpec spec = catalog.spec(catalog.named("no_such_cache", 64));
    assertEquals(CacheSpec.Source.GUESSED, spec.source());
    assertEquals(64, spec.objectSize());
    assertEquals(1, catalog.warnings().size());
    assertEquals(-1, catalog.named("never_allocated", 0));
  }
}
