package dev.slubsmo.testmodule.replay;

import dev.slubsmo.testmodule.trace.SysfsSnapshot;
import java.util.List;

/**
 * What the real kernel's sysfs snapshot shows for the rows standing for one replay cache.
 *
 * @param objects objects in use
 * @param slabs slabs
 * @param partial node-partial slabs
 * @param pages slab pages
 * @param floorPages the pages of the fewest slabs that could hold {@code objects}
 */
public record KernelCounts(long objects, long slabs, long partial, long pages, long floorPages) {

  /** The sum of {@code names}' rows, or null when the snapshot has none of them. */
  static KernelCounts of(SysfsSnapshot snapshot, List<String> names) {
    if (snapshot == null) {
      return null;
    }
    boolean any = false;
    long objects = 0;
    long slabs = 0;
    long partial = 0;
    long pages = 0;
    long floorPages = 0;
    for (String name : names) {
      SysfsSnapshot.Row r = snapshot.rows().get(name);
      if (r == null) {
        continue;
      }
      any = true;
      objects += r.objects();
      slabs += r.slabs();
      partial += r.partial();
      pages += r.slabs() << r.order();
      if (r.objsPerSlab() > 0) {
        floorPages += (r.objects() + r.objsPerSlab() - 1) / r.objsPerSlab() << r.order();
      }
    }
    return any ? new KernelCounts(objects, slabs, partial, pages, floorPages) : null;
  }
}
