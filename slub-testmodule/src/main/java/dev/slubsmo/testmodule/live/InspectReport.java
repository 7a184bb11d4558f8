package dev.slubsmo.testmodule.live;

import java.util.Comparator;
import java.util.List;

/**
 * What {@code smo inspect} reports: how many pages each real SLUB cache holds beyond what its
 * objects need, and so what slab movable objects could give back if the cache were movable.
 *
 * <p>Per cache, from its sysfs counts:
 *
 * <pre>
 *   floor     = Σ_node ceil(objects_node / objs_per_slab)                  (slabs)
 *   pagesBack = max(0, slabs − floor − cpu_slabs) × (1 &lt;&lt; order)          (pages)
 * </pre>
 *
 * {@code objects_node} are the per-node values of {@code objects} ({@code objects} itself when the
 * kernel printed none), because a slab never holds objects of two nodes. CPU slabs and CPU partial
 * slabs (both counted by {@code cpu_slabs}) are subtracted because SMO never moves them. A cache
 * whose {@code objs_per_slab} is 0 has floor = slabs. {@code order} is the cache's current order;
 * slabs allocated at the fallback order count as that order too. Rows are sorted by pagesBack,
 * largest first, then by cache name; totals are sums over the rows, bytes = pages × pageSize.
 */
public record InspectReport(int pageSize, List<InspectRow> rows) {
  /** The page size of the machine the bundled data came from (x86_64, 4 KiB). */
  public static final int DEFAULT_PAGE_SIZE = 4096;

  public InspectReport {
    if (pageSize <= 0 || Integer.bitCount(pageSize) != 1) {
      throw new IllegalArgumentException("page size must be a power of two, got " + pageSize);
    }
    rows =
        rows.stream()
            .sorted(
                Comparator.comparingLong(InspectRow::pagesBack)
                    .reversed()
                    .thenComparing(InspectRow::cache))
            .toList();
  }

  /** Computes the report of a set of caches. */
  public static InspectReport of(List<LiveCache> caches, int pageSize) {
    return new InspectReport(pageSize, caches.stream().map(InspectRow::of).toList());
  }

  /** Reads the caches through {@code reader} and computes their report. */
  public static InspectReport read(LiveSlabReader reader, int pageSize) {
    return of(reader.readCaches(), pageSize);
  }

  /** Pages all caches' slabs occupy. */
  public long pagesInUse() {
    return rows.stream().mapToLong(InspectRow::pagesInUse).sum();
  }

  /** Pages all caches' floors would occupy. */
  public long floorPages() {
    return rows.stream().mapToLong(InspectRow::floorPages).sum();
  }

  /** Pages SMO could give back over all caches. */
  public long pagesBack() {
    return rows.stream().mapToLong(InspectRow::pagesBack).sum();
  }

  /** Bytes SMO could give back over all caches. */
  public long bytesBack() {
    return pagesBack() * pageSize;
  }
}
