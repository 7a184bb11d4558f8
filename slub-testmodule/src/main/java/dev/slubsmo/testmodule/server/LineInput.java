package dev.slubsmo.testmodule.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads {@code \n}-terminated UTF-8 lines of bounded length from a stream.
 *
 * <p>Algorithm: bytes are scanned in an 8 KiB window for the next {@code \n}; the bytes before it
 * are appended to the line buffer while the line stays within {@code max} bytes. Once it grows past
 * {@code max} the buffer stops growing and the rest of the line is skipped up to its {@code \n}, so
 * an overlong line costs at most {@code max} bytes of memory. Invariants: a line is only ever
 * returned whole; bytes after end of stream without a {@code \n} are dropped; one {@code \r} before
 * the {@code \n} is not part of the line.
 */
final class LineInput {
  private final InputStream in;
  private final int max;
  private final byte[] window = new byte[8192];
  private int pos;
  private int limit;

  LineInput(InputStream in, int max) {
    this.in = in;
    this.max = max;
  }

  /**
   * The next line without its terminator, or null at end of stream (a partial last line is
   * dropped).
   *
   * @throws BadLineException after consuming a line that is longer than {@code max} bytes or is not
   *     UTF-8
   */
  String next() throws IOException, BadLineException {
    byte[] line = new byte[Math.min(max, 256)];
    int n = 0;
    boolean tooLong = false;
    while (true) {
      if (pos == limit) {
        int r = in.read(window);
        if (r < 0) {
          return null;
        }
        pos = 0;
        limit = r;
      }
      int end = pos;
      while (end < limit && window[end] != '\n') {
        end++;
      }
      int chunk = end - pos;
      if (!tooLong && n + chunk > max) {
        tooLong = true;
      }
      if (!tooLong) {
        if (n + chunk > line.length) {
          line = Arrays.copyOf(line, Math.min(max, Math.max(2 * line.length, n + chunk)));
        }
        System.arraycopy(window, pos, line, n, chunk);
        n += chunk;
      }
      pos = end;
      if (end < limit) {
        pos++;
        if (tooLong) {
          throw new BadLineException("line too long (more than " + max + " bytes; discarded)");
        }
        if (n > 0 && line[n - 1] == '\r') {
          n--;
        }
        return decode(line, n);
      }
    }
  }

  /** Strict UTF-8: a malformed or truncated sequence is an error naming its first byte. */
  private static String decode(byte[] bytes, int n) throws BadLineException {
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer src = ByteBuffer.wrap(bytes, 0, n);
    CharBuffer dst = CharBuffer.allocate(n);
    CoderResult r = d.decode(src, dst, true);
    if (!r.isError()) {
      r = d.flush(dst);
    }
    if (r.isError()) {
      int at = src.position();
      throw new BadLineException(
          String.format(
              "line is not valid UTF-8 (byte 0x%02x at offset %d)", bytes[at] & 0xff, at));
    }
    return dst.flip().toString();
  }
}
