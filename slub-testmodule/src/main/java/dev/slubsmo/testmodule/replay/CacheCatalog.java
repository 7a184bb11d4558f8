package dev.slubsmo.testmodule.replay;

import dev.slubsmo.Machine;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.Kmalloc;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Sizing;
import dev.slubsmo.testmodule.trace.GeometryTable;
import dev.slubsmo.testmodule.trace.SysfsSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds or makes the replay cache of each trace event, the first time the trace names it: a named
 * cache gets the geometry file's row of that name ({@code object_size}, {@code align}, flags, ctor
 * presence, {@code usersize}), a {@code kmalloc} event the model's kmalloc class of its {@code
 * bytes_alloc} and flags. Each new cache is sized once on a probe machine of the snapshot's shape,
 * and its {@code objs_per_slab} and {@code order} are checked against the geometry file.
 *
 * <p>A name the geometry file lacks is sized from {@code bytes_alloc} with no flags, and a sizing
 * that differs from the file is kept; both are warnings, or errors in strict mode.
 */
final class CacheCatalog {
  /** The cache index of a {@code kmalloc} the page allocator serves (0 bytes, or above 8 KiB). */
  static final int NON_SLAB = -1;

  /**
   * The {@code SLAB_TYPESAFE_BY_RCU} caches that declare {@code kmem_cache_args.freeptr_offset} in
   * Linux 6.18, so their free pointer lives inside the object: {@code filp} and {@code bfilp}
   * (fs/file_table.c), {@code vm_area_struct} (mm/vma_init.c) and {@code io_kiocb}
   * (io_uring/io_uring.c). Sysfs does not show the offset; any in-object offset gives the same
   * geometry, so 0 stands for it.
   */
  static final Set<String> DECLARED_FREEPTR = Set.of("filp", "bfilp", "vm_area_struct", "io_kiocb");

  private static final String[] KMALLOC_PREFIX = {"kmalloc-", "kmalloc-rcl-", "dma-kmalloc-"};
  private static final String CGROUP_PREFIX = "kmalloc-cg-";

  private final GeometryTable geometry;
  private final SysfsSnapshot before;
  private final boolean strict;
  private final StartLayout.Mode layout;
  private final Machine probe = SnapshotMachine.boot(1);
  private final List<CacheSpec> specs = new ArrayList<>();
  private final Map<String, Integer> byName = new HashMap<>();
  private final int[][] kmallocByClass = new int[KMALLOC_PREFIX.length][];
  private final Set<String> warnings = new LinkedHashSet<>();

  CacheCatalog(
      GeometryTable geometry, SysfsSnapshot before, StartLayout.Mode layout, boolean strict) {
    this.geometry = geometry;
    this.before = before;
    this.layout = layout;
    this.strict = strict;
    for (int family = 0; family < kmallocByClass.length; family++) {
      kmallocByClass[family] = new int[Sizing.kmallocIndex(Kmalloc.MAX_CACHE_SIZE) + 1];
      Arrays.fill(kmallocByClass[family], -2);
    }
  }

  /** The caches made so far, by index. */
  List<CacheSpec> specs() {
    return Collections.unmodifiableList(specs);
  }

  int size() {
    return specs.size();
  }

  CacheSpec spec(int index) {
    return specs.get(index);
  }

  /** What the replay had to guess or found different from the geometry file, in order. */
  List<String> warnings() {
    return List.copyOf(warnings);
  }

