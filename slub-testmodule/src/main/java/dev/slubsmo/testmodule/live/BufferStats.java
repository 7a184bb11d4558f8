package dev.slubsmo.testmodule.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ftrace ring buffer counters of each CPU ({@code per_cpu/cpuN/stats}, from
 * tracing_stats_read()): events in the buffer, events overwritten when it was full, and events lost
 * while a write was being committed. No event was lost when both overrun counts are 0.
 */
public record BufferStats(List<Cpu> cpus) {

  /** The counters of one CPU's buffer. */
  public record Cpu(int cpu, long entries, long overrun, long commitOverrun) {}

  public BufferStats {
    cpus = List.copyOf(cpus);
  }

  /** Reads every CPU's stats file. */
  static BufferStats read(Tracefs tracefs) {
    List<Cpu> cpus = new ArrayList<>();
    for (Path dir : tracefs.perCpuDirectories()) {
      Path stats = dir.resolve("stats");
      String text = KernelFiles.read(stats);
      cpus.add(
          new Cpu(
              Integer.parseInt(dir.getFileName().toString().substring(3)),
              field(text, "entries", stats),
              field(text, "overrun", stats),
              field(text, "commit overrun", stats)));
    }
    return new BufferStats(cpus);
  }

  /** Events left in the buffer over all CPUs. */
  public long entries() {
    return cpus.stream().mapToLong(Cpu::entries).sum();
  }

  /** Events lost over all CPUs. */
  public long lost() {
    return cpus.stream().mapToLong(c -> c.overrun() + c.commitOverrun()).sum();
  }

  /** The text of buffer-stats.txt: three lines per CPU in CPU order, as in the bundled trace. */
  public String format() {
    StringBuilder out = new StringBuilder();
    for (Cpu c : cpus) {
      out.append("entries: ").append(c.entries()).append('\n');
      out.append("overrun: ").append(c.overrun()).append('\n');
      out.append("commit overrun: ").append(c.commitOverrun()).append('\n');
    }
    return out.toString();
  }

  private static long field(String text, String name, Path source) {
    String prefix = name + ":";
    return text.lines()
        .filter(line -> line.startsWith(prefix))
        .map(line -> Long.parseLong(line.substring(prefix.length()).trim()))
        .findFirst()
        .orElseThrow(() -> new LiveKernelException(source + " has no '" + prefix + "' line"));
  }
}
