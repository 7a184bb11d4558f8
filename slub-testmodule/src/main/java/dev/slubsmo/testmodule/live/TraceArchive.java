package dev.slubsmo.testmodule.live;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Copies the ftrace text of the ring buffer into {@code trace.txt.xz}, as in the bundled trace: the
 * {@code #} header and annotation lines are left out, every other line is copied byte for byte.
 * Counts the events by name on the way.
 */
final class TraceArchive {
  /** {@code <task>-<pid> [cpu] <flags> <seconds>: <event>:}; a task name may hold spaces. */
  static final Pattern EVENT = Pattern.compile("\\[\\d+]\\s+(?:\\S+\\s+)?\\d+\\.\\d+: (\\w+):");

  private TraceArchive() {}

  /** Writes the buffer's events to {@code target}; returns how many of each event it wrote. */
  static SortedMap<String, Long> write(Tracefs tracefs, Path target) {
    SortedMap<String, Long> counts = new TreeMap<>();
    try (BufferedReader trace = tracefs.openTrace();
        BufferedWriter out =
            new BufferedWriter(
                new OutputStreamWriter(
                    new XZOutputStream(Files.newOutputStream(target), new LZMA2Options()),
                    StandardCharsets.ISO_8859_1))) {
      for (String line = trace.readLine(); line != null; line = trace.readLine()) {
        if (!line.startsWith("#")) {
          out.write(line);
          out.write('\n');
          count(line, counts);
        }
      }
    } catch (IOException e) {
      throw new LiveKernelException(
          "cannot copy "
              + tracefs.root().resolve("trace")
              + " to "
              + target
              + ": "
              + KernelFiles.reason(e),
          e);
    }
    return counts;
  }

  private static void count(String line, Map<String, Long> counts) {
    Matcher m = EVENT.matcher(line);
    if (m.find()) {
      counts.merge(m.group(1), 1L, Long::sum);
    }
  }
}