  /**
   * The cache a {@code kmem_cache_*} event names; {@code bytesAlloc} sizes a cache the geometry
   * file lacks, and is 0 for a free, which cannot size one: then the answer is -1.
   */
  int named(String name, long bytesAlloc) {
    Integer index = byName.get(name);
    if (index != null) {
      return index;
    }
    KmemCache boot = probe.slub().cache(name);
    if (boot != null) {
      return add(name, CacheSpec.Source.KMALLOC, boot, kernelNamesOf(name), 0, -1);
    }
    GeometryTable.Row row = geometry.rows().get(name);
    if (row != null) {
      int freeptr = DECLARED_FREEPTR.contains(name) ? 0 : -1;
      KmemCache s =
          probe
              .slub()
              .createCache(
                  name,
                  row.objectSize(),
                  row.align(),
                  row.flags(),
                  row.hasCtor() ? (memory, object) -> {} : null,
                  row.usersize(),
                  freeptr);
      return add(name, CacheSpec.Source.GEOMETRY, s, List.of(name), row.align(), freeptr);
    }
    String missing = "cache '" + name + "' is not in the geometry file";
    if (bytesAlloc <= 0 || bytesAlloc > Integer.MAX_VALUE) {
      warn(missing + " and a free cannot size it: its unmatched frees are not replayed");
      return -1;
    }
    warn(missing + ": sized from bytes_alloc=" + bytesAlloc + " with no flags");
    KmemCache s = probe.slub().createCache(name, (int) bytesAlloc, 0, 0, null, 0, -1);
    return add(name, CacheSpec.Source.GUESSED, s, List.of(name), 0, -1);
  }

  /** The kmalloc cache serving {@code bytesAlloc} with model flags {@code gfp}, or NON_SLAB. */
  int kmalloc(long bytesAlloc, int gfp) {
    if (bytesAlloc <= 0 || bytesAlloc > Kmalloc.MAX_CACHE_SIZE) {
      return NON_SLAB;
    }
    int family = (gfp & Gfp.DMA) != 0 ? 2 : (gfp & Gfp.RECLAIMABLE) != 0 ? 1 : 0;
    int sizeClass = Sizing.kmallocIndex(bytesAlloc);
    int index = kmallocByClass[family][sizeClass];
    if (index == -2) {
      index = named(probe.slub().kmalloc().cacheFor(bytesAlloc, gfp).name(), bytesAlloc);
      kmallocByClass[family][sizeClass] = index;
    }
    return index;
  }

  private int add(
      String name,
      CacheSpec.Source source,
      KmemCache s,
      List<String> kernelNames,
      int align,
      int freeptr) {
    GeometryTable.Row row = geometry.rows().get(name);
    if (row != null && (row.objsPerSlab() != s.objsPerSlab() || row.order() != s.order())) {
      warn(
          "cache '"
              + name
              + "': the model sizes it at "
              + s.objsPerSlab()
              + " objects per order-"
              + s.order()
              + " slab, the geometry file says "
              + row.objsPerSlab()
              + " per order-"
              + row.order());
    }
    int index = specs.size();
    specs.add(
        new CacheSpec(
            index,
            name,
            source,
            s.objectSize(),
            align,
            row != null && source == CacheSpec.Source.GEOMETRY ? row.flags() : 0,
            row != null && source == CacheSpec.Source.GEOMETRY ? row.ctor() : null,
            s.usersize(),
            freeptr,
            s.objsPerSlab(),
            s.order(),
            kernelNames,
            StartLayout.of(before, kernelNames, s.objsPerSlab(), layout)));
    byName.put(name, index);
    return index;
  }

  /** A normal kmalloc class also stands for its 6.18 {@code kmalloc-cg-} twin. */
  private static List<String> kernelNamesOf(String kmallocName) {
    String normal = KMALLOC_PREFIX[0];
    if (kmallocName.startsWith(normal)
        && !kmallocName.startsWith(KMALLOC_PREFIX[1])
        && Character.isDigit(kmallocName.charAt(normal.length()))) {
      return List.of(kmallocName, CGROUP_PREFIX + kmallocName.substring(normal.length()));
    }
    return List.of(kmallocName);
  }

  private void warn(String message) {
    if (strict) {
      throw new ReplayInputException(message + " (strict mode)");
    }
    warnings.add(message);
  }
}
