package dev.slubsmo.testmodule.trace;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.tukaani.xz.XZInputStream;

/**
 * Streams the slab events ({@code kmem_cache_alloc}, {@code kmem_cache_free}, {@code kmalloc},
 * {@code kfree}) out of ftrace or {@code trace-cmd report} text, plain or xz-compressed, in memory
 * that does not grow with the trace: one line buffer ({@link TraceLines}), the read-ahead chunks of
 * {@link ReadAheadReader} for files, and the bounded shared strings of {@link StringInterner}.
 *
 * <p>Every line is counted once: as an event, as skipped (comments, other tracepoints, trace-cmd
 * header lines, lost-event markers) or as malformed, so {@code lines == events + skipped +
 * malformed}. In lenient mode a malformed line is counted and the first {@value #KEPT_MALFORMED}
 * are kept for display; in strict mode the first one throws a {@link TraceFormatException}. I/O
 * errors surface as {@link UncheckedIOException}.
 */
public final class TraceReader implements AutoCloseable {

  /** How many malformed lines a lenient reader keeps for display. */
  public static final int KEPT_MALFORMED = 5;

  /** Lines longer than this are malformed; the rest of such a line is discarded unread. */
  public static final int MAX_LINE = 1 << 16;

  private static final int SHOWN_TEXT = 160;
  private static final byte[] XZ_MAGIC = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};

  /** A line that was not an event nor a known non-event line. */
  public record Malformed(long line, String reason, String text) {}

  private final TraceLines lines;
  private final boolean strict;
  private final TraceLineParser parser = new TraceLineParser();

  private long lineCount;
  private long events;
  private long skipped;
  private long malformed;
  private long lossMarkers;
  private final List<Malformed> firstMalformed = new ArrayList<>();

  private TraceReader(Reader in, boolean strict) {
    this.lines = new TraceLines(in, MAX_LINE);
    this.strict = strict;
  }

  /**
   * Reads {@code file}, decompressing it when it starts with the xz magic bytes. Decompression and
   * decoding run ahead on a background thread that {@link #close()} stops.
   */
  public static TraceReader open(Path file, boolean strict) throws IOException {
    return open(Files.newInputStream(file), strict);
  }

  /** Reads UTF-8 trace text from {@code in} like {@link #open(Path, boolean)}. */
  public static TraceReader open(InputStream in, boolean strict) throws IOException {
    InputStream buffered = new BufferedInputStream(Objects.requireNonNull(in, "in"), 1 << 16);
    try {
      buffered.mark(XZ_MAGIC.length);
      byte[] head = buffered.readNBytes(XZ_MAGIC.length);
      buffered.reset();
      InputStream text = Arrays.equals(head, XZ_MAGIC) ? new XZInputStream(buffered) : buffered;
      return of(ReadAheadReader.start(new InputStreamReader(text, StandardCharsets.UTF_8)), strict);
    } catch (IOException | RuntimeException e) {
      buffered.close();
      throw e;
    }
  }

  /** Reads trace text from {@code r}. */
  public static TraceReader of(Reader r, boolean strict) {
    return new TraceReader(r, strict);
  }

  /**
   * Reads up to the next event and hands it to {@code sink}.
   *
   * @return false at the end of the trace
   * @throws TraceFormatException in strict mode, at the first malformed line
   */
  public boolean next(Consumer<? super TraceEvent> sink) {
    while (lines.next()) {
      lineCount++;
      TraceLineParser.Outcome outcome =
          lines.overlong()
              ? TraceLineParser.Outcome.MALFORMED
              : parser.parse(lines.chars(), lines.start(), lines.end(), lineCount);
      switch (outcome) {
        case EVENT:
          events++;
          sink.accept(parser.event());
          return true;
        case LOSS_MARKER:
          lossMarkers++;
          skipped++;
          break;
        case SKIPPED:
          skipped++;
          break;
        case MALFORMED:
          malformed(
              lines.overlong() ? "line longer than " + MAX_LINE + " characters" : parser.reason());
          break;
      }
    }
    return false;
  }

  /** The remaining events as a sequential stream; closing the stream closes this reader. */
  public Stream<TraceEvent> stream() {
    Spliterator<TraceEvent> spliterator =
        new Spliterators.AbstractSpliterator<TraceEvent>(
            Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
          @Override
          public boolean tryAdvance(Consumer<? super TraceEvent> action) {
            return next(action);
          }
        };
    return StreamSupport.stream(spliterator, false).onClose(this::close);
  }

  /** Lines read so far. */
  public long lines() {
    return lineCount;
  }

  /** Slab events delivered so far. */
  public long events() {
    return events;
  }

  /** Lines that were comments, other tracepoints, trace-cmd headers or lost-event markers. */
  public long skipped() {
    return skipped;
  }

  /** Lines that could not be read. */
  public long malformed() {
    return malformed;
  }

  /**
   * Lost-event markers seen ({@code CPU:n [LOST m EVENTS]}, {@code CPU:n [m EVENTS DROPPED]}); when
   * non-zero, some allocations or frees are missing from the trace.
   */
  public long lossMarkers() {
    return lossMarkers;
  }

  /** The first {@value #KEPT_MALFORMED} malformed lines, in order. */
  public List<Malformed> firstMalformed() {
    return Collections.unmodifiableList(firstMalformed);
  }

  @Override
  public void close() {
    lines.close();
  }

  private void malformed(String reason) {
    malformed++;
    String text = shown();
    if (strict) {
      throw new TraceFormatException(lineCount, reason, text);
    }
    if (firstMalformed.size() < KEPT_MALFORMED) {
      firstMalformed.add(new Malformed(lineCount, reason, text));
    }
  }

  private String shown() {
    int length = lines.end() - lines.start();
    return length <= SHOWN_TEXT
        ? new String(lines.chars(), lines.start(), length)
        : new String(lines.chars(), lines.start(), SHOWN_TEXT) + "...";
  }
}
