package dev.slubsmo.bench;

import dev.slubsmo.testmodule.trace.TraceReader;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.tukaani.xz.XZInputStream;

/**
 * Reading the bundled real trace ({@code traces/dcache-walk/trace.txt.xz}, 831,510 events): the
 * {@link TraceReader} alone, end to end from the {@code .xz} file (decompression and decoding on
 * its read-ahead thread) and from the decompressed text in memory; and, as the floor under the
 * first, xz decompression alone. The {@code events} counter gives events per second (for the xz
 * baseline: the trace's events per second of decompression). This is the reading part of {@link
 * ReplayBench}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class TraceReadBench {
  static final String TRACE = "/traces/dcache-walk/trace.txt.xz";

  /** The trace as a file and as decompressed text, and its event count. */
  @State(Scope.Benchmark)
  public static class Trace {
    Path file;
    byte[] text;
    long events;

    @Setup(Level.Trial)
    public void load() throws IOException {
      file = Files.createTempFile("bench-trace", ".txt.xz");
      try (InputStream in = TraceReadBench.class.getResourceAsStream(TRACE)) {
        if (in == null) {
          throw new IllegalStateException("resource " + TRACE + " is missing from the classpath");
        }
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      try (InputStream in = new XZInputStream(Files.newInputStream(file))) {
        text = in.readAllBytes();
      }
      try (TraceReader r = memoryReader()) {
        while (r.next(e -> {})) {
          events++;
        }
      }
    }

    TraceReader memoryReader() {
      return TraceReader.of(
          new InputStreamReader(new ByteArrayInputStream(text), StandardCharsets.UTF_8), false);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
      Files.deleteIfExists(file);
    }
  }

  /** Events read, normalised by JMH to events per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Events {
    public long events;

    @Setup(Level.Iteration)
    public void reset() {
      events = 0;
    }
  }

  private static long drain(TraceReader r, Blackhole bh) {
    while (r.next(bh::consume)) {
      // every event goes to the blackhole
    }
    return r.events();
  }

  /** TraceReader end to end from the .xz file. */
  @Benchmark
  public void readerFromXz(Trace t, Events e, Blackhole bh) throws IOException {
    try (TraceReader r = TraceReader.open(t.file, false)) {
      e.events += drain(r, bh);
    }
  }

  /** TraceReader over the decompressed text in memory (UTF-8 decoding included). */
  @Benchmark
  public void readerFromMemory(Trace t, Events e, Blackhole bh) {
    try (TraceReader r = t.memoryReader()) {
      e.events += drain(r, bh);
    }
  }

  /** Baseline: xz decompression of the same file, no decoding or parsing. */
  @Benchmark
  public long xzDecompressOnly(Trace t, Events e) {
    byte[] buf = new byte[1 << 16];
    long bytes = 0;
    try (InputStream in =
        new XZInputStream(new BufferedInputStream(Files.newInputStream(t.file), 1 << 16))) {
      for (int n; (n = in.read(buf)) > 0; ) {
        bytes += n;
      }
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
    e.events += t.events;
    return bytes;
  }
}
