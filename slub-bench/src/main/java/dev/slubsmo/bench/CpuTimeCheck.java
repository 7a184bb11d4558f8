package dev.slubsmo.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.slubsmo.smo.Defrag;
import dev.slubsmo.smo.DefragResult;
import dev.slubsmo.smo.Placement;
import dev.slubsmo.testmodule.replay.Replay;
import dev.slubsmo.testmodule.replay.ReplayResult;
import dev.slubsmo.testmodule.replay.TraceSource;
import dev.slubsmo.testmodule.trace.TraceReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.tukaani.xz.XZInputStream;

/**
 * The JMH comparisons again in thread CPU time, which other load on a shared machine inflates far
 * less than the wall time JMH measures. Each case runs on the states of the JMH benchmarks, the
 * cases interleaved round by round; the median of {@value #ROUNDS} rounds is printed as Markdown
 * with the ratios and targets. Not a replacement for JMH: it has no blackhole, so only cases whose
 * results escape are measured (the {@code long[]} stack baseline is left to JMH).
 *
 * <p>The trace rows add the two halves of end-to-end reading: xz decompression and parsing run on
 * two threads in {@link TraceReader#open}, so on two idle cores the slower half bounds the rate. A
 * replay spreads over more threads, so its row counts the CPU of the whole process, and two idle
 * cores could at best divide that by two.
 */
public final class CpuTimeCheck {
  static final int ROUNDS = 7;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuTimeCheck() {}

  /** A measured case: one round runs it and returns its CPU ns per operation. */
  private record Case(String name, String unit, DoubleSupplier round) {}

  public static void main(String[] args) throws IOException {
    FastPathBench fast = new FastPathBench();
    fast.boot();
    MigrationBench.Fragmented kernel = fragmented(Placement.KERNEL);
    MigrationBench.Fragmented minimal = fragmented(Placement.MINIMAL_MOVE);
    MigrationBench.Frames frames = new MigrationBench.Frames();
    frames.fill();
    MigrationBench copy = new MigrationBench();
    TraceReadBench.Trace trace = new TraceReadBench.Trace();
    trace.load();
    ReplayBench.Machines replay = new ReplayBench.Machines();
    replay.machines = "smo-kernel";
    FuzzMixBench withCheck = new FuzzMixBench();
    withCheck.boot();
    FuzzMixBench noCheck = new FuzzMixBench();
    noCheck.boot();
    List<Case> cases =
        List.of(
            new Case("fast path alloc+free", "ns/op", () -> timed(2_000_000, fast::slubAllocFree)),
            new Case(
                "Netty pooled heap 64 B",
                "ns/op",
                () -> timed(500_000, () -> fast.nettyPooledHeap64().capacity())),
            new Case(
                "Netty pooled direct 64 B",
                "ns/op",
                () -> timed(500_000, () -> fast.nettyPooledDirect64().capacity())),
            new Case("shrink, kernel policy", "ns/object moved", () -> shrink(kernel, 20)),
            new Case("shrink, minimal-move policy", "ns/object moved", () -> shrink(minimal, 20)),
            new Case(
                "arraycopy of 64 B objects",
                "ns/object",
                () ->
                    timed(20_000, () -> copy.arraycopyObjects(frames).length)
                        / MigrationBench.SLABS),
            new Case("trace: xz decompression", "ns/event", () -> decompress(trace)),
            new Case("trace: TraceReader from memory", "ns/event", () -> parse(trace)),
            new Case(
                "replay from .xz, one machine (CPU of all threads)",
                "ns/event",
                () -> replay(replay, trace)),
            new Case(
                "fuzz mix: command + full check",
                "ns/command",
                () -> timed(2_000, () -> withCheck.commandThenCheck().length())),
            new Case(
                "fuzz mix: command only",
                "ns/command",
                () -> timed(2_000, () -> noCheck.commandOnly().length())));
    Map<String, double[]> ns = new LinkedHashMap<>();
    for (Case c : cases) {
      ns.put(c.name(), new double[ROUNDS]);
    }
    for (int r = 0; r < ROUNDS; r++) {
      for (Case c : cases) {
        ns.get(c.name())[r] = c.round().getAsDouble();
      }
    }
    trace.delete();
    StringBuilder sb =
        new StringBuilder("| case (thread CPU time) | median | unit |\n|---|---:|---|\n");
    Map<String, Double> med = new LinkedHashMap<>();
    for (Case c : cases) {
      double m = ScaleReport.median(ns.get(c.name()));
      med.put(c.name(), m);
      sb.append(String.format(Locale.ROOT, "| %s | %.1f | %s |%n", c.name(), m, c.unit()));
    }
    double fastNs = med.get("fast path alloc+free");
    double xz = med.get("trace: xz decompression");
    double parse = med.get("trace: TraceReader from memory");
    double fuzz = med.get("fuzz mix: command + full check");
    sb.append("\n| derived | value | target |\n|---|---:|---|\n");
    sb.append(
        row("Netty heap / fast path (x)", med.get("Netty pooled heap 64 B") / fastNs, ">= 10"));
    sb.append(
        row("Netty direct / fast path (x)", med.get("Netty pooled direct 64 B") / fastNs, ">= 10"));
    sb.append(row("objects moved/s, kernel policy", 1e9 / med.get("shrink, kernel policy"), "-"));
    sb.append(
        row("objects moved/s, minimal-move", 1e9 / med.get("shrink, minimal-move policy"), "-"));
    sb.append(
        row("trace events/s from .xz, two idle cores", 1e9 / Math.max(xz, parse), ">= 1,000,000"));
    sb.append(row("trace events/s from .xz, one core", 1e9 / (xz + parse), "-"));
    double replayNs = med.get("replay from .xz, one machine (CPU of all threads)");
    sb.append(
        row(
            "replay events/s from .xz, one machine, two idle cores (at most)",
            2e9 / replayNs,
            ">= 1,000,000"));
    sb.append(row("fuzz-mix commands/s with checks, one core", 1e9 / fuzz, ">= 20,000"));
    System.out.print(sb);
  }

