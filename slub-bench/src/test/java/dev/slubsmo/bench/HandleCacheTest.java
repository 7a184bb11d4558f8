package dev.slubsmo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.Machine;
import dev.slubsmo.debug.InvariantChecker;
import dev.slubsmo.smo.Defrag;
import dev.slubsmo.smo.DefragResult;
import dev.slubsmo.smo.Placement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HandleCacheTest {
  @ParameterizedTest
  @EnumSource(Placement.class)
  void shrinkMovesObjectsAndRepointsEveryHandle(Placement placement) {
    HandleCache h = new HandleCache(Machine.boot(), "handles", new long[0]);
    int n = 20 * h.cache().objsPerSlab();
    for (int i = 0; i < n; i++) {
      h.alloc(i);
    }
    for (int i = 1; i < n; i += 2) {
      h.free(i);
    }
    DefragResult r = Defrag.shrink(h.cache(), h.cpu(), placement);
    assertTrue(r.moved() > 0, r.toString());
    assertTrue(r.slabsAfter() < r.slabsBefore(), r.toString());
    for (int i = 0; i < n; i += 2) {
      assertEquals(i, h.cache().memory().readLong(h.object(i)), "handle " + i);
    }
    InvariantChecker.check(h.cache());
  }

  @Test
  void handleTableGrowsPastItsFirstSize() {
    HandleCache h = new HandleCache(Machine.boot(), "grow", new long[1]);
    h.alloc(5);
    assertEquals(5, h.cache().memory().readLong(h.object(5)));
    assertEquals(0, h.object(6));
  }
}
