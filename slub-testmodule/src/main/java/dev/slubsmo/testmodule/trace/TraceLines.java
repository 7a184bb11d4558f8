package dev.slubsmo.testmodule.trace;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Splits trace text into lines inside one fixed buffer, without a {@link String} per line.
 *
 * <p>Invariants: {@code buffer[pos, limit)} holds text not yet returned; the current line is {@code
 * buffer[start, end)} without its {@code '\n'}. A line longer than the buffer is returned as far as
 * it fits, flagged {@link #overlong()}, and the rest of it is discarded unread.
 */
final class TraceLines implements AutoCloseable {
  private final Reader in;
  private final char[] buffer;
  private int pos;
  private int limit;
  private boolean eof;
  private boolean discarding;
  private int start;
  private int end;
  private boolean overlong;

  TraceLines(Reader in, int maxLine) {
    this.in = in;
    this.buffer = new char[maxLine];
  }

  /** Moves to the next line; false at the end of the text. */
  boolean next() {
    overlong = false;
    while (true) {
      for (int i = pos; i < limit; i++) {
        if (buffer[i] == '\n') {
          start = pos;
          end = i;
          pos = i + 1;
          if (!discarding) {
            return true;
          }
          discarding = false;
        }
      }
      if (discarding) {
        pos = limit;
      }
      if (eof) {
        start = pos;
        end = limit;
        pos = limit;
        return start < end;
      }
      if (pos == 0 && limit == buffer.length) {
        start = 0;
        end = limit;
        pos = limit;
        overlong = true;
        discarding = true;
        return true;
      }
      fill();
    }
  }

  char[] chars() {
    return buffer;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  /** Whether the current line was cut at the buffer size. */
  boolean overlong() {
    return overlong;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void fill() {
    System.arraycopy(buffer, pos, buffer, 0, limit - pos);
    limit -= pos;
    pos = 0;
    try {
      int n = in.read(buffer, limit, buffer.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
