package dev.slubsmo.testmodule.live;

import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link InspectReport} as the text table {@code smo inspect} prints. Every column but
 * the last (aliases) has a fixed width whatever the data, so outputs line up and diff cleanly; a
 * cache name longer than its column is cut and ends in {@code ~}.
 */
public final class InspectTable {
  static final int NAME_WIDTH = 24;
  private static final String FORMAT =
      "%-" + NAME_WIDTH + "s %11s %9s %9s %9s %9s %5s %9s %10s  %s";
  private static final List<String> COLUMNS =
      List.of(
          "cache",
          "objects",
          "slabs",
          "partial",
          "cpu_slabs",
          "objs/slab",
          "order",
          "floor",
          "pages_back",
          "aliases");

  private InspectTable() {}

  /** Renders the header, one line per cache, a blank line, then the totals. */
  public static String render(InspectReport report) {
    StringBuilder out = new StringBuilder();
    line(out, COLUMNS.toArray());
    for (InspectRow row : report.rows()) {
      line(
          out,
          cut(row.cache()),
          row.objects(),
          row.slabs(),
          row.partial(),
          row.cpuSlabs(),
          row.objsPerSlab(),
          row.order(),
          row.floorSlabs(),
          row.pagesBack(),
          String.join(",", row.aliases()));
    }
    out.append('\n')
        .append(
            String.format(
                Locale.ROOT,
                "total: %d pages in use, floor %d pages, %d pages back (%d bytes at %d bytes a"
                    + " page)\n",
                report.pagesInUse(),
                report.floorPages(),
                report.pagesBack(),
                report.bytesBack(),
                report.pageSize()));
    return out.toString();
  }

  private static void line(StringBuilder out, Object... cells) {
    out.append(String.format(Locale.ROOT, FORMAT, cells).stripTrailing()).append('\n');
  }

  private static String cut(String name) {
    return name.length() <= NAME_WIDTH ? name : name.substring(0, NAME_WIDTH - 1) + "~";
  }
}
