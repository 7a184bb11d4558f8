package dev.slubsmo.testmodule.trace;

import dev.slubsmo.slab.SlabFlags;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The slab geometry of every cache of a real kernel, read from {@code /sys/kernel/slab/<cache>/}
 * and stored as {@code slab-geometry.tsv}: one tab-separated row per cache name under a header
 * line, {@code -} meaning empty. Aliases of a merged cache repeat the row of the cache they were
 * merged into.
 */
public final class GeometryTable {

  /** The sysfs flag attributes stored as 0/1 columns, each one {@code SLAB_*} flag. */
  public static final List<String> FLAG_COLUMNS =
      List.of(
          "destroy_by_rcu",
          "hwcache_align",
          "poison",
          "red_zone",
          "store_user",
          "sanity_checks",
          "reclaim_account",
          "cache_dma",
          "trace");

  /**
   * One cache's sysfs attributes of the same names (mm/slub.c {@code *_show}).
   *
   * @param ctor the constructor's symbol as sysfs prints it ({@code init_once+0x0/0x80}), or null
   *     when the cache has none
   * @param flags the {@link SlabFlags} whose attribute reads 1, from {@link #FLAG_COLUMNS}
   * @param aliases how many other names were merged into this cache
   */
  public record Row(
      String cache,
      int objectSize,
      int slabSize,
      int align,
      int objsPerSlab,
      int order,
      int minPartial,
      int cpuPartial,
      int sheafCapacity,
      String ctor,
      int flags,
      int usersize,
      int aliases,
      long objects,
      long totalObjects,
      long slabs,
      long partial,
      long cpuSlabs) {

    public boolean hasCtor() {
      return ctor != null;
    }
  }

  private final Map<String, Row> rows;

  private GeometryTable(Map<String, Row> rows) {
    this.rows = Collections.unmodifiableMap(rows);
  }

  public static GeometryTable read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(in, file.toString());
    }
  }

  /**
   * Parses a table from {@code in}; {@code source} names it in errors.
   *
   * @throws IllegalArgumentException naming the source and line of the first bad line
   */
  public static GeometryTable parse(Reader in, String source) throws IOException {
    TsvTable t = TsvTable.read(in, source);
    int cache = t.column("cache");
    int objectSize = t.column("object_size");
    int slabSize = t.column("slab_size");
    int align = t.column("align");
    int objsPerSlab = t.column("objs_per_slab");
    int order = t.column("order");
    int minPartial = t.column("min_partial");
    int cpuPartial = t.column("cpu_partial");
    int sheafCapacity = t.column("sheaf_capacity");
    int ctor = t.column("ctor");
    int[] flagColumns = FLAG_COLUMNS.stream().mapToInt(t::column).toArray();
    int usersize = t.column("usersize");
    int aliases = t.column("aliases");
    int objects = t.column("objects");
    int totalObjects = t.column("total_objects");
    int slabs = t.column("slabs");
    int partial = t.column("partial");
    int cpuSlabs = t.column("cpu_slabs");
    Map<String, Row> rows = new LinkedHashMap<>();
    for (int r = 0; r < t.rowCount(); r++) {
      int flags = 0;
      for (int f = 0; f < flagColumns.length; f++) {
        if (t.flag(r, flagColumns[f])) {
          flags |= SlabFlags.byAttributeName(FLAG_COLUMNS.get(f));
        }
      }
      String ctorText = t.text(r, ctor);
      Row row =
          new Row(
              t.name(r, cache),
              t.smallNumber(r, objectSize),
              t.smallNumber(r, slabSize),
              t.smallNumber(r, align),
              t.smallNumber(r, objsPerSlab),
              t.smallNumber(r, order),
              t.smallNumber(r, minPartial),
              t.smallNumber(r, cpuPartial),
              t.smallNumber(r, sheafCapacity),
              ctorText.equals("-") || ctorText.isEmpty() ? null : ctorText,
              flags,
              t.smallNumber(r, usersize),
              t.smallNumber(r, aliases),
              t.number(r, objects),
              t.number(r, totalObjects),
              t.number(r, slabs),
              t.number(r, partial),
              t.number(r, cpuSlabs));
      if (rows.putIfAbsent(row.cache(), row) != null) {
        throw t.rowError(r, "cache '" + row.cache() + "' listed twice");
      }
    }
    return new GeometryTable(rows);
  }

  /** The rows by cache name, in file order. */
  public Map<String, Row> rows() {
    return rows;
  }
}