  /**
   * Results are added here: a static field's stores are visible to any later reader, so the JIT
   * cannot drop the work that produced them.
   */
  private static long sink;

  private static String row(String label, double v, String target) {
    return String.format(
        Locale.ROOT,
        "| %s | %s | %s |%n",
        label,
        v >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v),
        target);
  }

  /** CPU ns per call of {@code op}, over {@code ops} calls. */
  private static double timed(int ops, LongSupplier op) {
    long s = 0;
    long t0 = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < ops; i++) {
      s += op.getAsLong();
    }
    long t = THREADS.getCurrentThreadCpuTime() - t0;
    sink += s;
    return (double) t / ops;
  }

  private static MigrationBench.Fragmented fragmented(Placement p) {
    MigrationBench.Fragmented f = new MigrationBench.Fragmented();
    f.placement = p;
    f.boot();
    return f;
  }

  /** CPU ns per moved object over {@code times} shrinks; the fragmenting is not timed. */
  private static double shrink(MigrationBench.Fragmented f, int times) {
    long moved = 0;
    long t = 0;
    for (int i = 0; i < times; i++) {
      f.fragment();
      long t0 = THREADS.getCurrentThreadCpuTime();
      DefragResult r = Defrag.shrink(f.cache.cache(), f.cache.cpu(), f.placement);
      t += THREADS.getCurrentThreadCpuTime() - t0;
      moved += r.moved();
    }
    return (double) t / moved;
  }

  /** CPU ns per trace event of decompressing the whole file. */
  private static double decompress(TraceReadBench.Trace trace) {
    byte[] buf = new byte[1 << 16];
    long t0 = THREADS.getCurrentThreadCpuTime();
    try (InputStream in =
        new XZInputStream(new BufferedInputStream(Files.newInputStream(trace.file), 1 << 16))) {
      while (in.read(buf) > 0) {
        sink += buf[0];
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return (double) (THREADS.getCurrentThreadCpuTime() - t0) / trace.events;
  }

  /**
   * CPU ns per event of a whole replay from the {@code .xz} file, counted over every thread of the
   * process (reader, read-ahead, machine; also JIT and GC), since the replay spreads over threads.
   */
  private static double replay(ReplayBench.Machines m, TraceReadBench.Trace trace) {
    OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    long t0 = os.getProcessCpuTime();
    ReplayResult r = Replay.run(m.with(TraceSource.file(trace.file)));
    return (double) (os.getProcessCpuTime() - t0) / r.events();
  }

  /** CPU ns per event of reading the decompressed text (UTF-8 decoding and parsing). */
  private static double parse(TraceReadBench.Trace trace) {
    long t0 = THREADS.getCurrentThreadCpuTime();
    try (TraceReader r = trace.memoryReader()) {
      while (r.next(e -> sink += e.ptr())) {
        // every event's pointer goes to the sink
      }
    }
    return (double) (THREADS.getCurrentThreadCpuTime() - t0) / trace.events;
  }
}
