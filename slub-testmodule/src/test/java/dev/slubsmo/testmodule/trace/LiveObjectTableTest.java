package dev.slubsmo.testmodule.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LiveObjectTableTest {

  @Test
  void agreesWithAHashMapOverRandomPutsAndRemoves() {
    Random random = new Random(5);
    LiveObjectTable table = new LiveObjectTable();
    Map<Long, long[]> model = new HashMap<>();
    for (int step = 0; step < 200_000; step++) {
      long ptr = 1 + random.nextInt(20_000);
      if (random.nextInt(3) > 0) {
        long[] old = model.put(ptr, new long[] {step, step % 7});
        assertEquals(old == null ? -1 : (int) old[1], table.put(ptr, step, step % 7));
      } else {
        long[] old = model.remove(ptr);
        assertEquals(old != null, table.remove(ptr));
        if (old != null) {
          assertEquals(old[0], table.removedTime());
          assertEquals((int) old[1], table.removedCache());
        }
      }
      assertEquals(model.size(), table.size());
    }
    Map<Long, long[]> seen = new HashMap<>();
    table.forEach((ptr, time, cache) -> seen.put(ptr, new long[] {time, cache}));
    assertEquals(model.keySet(), seen.keySet());
  }

  @Test
  void tableEmptiesCompletelyAfterGrowing() {
    LiveObjectTable table = new LiveObjectTable();
    for (long ptr = 1; ptr <= 100_000; ptr++) {
      table.put(ptr, ptr, 0);
    }
    for (long ptr = 1; ptr <= 100_000; ptr++) {
      assertTrue(table.remove(ptr));
    }
    assertEquals(0, table.size());
    assertFalse(table.remove(1));
  }
}
