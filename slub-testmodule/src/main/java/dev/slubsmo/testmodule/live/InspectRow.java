package dev.slubsmo.testmodule.live;

import java.util.List;

/**
 * One cache of {@code smo inspect}: its live counts, the fewest slabs its objects fit in (the
 * floor) and the pages SMO could give back if the cache were movable. {@link InspectReport} states
 * the formulas.
 */
public record InspectRow(
    String cache,
    List<String> aliases,
    long objects,
    long slabs,
    long partial,
    long cpuSlabs,
    int objsPerSlab,
    int order,
    long floorSlabs,
    long pagesBack) {

  public InspectRow {
    aliases = List.copyOf(aliases);
  }

  /** Computes the row of one cache. */
  static InspectRow of(LiveCache cache) {
    long slabs = cache.slabs().total();
    long floor = floorSlabs(cache);
    long spare = Math.max(0, slabs - floor - cache.cpuSlabs().total());
    return new InspectRow(
        cache.name(),
        cache.aliases(),
        cache.objects().total(),
        slabs,
        cache.partial().total(),
        cache.cpuSlabs().total(),
        cache.objsPerSlab(),
        cache.order(),
        floor,
        spare << cache.order());
  }

  /** Σ over nodes of ceil(objects on the node / objs_per_slab); slabs never span nodes. */
  private static long floorSlabs(LiveCache cache) {
    if (cache.objsPerSlab() == 0) {
      return cache.slabs().total();
    }
    long floor = 0;
    for (long objects : cache.objects().nodeValues()) {
      floor += -Math.floorDiv(-objects, cache.objsPerSlab());
    }
    return floor;
  }

  /** Pages the cache's slabs occupy now. */
  public long pagesInUse() {
    return slabs << order;
  }

  /** Pages the floor would occupy. */
  public long floorPages() {
    return floorSlabs << order;
  }
}
