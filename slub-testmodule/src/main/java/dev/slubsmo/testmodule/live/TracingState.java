package dev.slubsmo.testmodule.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values of a set of tracefs control files, in the order they are to be written, normalised so a
 * saved state can be written back: {@code enable} files as 0 or 1 (a soft-mode {@code *} dropped),
 * {@code trace_clock} as the selected clock, {@code buffer_size_kb} as the size per CPU. While the
 * buffer is still at its boot minimum ({@code 7 (expanded: 1408)}) the size is the one it expands
 * to; the kernel expands it on the first event enable and never goes back, and rounds a written
 * size up to whole sub-buffers, so after the first capture of a boot it reads back slightly larger
 * (1410 on x86_64). From then on, saving and writing back a size is exact.
 */
public record TracingState(Map<String, String> values) {
  private static final Pattern CLOCK = Pattern.compile("\\[(\\S+)]");
  private static final Pattern EXPANDED = Pattern.compile("\\d+ \\(expanded: (\\d+)\\)");

  public TracingState {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Reads the current values of {@code files}, keeping their order. */
  public static TracingState read(Tracefs tracefs, Collection<String> files) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String file : files) {
      values.put(file, normalise(tracefs, file, tracefs.read(file)));
    }
    return new TracingState(values);
  }

  /**
   * Writes every value that differs from the file's current one, in order. Goes on past a failed
   * write so as much as possible is set, then throws the first failure with the others suppressed.
   */
  public void apply(Tracefs tracefs) {
    List<LiveKernelException> failures = new ArrayList<>();
    values.forEach(
        (file, value) -> {
          try {
            if (!normalise(tracefs, file, tracefs.read(file)).equals(value)) {
              tracefs.write(file, value);
            }
          } catch (LiveKernelException e) {
            failures.add(e);
          }
        });
    if (!failures.isEmpty()) {
      LiveKernelException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }

  private static String normalise(Tracefs tracefs, String file, String text) {
    if (file.endsWith("/enable")) {
      return text.replace("*", "");
    }
    if (file.equals("trace_clock")) {
      Matcher m = CLOCK.matcher(text);
      if (!m.find()) {
        throw new LiveKernelException(
            tracefs.root().resolve(file) + ": no selected clock in '" + text + "'");
      }
      return m.group(1);
    }
    if (file.equals("buffer_size_kb")) {
      Matcher m = EXPANDED.matcher(text);
      if (m.matches()) {
        return m.group(1);
      }
      if (!text.matches("\\d+")) {
        throw new LiveKernelException(
            tracefs.root().resolve(file)
                + " reads '"
                + text
                + "': the per-CPU buffers differ in size, which a capture could not restore;"
                + " write one size to it first");
      }
    }
    return text;
  }
}
