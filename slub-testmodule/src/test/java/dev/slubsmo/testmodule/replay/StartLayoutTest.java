package dev.slubsmo.testmodule.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.testmodule.trace.SysfsSnapshot;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StartLayoutTest {
  private static SysfsSnapshot snapshot(long objects, long slabs, long partial, int per)
      throws IOException {
    String text =
        "cache\tobject_size\tslab_size\tobjs_per_slab\torder\tobjects\tslabs\tpartial\tcpu_slabs"
            + "\ttotal_objects\n"
            + String.format(
                "c\t64\t64\t%d\t0\t%d\t%d\t%d\t0\t%d%n", per, objects, slabs, partial, slabs * per);
    return SysfsSnapshot.parse(new StringReader(text), "test");
  }

  private static long kept(StartLayout l, int per) {
    long sum = 0;
    for (long i = 0; i < l.slabs(); i++) {
      long k = l.keep(i, per);
      assertTrue(k >= 1 && k <= per, "slab " + i + " keeps " + k);
      sum += k;
    }
    return sum;
  }

  @ParameterizedTest
  @CsvSource({
    "5151, 1718, 1687, 14",
    "10, 5, 1, 4",
    "2261, 126, 22, 21",
    "7, 7, 0, 1",
    "100, 2, 2, 64",
    "64, 1000, 1000, 64"
  })
  void snapshotLayoutKeepsEveryObjectInNonEmptySlabs(
      long objects, long slabs, long partial, int per) throws IOException {
    StartLayout l =
        StartLayout.of(
            snapshot(objects, slabs, partial, per), List.of("c"), per, StartLayout.Mode.SNAPSHOT);
    assertEquals(objects, l.objects());
    assertEquals(Math.max((objects + per - 1) / per, Math.min(slabs, objects)), l.slabs());
    assertEquals(objects, kept(l, per));
  }

  @Test
  void snapshotLayoutHasTheSnapshotsPartialCountWhenItFits() throws IOException {
    StartLayout l =
        StartLayout.of(snapshot(5151, 1718, 1687, 14), List.of("c"), 14, StartLayout.Mode.SNAPSHOT);
    assertEquals(1718 - 1687, l.full());
  }

  @Test
  void packedLayoutUsesTheFewestSlabs() throws IOException {
    StartLayout l =
        StartLayout.of(snapshot(5151, 1718, 1687, 14), List.of("c"), 14, StartLayout.Mode.PACKED);
    assertEquals((5151 + 13) / 14, l.slabs());
    assertEquals(5151 / 14, l.full());
    assertEquals(5151, kept(l, 14));
  }

  @Test
  void noSnapshotOrNoRowMeansNoObjects() throws IOException {
    assertSame(StartLayout.EMPTY, StartLayout.of(null, List.of("c"), 8, StartLayout.Mode.SNAPSHOT));
    assertEquals(
        0,
        StartLayout.of(snapshot(5, 1, 1, 8), List.of("x"), 8, StartLayout.Mode.SNAPSHOT).slabs());
  }
}
