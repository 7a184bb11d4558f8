package dev.slubsmo.slab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The rows of the bundled Linux 6.18 {@code slab-geometry.tsv} (read off /sys/kernel/slab). */
final class SlabGeometrySnapshot {
  static final String RESOURCE = "/linux-6.18/slab-geometry.tsv";

  /** The flag attribute columns of the table, named like their {@link SlabFlags}. */
  private static final List<String> FLAG_COLUMNS =
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

  /** One cache as the kernel reported it; {@code flags} are the {@code SLAB_*} flags set. */
  record Row(
      String cache,
      int objectSize,
      int slabSize,
      int align,
      int objsPerSlab,
      int order,
      int minPartial,
      int cpuPartial,
      boolean ctor,
      int flags) {
    @Override
    public String toString() {
      return cache;
    }
  }

  private static final List<Row> ROWS = load();

  private SlabGeometrySnapshot() {}

  static List<Row> rows() {
    return ROWS;
  }

  static Row row(String cache) {
    return ROWS.stream()
        .filter(r -> r.cache().equals(cache))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(cache + " is not in " + RESOURCE));
  }

  private static List<Row> load() {
    InputStream in = SlabGeometrySnapshot.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException(RESOURCE + " is not on the test classpath");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> header = Arrays.asList(reader.readLine().split("\t"));
      List<Row> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] f = line.split("\t");
        int flags = 0;
        for (String column : FLAG_COLUMNS) {
          if (f[column(header, column)].equals("1")) {
            flags |= SlabFlags.byAttributeName(column);
          }
        }
        rows.add(
            new Row(
                f[column(header, "cache")],
                intAt(f, header, "object_size"),
                intAt(f, header, "slab_size"),
                intAt(f, header, "align"),
                intAt(f, header, "objs_per_slab"),
                intAt(f, header, "order"),
                intAt(f, header, "min_partial"),
                intAt(f, header, "cpu_partial"),
                !f[column(header, "ctor")].equals("-"),
                flags));
      }
      return List.copyOf(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE, e);
    }
  }

  private static int intAt(String[] fields, List<String> header, String name) {
    return Integer.parseInt(fields[column(header, name)]);
  }

  private static int column(List<String> header, String name) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IllegalStateException(RESOURCE + " has no column " + name);
    }
    return i;
  }
}
