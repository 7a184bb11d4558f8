package dev.slubsmo.testmodule.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * What {@code smo capture [--seconds N] [-- COMMAND]} does: records the kernel's kmem events
 * (kmem_cache_alloc, kmem_cache_free, kmalloc, kfree) while a workload runs, into a directory laid
 * out like the bundled {@code traces/dcache-walk}.
 *
 * <p>Steps: refuse unless Linux, root and an empty output directory; take the capture lock (one
 * capture per machine, tracefs being global); refuse if a kmem event has a filter; save every
 * control file the capture sets ({@link #readTouchedState()}); set them (tracer nop, local clock,
 * the trace options of the bundled layout, the buffer size, the four events enabled, tracing off);
 * clear the buffer; snapshot slabinfo and sysfs ("before"); turn tracing on; run the command with
 * {@code /bin/sh -c} (no time limit); turn tracing off; snapshot "after"; save the buffer counters
 * and copy {@code trace} (not trace_pipe) to trace.txt.xz; clear the buffer. The saved settings are
 * written back whatever happens, also from a shutdown hook if the JVM is stopped midway.
 *
 * <p>Other events already enabled, {@code set_event_pid} and {@code tracing_cpumask} are left as
 * they are and shape the trace accordingly.
 */
public final class TraceCapture {
  public static final Path DEFAULT_LOCK_FILE = Path.of("/run/lock/smo-capture.lock");

  /**
   * Ring buffer per CPU, in KiB: room for about 1.2 million kmem events (~54 bytes each) on each
   * CPU, enough for the bundled dcache walk (790,000 on one CPU). It costs 64 MiB per CPU while a
   * capture runs; a fuller buffer overwrites its oldest events and counts them as overrun.
   */
  public static final int DEFAULT_BUFFER_KB = 65536;

  private final Tracefs tracefs;
  private final LiveSlabReader reader;
  private final Path lockFile;
  private final int bufferKb;

  public TraceCapture(Tracefs tracefs, LiveSlabReader reader, Path lockFile, int bufferKb) {
    if (bufferKb <= 0) {
      throw new IllegalArgumentException("buffer size must be positive KiB, got " + bufferKb);
    }
    this.tracefs = tracefs;
    this.reader = reader;
    this.lockFile = lockFile;
    this.bufferKb = bufferKb;
  }

  /** A capture of this machine: refuses unless Linux and root, then finds or mounts tracefs. */
  public static TraceCapture onThisMachine() {
    CaptureHost.current().requireCapable();
    return new TraceCapture(
        Tracefs.locate(), new LiveSlabReader(), DEFAULT_LOCK_FILE, DEFAULT_BUFFER_KB);
  }

  /** The workload of {@code smo capture --seconds N} without a command. */
  public static String sleepCommand(int seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("seconds must not be negative, got " + seconds);
    }
    return "sleep " + seconds;
  }

  /** The current values of every control file a capture sets, as it would restore them. */
  public TracingState readTouchedState() {
    return TracingState.read(tracefs, CaptureSettings.values(tracefs, bufferKb).keySet());
  }

  /** Runs {@code command} under the trace and writes the trace directory {@code outDir}. */
  @SuppressWarnings("try") // the lock and the restore do their work by being closed
  public CaptureResult capture(Path outDir, String command) {
    CaptureHost.current().requireCapable();
    if (command.isBlank()) {
      throw new IllegalArgumentException("the workload command is empty");
    }
    prepareOutput(outDir);
    try (CaptureLock lock = CaptureLock.acquire(lockFile)) {
      requireNoFilters();
      try (TracingRestore restore = new TracingRestore(tracefs, readTouchedState())) {
        return traceWorkload(outDir, command);
      }
    }
  }

  private CaptureResult traceWorkload(Path outDir, String command) {
    new TracingState(CaptureSettings.values(tracefs, bufferKb)).apply(tracefs);
    tracefs.clearBuffer();
    snapshot(outDir, "before");
    tracefs.write("tracing_on", "1");
    int status;
    try {
      status = run(command);
    } finally {
      tracefs.write("tracing_on", "0");
    }
    snapshot(outDir, "after");
    BufferStats stats = BufferStats.read(tracefs);
    SortedMap<String, Long> events = TraceArchive.write(tracefs, outDir.resolve("trace.txt.xz"));
    tracefs.clearBuffer();
    write(outDir.resolve("buffer-stats.txt"), stats.format());
    write(outDir.resolve("workload.sh"), command + "\n");
    return new CaptureResult(outDir, status, events, stats);
  }

  /** Copies /proc/slabinfo and tabulates sysfs, as slabinfo.{when} and sysfs.{when}.tsv. */
  private void snapshot(Path outDir, String when) {
    KernelFiles.writeOutput(
        outDir.resolve("slabinfo." + when), KernelFiles.readBytes(reader.slabinfo()));
    write(outDir.resolve("sysfs." + when + ".tsv"), SysfsSnapshotTsv.format(reader.readCaches()));
  }

  private static void write(Path file, String text) {
    KernelFiles.writeOutput(file, text.getBytes(StandardCharsets.UTF_8));
  }

  private int run(String command) {
    Process process;
    try {
      process = new ProcessBuilder("/bin/sh", "-c", command).inheritIO().start();
    } catch (IOException e) {
      throw new LiveKernelException("cannot run /bin/sh: " + KernelFiles.reason(e), e);
    }
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new LiveKernelException("capture interrupted while running: " + command, e);
    }
  }

  private void requireNoFilters() {
    for (String event : CaptureSettings.KMEM_EVENTS) {
      String filter = tracefs.read(CaptureSettings.filterFile(event));
      if (!filter.equals("none")) {
        throw new LiveKernelException(
            tracefs.root().resolve(CaptureSettings.filterFile(event))
                + " holds a filter ('"
                + filter
                + "'), which would drop events; clear it with: echo 0 > that file");
      }
    }
  }

  private static void prepareOutput(Path outDir) {
    try {
      Files.createDirectories(outDir);
      try (Stream<Path> entries = Files.list(outDir)) {
        if (entries.findAny().isPresent()) {
          throw new LiveKernelException(
              "output directory " + outDir + " is not empty; a capture writes a fresh one");
        }
      }
    } catch (IOException e) {
      throw new LiveKernelException(
          "cannot create output directory " + outDir + ": " + KernelFiles.reason(e), e);
    }
  }
}
