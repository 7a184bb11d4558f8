package dev.slubsmo.smo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The floor of one node of a cache and the fewest moves that reach it. The floor is {@code
 * ceil(live / objs_per_slab)} slabs; the cheapest way there keeps the floor-many fullest slabs
 * (full ones first, then partial ones by {@code inuse}) and moves every other live object.
 */
public final class Floor {
  private Floor() {}

  /** {@code ceil(live / perSlab)}. */
  public static long slabs(long live, int perSlab) {
    return (live + perSlab - 1) / perSlab;
  }

  /**
   * The objects that must move to reach the floor: {@code live} minus what the floor-many fullest
   * slabs hold, given {@code full} full slabs and the {@code inuse} of the partial ones.
   */
  public static long minMoves(long live, long full, List<Integer> partialInuse, int perSlab) {
    long floor = slabs(live, perSlab);
    List<Integer> sorted = new ArrayList<>(partialInuse);
    sorted.sort(Comparator.reverseOrder());
    long kept = Math.min(full, floor) * perSlab;
    for (int k = 0; k < floor - full && k < sorted.size(); k++) {
      kept += sorted.get(k);
    }
    return Math.max(0, live - kept);
  }
}
