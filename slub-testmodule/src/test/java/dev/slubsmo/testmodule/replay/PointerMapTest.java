package dev.slubsmo.testmodule.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PointerMapTest {
  @Test
  void putGetRemoveRoundTrip() {
    PointerMap m = new PointerMap();
    assertEquals(PointerMap.ABSENT, m.put(7, 70));
    assertEquals(70, m.put(7, 71));
    assertEquals(71, m.get(7));
    assertEquals(1, m.size());
    assertEquals(71, m.remove(7));
    assertEquals(PointerMap.ABSENT, m.get(7));
    assertEquals(PointerMap.ABSENT, m.remove(7));
    assertEquals(0, m.size());
  }

  @Test
  void keyZeroAndTheAbsentValueAreRefused() {
    PointerMap m = new PointerMap();
    assertThrows(IllegalArgumentException.class, () -> m.put(0, 1));
    assertThrows(IllegalArgumentException.class, () -> m.put(1, PointerMap.ABSENT));
    assertEquals(0, m.size());
  }

  @Test
  void agreesWithHashMapThroughGrowthShrinkAndCollidingRemovals() {
    PointerMap m = new PointerMap();
    Map<Long, Long> reference = new HashMap<>();
    SplittableRandom random = new SplittableRandom(42);
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 20_000; i++) {
        long key = 1 + random.nextInt(30_000);
        if (random.nextInt(3) == 0) {
          Long expected = reference.remove(key);
          assertEquals(expected == null ? PointerMap.ABSENT : expected, m.remove(key));
        } else {
          long value = random.nextLong(1L << 40);
          Long expected = reference.put(key, value);
          assertEquals(expected == null ? PointerMap.ABSENT : expected, m.put(key, value));
        }
      }
      for (Map.Entry<Long, Long> e : reference.entrySet()) {
        assertEquals(e.getValue(), m.get(e.getKey()));
      }
      assertEquals(reference.size(), m.size());
      for (long key : reference.keySet().stream().limit(reference.size() - 10).toList()) {
        m.remove(key);
        reference.remove(key);
      }
      assertEquals(reference.size(), m.size());
    }
    Map<Long, Long> visited = new HashMap<>();
    m.forEach(visited::put);
    assertEquals(reference, visited);
  }
}
