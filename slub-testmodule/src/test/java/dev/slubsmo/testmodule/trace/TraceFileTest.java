package dev.slubsmo.testmodule.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.testmodule.trace.TraceEvent.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Reading whole files: real ftrace lines, trace-cmd report text, plain and xz. */
class TraceFileTest {
  static final String SAMPLE = "/traces/dcache-walk-sample.txt";
  static final String TRACE_CMD = "/traces/trace-cmd-report.txt";

  @TempDir Path dir;

  static byte[] resource(String name) throws IOException {
    try (InputStream in = TraceFileTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  static List<TraceEvent> readAll(TraceReader reader) {
    List<TraceEvent> events = new ArrayList<>();
    while (reader.next(events::add)) {}
    return events;
  }

  Path write(String name, byte[] bytes, boolean xz) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      if (xz) {
        try (XZOutputStream compressed = new XZOutputStream(out, new LZMA2Options())) {
          compressed.write(bytes);
        }
      } else {
        out.write(bytes);
      }
    }
    return file;
  }

  @Test
  void everyRealSampleLineIsAnEventOfTheKindItNames() throws IOException {
    String text = new String(resource(SAMPLE), StandardCharsets.UTF_8);
    List<String> lines = text.lines().toList();
    try (TraceReader reader =
        TraceReader.open(write("sample.txt", resource(SAMPLE), false), true)) {
      List<TraceEvent> events = readAll(reader);
      assertEquals(lines.size(), events.size());
      assertEquals(lines.size(), reader.lines());
      for (int i = 0; i < lines.size(); i++) {
        TraceEvent e = events.get(i);
        String name = e.kind().name().toLowerCase().replace("cache_", "kmem_cache_");
        assertTrue(lines.get(i).contains(" " + name + ": "), lines.get(i));
        assertTrue(lines.get(i).contains(String.format("ptr=%016x", e.ptr())), lines.get(i));
        assertTrue(lines.get(i).contains(" [00" + e.cpu() + "] "), lines.get(i));
      }
    }
  }

  @Test
  void xzAndPlainCopiesGiveIdenticalEvents() throws IOException {
    byte[] sample = resource(SAMPLE);
    try (TraceReader plain = TraceReader.open(write("t.txt", sample, false), true);
        TraceReader xz = TraceReader.open(write("t.txt.xz", sample, true), true)) {
      List<TraceEvent> expected = readAll(plain);
      assertEquals(expected, readAll(xz));
      assertEquals(plain.lines(), xz.lines());
    }
  }

  @Test
  void xzIsDetectedByMagicBytesNotByName() throws IOException {
    byte[] sample = resource(SAMPLE);
    try (TraceReader expected = TraceReader.open(write("a", sample, false), true);
        TraceReader xzNamedTxt = TraceReader.open(write("b.txt", sample, true), true);
        TraceReader plainNamedXz = TraceReader.open(write("c.xz", sample, false), true)) {
      List<TraceEvent> events = readAll(expected);
      assertEquals(events, readAll(xzNamedTxt));
      assertEquals(events, readAll(plainNamedXz));
    }
  }

  @Test
  void corruptXzSurfacesAsAnIoError() throws IOException {
    Path good = write("good.xz", resource(SAMPLE), true);
    byte[] bytes = Files.readAllBytes(good);
    Path truncated = write("bad.xz", Arrays.copyOf(bytes, bytes.length / 2), false);
    try (TraceReader reader = TraceReader.open(truncated, false)) {
      assertThrows(UncheckedIOException.class, () -> readAll(reader));
    }
  }

  @Test
  void traceCmdReportLinesAreRead() throws IOException {
    try (TraceReader reader = TraceReader.open(write("r.txt", resource(TRACE_CMD), false), true)) {
      List<TraceEvent> events = readAll(reader);
      assertEquals(
          List.of(
              Kind.CACHE_ALLOC,
              Kind.CACHE_ALLOC,
              Kind.KMALLOC,
              Kind.KFREE,
              Kind.CACHE_FREE,
              Kind.KMALLOC),
          TraceReaderTest.kinds(events));
      assertEquals(5, reader.skipped());
      assertEquals(1, reader.lossMarkers());
      assertEquals(reader.lines(), reader.events() + reader.skipped());
    }
  }

  @Test
  void traceCmdOlderLinesWithoutFlagsOrCacheName() throws IOException {
    try (TraceReader reader = TraceReader.open(write("r.txt", resource(TRACE_CMD), false), true)) {
      TraceEvent first = readAll(reader).get(0);
      assertEquals("<...>", first.task());
      assertEquals(3979, first.pid());
      assertEquals(2, first.cpu());
      assertEquals(0xffff88811390f6c0L, first.ptr());
      assertEquals(null, first.cacheName());
      assertEquals("0x402800", first.gfpFlags());
      assertTrue(first.accounted());
    }
  }

  @Test
  void decimalGluedToTheNextFieldIsSplit() throws IOException {
    try (TraceReader reader = TraceReader.open(write("r.txt", resource(TRACE_CMD), false), true)) {
      TraceEvent kmalloc = readAll(reader).get(2);
      assertEquals(56, kmalloc.bytesReq());
      assertEquals(64, kmalloc.bytesAlloc());
      assertEquals("0x820", kmalloc.gfpFlags());
    }
  }
}
