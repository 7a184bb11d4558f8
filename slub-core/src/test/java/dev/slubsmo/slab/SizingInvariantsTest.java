package dev.slubsmo.slab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.slab.SlabGeometrySnapshot.Row;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants 1-4 of spec section 12 for every snapshot cache, as the kernel made it and with {@code
 * slub_debug=FZPU}, under both profiles.
 */
class SizingInvariantsTest {
  private static final int FZPU =
      SlabFlags.CONSISTENCY_CHECKS | SlabFlags.RED_ZONE | SlabFlags.POISON | SlabFlags.STORE_USER;

  private static final Set<Integer> V5_CPU_PARTIALS = Set.of(0, 2, 6, 13, 30);
  private static final Set<Integer> V6_CPU_PARTIALS = Set.of(0, 6, 24, 52, 120);

  static Stream<Arguments> cases() {
    return SlabGeometrySnapshot.rows().stream()
        .flatMap(
            r ->
                Stream.of(0, FZPU)
                    .flatMap(
                        debug ->
                            Stream.of(GeometryProfile.values())
                                .map(profile -> Arguments.of(r, debug, profile))));
  }

  @ParameterizedTest(name = "{0} debug={1} {2}")
  @MethodSource("cases")
  void slotLayoutIsOrdered(Row r, int debug, GeometryProfile profile) {
    CacheGeometry g = SizingSnapshotTest.size(r, debug, profile);
    assertTrue(g.objectSize() <= g.inuse(), "object_size <= inuse");
    assertTrue(g.inuse() <= g.size(), "inuse <= size");
    assertEquals(0, g.size() % g.align(), "size % align");
    assertEquals(0, g.align() % 8, "align % 8");
  }

  @ParameterizedTest(name = "{0} debug={1} {2}")
  @MethodSource("cases")
  void freePointerIsAfterTheObjectExactlyWhenTheObjectMustSurviveFree(
      Row r, int debug, GeometryProfile profile) {
    CacheGeometry g = SizingSnapshotTest.size(r, debug, profile);
    int flags = r.flags() | debug;
    boolean poison = SlabFlags.has(flags, SlabFlags.POISON);
    boolean rcu = SlabFlags.has(flags, SlabFlags.TYPESAFE_BY_RCU);
    boolean keepsDeclared =
        profile == GeometryProfile.V6
            && SizingSnapshotTest.RCU_FREEPTR_CACHES.contains(r.cache())
            && !poison;
    boolean outside = poison || r.ctor() || (rcu && !keepsDeclared);
    assertEquals(outside ? g.inuse() : 0, g.offset());
    assertTrue(outside == (g.offset() != 0), "offset != 0 iff RCU, POISON or ctor");
  }

  @ParameterizedTest(name = "{0} debug={1} {2}")
  @MethodSource("cases")
  void packedWordsCountWholeSlots(Row r, int debug, GeometryProfile profile) {
    CacheGeometry g = SizingSnapshotTest.size(r, debug, profile);
    assertEquals(g.slabBytes() / g.size(), g.objects());
    assertTrue(g.objects() >= 1 && g.objects() <= Oo.MAX_OBJS_PER_PAGE);
    int minOrder = Oo.getOrder(g.size());
    assertEquals(Oo.make(minOrder, Oo.orderObjects(minOrder, g.size())), g.min());
  }

  @ParameterizedTest(name = "{0} debug={1} {2}")
  @MethodSource("cases")
  void tunablesAreInRange(Row r, int debug, GeometryProfile profile) {
    CacheGeometry g = SizingSnapshotTest.size(r, debug, profile);
    assertTrue(g.minPartial() >= Sizing.MIN_PARTIAL && g.minPartial() <= Sizing.MAX_PARTIAL);
    Set<Integer> allowed = profile == GeometryProfile.V6 ? V6_CPU_PARTIALS : V5_CPU_PARTIALS;
    assertTrue(allowed.contains(g.cpuPartial()), "cpu_partial " + g.cpuPartial());
    assertEquals(debug != 0, g.cpuPartial() == 0, "cpu_partial is 0 iff a debug flag is set");
  }
}
