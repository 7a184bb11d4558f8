package dev.slubsmo.testmodule.live;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code sysfs.before.tsv} / {@code sysfs.after.tsv} table of a capture, in the bundled trace's
 * conventions: a header, then one row per name user space knows (cache directories and aliases, not
 * the kernel's {@code :}-prefixed unique ids), sorted by name in byte order; an alias row shows the
 * counts of the cache it was merged into; counts are totals without per-node values.
 */
public final class SysfsSnapshotTsv {
  public static final String HEADER =
      "cache\tobject_size\tslab_size\tobjs_per_slab\torder\tobjects\tslabs\tpartial\tcpu_slabs"
          + "\ttotal_objects";

  private SysfsSnapshotTsv() {}

  /** Formats the table of a set of caches. */
  public static String format(List<LiveCache> caches) {
    Map<String, LiveCache> byName = new TreeMap<>();
    caches.forEach(c -> c.visibleNames().forEach(name -> byName.put(name, c)));
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    byName.forEach(
        (name, c) ->
            out.append(
                String.join(
                        "\t",
                        name,
                        Integer.toString(c.objectSize()),
                        Integer.toString(c.slabSize()),
                        Integer.toString(c.objsPerSlab()),
                        Integer.toString(c.order()),
                        Long.toString(c.objects().total()),
                        Long.toString(c.slabs().total()),
                        Long.toString(c.partial().total()),
                        Long.toString(c.cpuSlabs().total()),
                        Long.toString(c.totalObjects().total()))
                    .concat("\n")));
    return out.toString();
  }
}
