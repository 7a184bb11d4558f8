package dev.slubsmo.testmodule.replay;

import dev.slubsmo.mm.PageAllocator;
import java.util.Locale;

/** Formats the replay's quantities for people: pages in MiB, ratios, trace durations. */
final class Units {
  static final long PAGE_SIZE = PageAllocator.PAGE_SIZE;

  private Units() {}

  /** {@code pages} of 4 KiB in MiB, one decimal. */
  static String mib(long pages) {
    return String.format(Locale.ROOT, "%.1f MiB", pages * PAGE_SIZE / 1048576.0);
  }

  /** {@code a / b} as {@code 1.44x}, or {@code -} when {@code b} is 0. */
  static String ratio(long a, long b) {
    return b == 0 ? "-" : String.format(Locale.ROOT, "%.2fx", (double) a / b);
  }

  /** A duration with a unit and about three significant digits: {@code 812ns}, {@code 1.23s}. */
  static String duration(long nanos) {
    if (nanos < 1_000) {
      return nanos + "ns";
    }
    if (nanos < 1_000_000) {
      return significant(nanos / 1e3) + "us";
    }
    if (nanos < 1_000_000_000) {
      return significant(nanos / 1e6) + "ms";
    }
    return significant(nanos / 1e9) + "s";
  }

  private static String significant(double v) {
    String format = v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f";
    return String.format(Locale.ROOT, format, v);
  }

  /** A count with thousands separators: {@code 831,510}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
