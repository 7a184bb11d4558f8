package dev.slubsmo.sysfs;

import dev.slubsmo.smo.DefragDaemon;
import java.util.List;
import java.util.Objects;

/**
 * {@code /sys/kernel/mm/slab_defrag}: the knobs and counters of {@link DefragDaemon}, laid out like
 * khugepaged's directory. Knobs (0644): {@code enabled} (0 or 1), {@code interval_ms} (1..60000),
 * {@code threshold_lower} and {@code threshold_upper} (percent, lower below upper; raise the upper
 * first), {@code cycle_budget_us} (1..1000000). Counters (0444): {@code cycles}, {@code
 * objects_moved}, {@code slabs_freed}. Each file reads as a decimal and a newline; a write is
 * parsed as {@code kstrtouint} and checked whole before anything changes.
 */
public final class SlabDefragFiles {
  public static final String DIR = "/sys/kernel/mm/slab_defrag";

  private static final List<String> FILES =
      List.of(
          "cycle_budget_us",
          "cycles",
          "enabled",
          "interval_ms",
          "objects_moved",
          "slabs_freed",
          "threshold_lower",
          "threshold_upper");

  private static final List<String> COUNTERS = List.of("cycles", "objects_moved", "slabs_freed");

  private final DefragDaemon daemon;

  public SlabDefragFiles(DefragDaemon daemon) {
    this.daemon = Objects.requireNonNull(daemon, "daemon");
  }

  /** Whether {@code path} is this directory or lies under it. */
  public static boolean owns(String path) {
    return path.equals(DIR) || path.startsWith(DIR + "/");
  }

  /** The files of the directory, sorted as {@code ls} prints them. */
  public List<String> list(String dir) {
    if (!dir.equals(DIR)) {
      name(dir, null);
      throw new SysfsException(Errno.ENOTDIR, dir, null, "not a directory");
    }
    return FILES;
  }

  public String read(String path) {
    long v =
        switch (name(path, null)) {
          case "enabled" -> daemon.enabled() ? 1 : 0;
          case "interval_ms" -> daemon.intervalMs();
          case "threshold_lower" -> daemon.thresholdLower();
          case "threshold_upper" -> daemon.thresholdUpper();
          case "cycle_budget_us" -> daemon.cycleBudgetUs();
          case "cycles" -> daemon.cycles();
          case "objects_moved" -> daemon.objectsMoved();
          default -> daemon.slabsFreed();
        };
    return v + "\n";
  }

  public void write(String path, String value) {
    Objects.requireNonNull(value, "value");
    String name = name(path, value);
    if (COUNTERS.contains(name)) {
      throw new SysfsException(Errno.EACCES, path, value, "read-only counter (mode 0444)");
    }
    long parsed;
    try {
      parsed = Kstrtox.kstrtouint(value);
    } catch (AttributeError e) {
      throw new SysfsException(e.errno(), path, value, e.getMessage());
    }
    if (parsed > Integer.MAX_VALUE) {
      throw new SysfsException(Errno.EINVAL, path, value, parsed + " is out of range");
    }
    int v = (int) parsed;
    try {
      switch (name) {
        case "enabled" -> {
          if (v > 1) {
            throw new IllegalArgumentException("enabled " + v + " is neither 0 nor 1");
          }
          daemon.setEnabled(v == 1);
        }
        case "interval_ms" -> daemon.setIntervalMs(v);
        case "threshold_lower" -> daemon.setThresholds(v, daemon.thresholdUpper());
        case "threshold_upper" -> daemon.setThresholds(daemon.thresholdLower(), v);
        default -> daemon.setCycleBudgetUs(v);
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new SysfsException(Errno.EINVAL, path, value, e.getMessage());
    }
  }

  /** The file name of {@code path}; ENOENT for anything else, EISDIR for the directory. */
  private static String name(String path, String value) {
    if (path.equals(DIR)) {
      throw new SysfsException(Errno.EISDIR, path, value, "is a directory");
    }
    String name = owns(path) ? path.substring(DIR.length() + 1) : "";
    if (!FILES.contains(name)) {
      throw new SysfsException(
          Errno.ENOENT, path, value, "expected " + DIR + "/<" + String.join("|", FILES) + ">");
    }
    return name;
  }
}
