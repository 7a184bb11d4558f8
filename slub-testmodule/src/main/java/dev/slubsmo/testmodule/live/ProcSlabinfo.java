package dev.slubsmo.testmodule.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parser of {@code /proc/slabinfo} format version 2.1 (print_slabinfo_header() and cache_show() in
 * mm/slab_common.c): a version line, a {@code #} header line, then per cache {@code name
 * active_objs num_objs objsize objperslab pagesperslab : tunables limit batchcount sharedfactor :
 * slabdata active_slabs num_slabs sharedavail}.
 */
public final class ProcSlabinfo {
  public static final String VERSION_LINE = "slabinfo - version: 2.1";
  private static final int FIELDS = 16;

  private ProcSlabinfo() {}

  /** Reads and parses a slabinfo file. */
  public static List<SlabinfoEntry> parse(Path file) {
    return parse(KernelFiles.read(file).lines().toList(), file);
  }

  /** Parses slabinfo lines; {@code source} names where they came from for errors. */
  public static List<SlabinfoEntry> parse(List<String> lines, Path source) {
    if (lines.isEmpty() || !lines.get(0).equals(VERSION_LINE)) {
      String found = lines.isEmpty() ? "an empty file" : "'" + lines.get(0) + "'";
      throw new LiveKernelException(
          source + ": expected '" + VERSION_LINE + "' on line 1, found " + found);
    }
    List<SlabinfoEntry> entries = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("#")) {
        entries.add(parseLine(lines.get(i), source, i + 1));
      }
    }
    return entries;
  }

  private static SlabinfoEntry parseLine(String line, Path source, int lineNumber) {
    String[] f = line.trim().split(" +");
    if (f.length != FIELDS
        || !f[6].equals(":")
        || !f[7].equals("tunables")
        || !f[11].equals(":")
        || !f[12].equals("slabdata")) {
      throw new LiveKernelException(
          source + " line " + lineNumber + ": not a version 2.1 cache line: '" + line + "'");
    }
    try {
      return new SlabinfoEntry(
          f[0],
          Long.parseLong(f[1]),
          Long.parseLong(f[2]),
          Integer.parseInt(f[3]),
          Integer.parseInt(f[4]),
          Integer.parseInt(f[5]),
          Integer.parseInt(f[8]),
          Integer.parseInt(f[9]),
          Integer.parseInt(f[10]),
          Long.parseLong(f[13]),
          Long.parseLong(f[14]),
          Long.parseLong(f[15]));
    } catch (NumberFormatException e) {
      throw new LiveKernelException(
          source + " line " + lineNumber + ": not a number: " + e.getMessage(), e);
    }
  }
}
