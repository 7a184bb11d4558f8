package dev.slubsmo.testmodule.trace;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-cache counters read from {@code /sys/kernel/slab/<cache>/} at one moment, as stored in the
 * bundled traces' {@code sysfs.before.tsv} and {@code sysfs.after.tsv}: a header line {@code cache
 * object_size slab_size objs_per_slab order objects slabs partial cpu_slabs total_objects}, then
 * one tab-separated row per cache.
 */
public final class SysfsSnapshot {

  /** One cache's sysfs attributes of the same names (mm/slub.c {@code *_show}). */
  public record Row(
      String cache,
      int objectSize,
      int slabSize,
      int objsPerSlab,
      int order,
      long objects,
      long slabs,
      long partial,
      long cpuSlabs,
      long totalObjects) {}

  private final Map<String, Row> rows;

  private SysfsSnapshot(Map<String, Row> rows) {
    this.rows = Collections.unmodifiableMap(rows);
  }

  public static SysfsSnapshot read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(in, file.toString());
    }
  }

  /**
   * Parses a snapshot from {@code in}; {@code source} names it in errors.
   *
   * @throws IllegalArgumentException naming the source and line of the first bad line
   */
  public static SysfsSnapshot parse(Reader in, String source) throws IOException {
    TsvTable t = TsvTable.read(in, source);
    int cache = t.column("cache");
    int objectSize = t.column("object_size");
    int slabSize = t.column("slab_size");
    int objsPerSlab = t.column("objs_per_slab");
    int order = t.column("order");
    int objects = t.column("objects");
    int slabs = t.column("slabs");
    int partial = t.column("partial");
    int cpuSlabs = t.column("cpu_slabs");
    int totalObjects = t.column("total_objects");
    Map<String, Row> rows = new LinkedHashMap<>();
    for (int r = 0; r < t.rowCount(); r++) {
      Row row =
          new Row(
              t.name(r, cache),
              t.smallNumber(r, objectSize),
              t.smallNumber(r, slabSize),
              t.smallNumber(r, objsPerSlab),
              t.smallNumber(r, order),
              t.number(r, objects),
              t.number(r, slabs),
              t.number(r, partial),
              t.number(r, cpuSlabs),
              t.number(r, totalObjects));
      if (rows.putIfAbsent(row.cache(), row) != null) {
        throw t.rowError(r, "cache '" + row.cache() + "' listed twice");
      }
    }
    return new SysfsSnapshot(rows);
  }

  /** The rows by cache name, in file order. */
  public Map<String, Row> rows() {
    return rows;
  }
}
