package dev.slubsmo.suite.fuzz;

import dev.slubsmo.suite.xarray.XArrayModule;
import dev.slubsmo.testmodule.lang.Modules;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a fuzzed script, classified: its {@link Kind}, the cache or file it targets, and its
 * integer arguments (-1 where absent, as {@code callfn} defaults them).
 *
 * @param text the line
 * @param kind what it does
 * @param cache the {@code /sys/kernel/slab} cache it writes to, or null
 * @param file the sysfs file it writes, or null
 * @param args the integer words after the callfn command, or the value written to a sysfs file
 */
record Line(String text, Kind kind, String cache, String file, long[] args) {
  static final String SLAB = "/sys/kernel/slab/";

  long arg(int i) {
    return i < args.length ? args[i] : -1;
  }

  /** Classifies a line; anything unrecognised is {@link Kind#OTHER}. */
  static Line of(String text) {
    List<String> w = words(text);
    String cmd = w.get(0);
    switch (cmd) {
      case "machine":
        return new Line(text, Kind.MACHINE, null, null, new long[0]);
      case "cpu":
        return new Line(text, Kind.CPU, null, null, numbers(w.subList(1, w.size())));
      case "insmod":
        return new Line(text, Kind.INSMOD, null, null, new long[0]);
      case "check":
        return new Line(text, Kind.CHECK, null, null, new long[0]);
      case "expect":
        return new Line(text, Kind.EXPECT, null, null, new long[0]);
      case "defrag_slabs":
        return new Line(text, Kind.DEFRAG, null, null, numbers(w.subList(1, w.size())));
      case "echo":
        return echo(text, w);
      default:
        return new Line(text, Kind.OTHER, null, null, new long[0]);
    }
  }

  private static Line echo(String text, List<String> w) {
    int gt = w.indexOf(">");
    if (gt < 2 || gt != w.size() - 2) {
      return new Line(text, Kind.OTHER, null, null, new long[0]);
    }
    String path = w.get(gt + 1);
    List<String> words = w.subList(1, gt);
    if (path.equals(Modules.SMO_CALLFN)) {
      return callfn(text, words, false);
    }
    if (path.equals(XArrayModule.CALLFN)) {
      return callfn(text, words, true);
    }
    if (path.startsWith(SLAB) && path.indexOf('/', SLAB.length()) > 0) {
      String cache = path.substring(SLAB.length(), path.indexOf('/', SLAB.length()));
      String file = path.substring(path.lastIndexOf('/') + 1);
      Kind k =
          switch (file) {
            case "shrink" -> Kind.SHRINK;
            case "move" -> Kind.MOVE;
            case "balance" -> Kind.BALANCE;
            case "defrag_used_ratio" -> Kind.DEFRAG_RATIO;
            case "failslab_probability", "failslab_interval", "failslab_times" -> Kind.FAILSLAB;
            default -> Kind.KNOB;
          };
      return new Line(text, k, cache, file, numbers(words));
    }
    return new Line(text, Kind.OTHER, null, null, new long[0]);
  }

  private static Line callfn(String text, List<String> words, boolean xarray) {
    String cmd = words.get(0);
    long[] args = numbers(words.subList(1, words.size()));
    Kind k =
        xarray
            ? switch (cmd) {
              case "store" -> Kind.XA_STORE;
              case "erase" -> Kind.XA_ERASE;
              case "mark" -> Kind.XA_MARK;
              case "clear" -> Kind.XA_CLEAR;
              case "check" -> Kind.XA_CHECK;
              case "test" -> Kind.XA_TEST;
              default -> Kind.OTHER;
            }
            : switch (cmd) {
              case "alloc" -> args.length > 1 && args[1] >= 0 ? Kind.ALLOC_NODE : Kind.ALLOC;
              case "free" -> Kind.FREE;
              case "enable" -> Kind.ENABLE;
              case "test" -> Kind.TEST;
              default -> Kind.OTHER;
            };
    return new Line(text, k, null, null, args);
  }

  /** The blank-separated words of a line. */
  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      int start = i;
      while (i < n && text.charAt(i) != ' ' && text.charAt(i) != '\t') {
        i++;
      }
      if (i > start) {
        out.add(text.substring(start, i));
      }
    }
    return out.isEmpty() ? List.of("") : out;
  }

  /** The words as integers; a word that is not one (a node name such as N1) has its digits. */
  private static long[] numbers(List<String> words) {
    long[] out = new long[words.size()];
    for (int i = 0; i < out.length; i++) {
      String d = words.get(i).replaceFirst("^[nN]", "");
      try {
        out[i] = Long.parseLong(d);
      } catch (NumberFormatException e) {
        out[i] = Long.MIN_VALUE;
      }
    }
    return out;
  }
}
