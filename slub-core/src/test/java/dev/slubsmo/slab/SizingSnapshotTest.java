package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.slab.SlabGeometrySnapshot.Row;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sizing rules against every cache of the real Linux 6.18 snapshot (2 CPUs, no debug). */
class SizingSnapshotTest {
  /**
   * The {@code SLAB_TYPESAFE_BY_RCU} caches that declare {@code kmem_cache_args.freeptr_offset} in
   * Linux 6.18, so their free pointer lives inside the object: {@code filp} and {@code bfilp}
   * (fs/file_table.c, {@code files_init}), {@code vm_area_struct} (mm/vma_init.c, {@code
   * vma_state_init}) and {@code io_kiocb} (io_uring/io_uring.c, {@code io_uring_init}).
   */
  static final Set<String> RCU_FREEPTR_CACHES =
      Set.of("filp", "bfilp", "vm_area_struct", "io_kiocb");

  /**
   * The snapshot does not show where inside the object those caches put the free pointer; the
   * kernel accepts 0 (include/linux/slab.h) and any in-object offset gives the same geometry.
   */
  static final int DECLARED_FREEPTR_OFFSET = 0;

  /** The 6.x {@code cpu_partial} of each size class mapped to the v5.0 value of the same class. */
  private static final Map<Integer, Integer> V5_CPU_PARTIAL_OF_V6 =
      Map.of(120, 30, 52, 13, 24, 6, 6, 2);

  static Stream<Row> rows() {
    return SlabGeometrySnapshot.rows().stream();
  }

  static Stream<Row> rowsWithoutDeclaredFreePointer() {
    return rows().filter(r -> !RCU_FREEPTR_CACHES.contains(r.cache()));
  }

  /** Sizes a snapshot cache as {@code kmem_cache_open} would, from its reported align and flags. */
  static CacheGeometry size(Row r, int extraFlags, GeometryProfile profile) {
    int freeptr = RCU_FREEPTR_CACHES.contains(r.cache()) ? DECLARED_FREEPTR_OFFSET : -1;
    return Sizing.calculateSizes(
        r.objectSize(),
        r.align(),
        r.flags() | extraFlags,
        r.ctor(),
        -1,
        freeptr,
        SizingParams.defaults(profile));
  }

  @Test
  void snapshotHoldsAllCaches() {
    assertEquals(334, SlabGeometrySnapshot.rows().size());
  }

  @Test
  void declaredFreePointerCachesAreRcuCachesWithoutCtor() {
    for (String name : RCU_FREEPTR_CACHES) {
      Row r = SlabGeometrySnapshot.row(name);
      assertTrue(SlabFlags.has(r.flags(), SlabFlags.TYPESAFE_BY_RCU), name);
      assertFalse(r.ctor(), name);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void v6GeometryMatchesKernel(Row r) {
    CacheGeometry g = size(r, 0, GeometryProfile.V6);
    assertAll(
        () -> assertEquals(r.slabSize(), g.size(), "slab_size"),
        () -> assertEquals(r.objsPerSlab(), g.objects(), "objs_per_slab"),
        () -> assertEquals(r.order(), g.order(), "order"),
        () -> assertEquals(r.minPartial(), g.minPartial(), "min_partial"),
        () -> assertEquals(r.cpuPartial(), g.cpuPartial(), "cpu_partial"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rowsWithoutDeclaredFreePointer")
  void v50GeometryMatchesKernelWhereNoFreePointerIsDeclared(Row r) {
    CacheGeometry g = size(r, 0, GeometryProfile.V5_0);
    assertAll(
        () -> assertEquals(r.slabSize(), g.size(), "slab_size"),
        () -> assertEquals(r.objsPerSlab(), g.objects(), "objs_per_slab"),
        () -> assertEquals(r.order(), g.order(), "order"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void v50IgnoresDeclaredFreePointer(Row r) {
    CacheGeometry v5 = size(r, 0, GeometryProfile.V5_0);
    CacheGeometry v6Undeclared =
        Sizing.calculateSizes(
            r.objectSize(),
            r.align(),
            r.flags(),
            r.ctor(),
            -1,
            -1,
            SizingParams.defaults(GeometryProfile.V6));
    assertEquals(v6Undeclared.size(), v5.size());
    assertEquals(v6Undeclared.oo(), v5.oo());
  }

  @Test
  void declaredFreePointerChangesOnlyVmAreaStruct() {
    List<String> differing =
        rows()
            .filter(r -> size(r, 0, GeometryProfile.V5_0).size() != r.slabSize())
            .map(Row::cache)
            .collect(Collectors.toList());
    assertEquals(List.of("vm_area_struct"), differing);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rowsWithoutDeclaredFreePointer")
  void v50CpuPartialIsTheV50ValueOfTheSameSizeClass(Row r) {
    assertEquals(
        V5_CPU_PARTIAL_OF_V6.get(r.cpuPartial()), size(r, 0, GeometryProfile.V5_0).cpuPartial());
  }
}
