package dev.slubsmo.testmodule.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineInputTest {
  private static LineInput of(String text, int max) {
    return new LineInput(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
  }

  @Test
  void splitsAtNewlines() throws Exception {
    LineInput in = of("a b\n\nc\n", 16);
    assertEquals("a b", in.next());
    assertEquals("", in.next());
    assertEquals("c", in.next());
    assertNull(in.next());
  }

  @Test
  void dropsOneCarriageReturnBeforeTheNewline() throws Exception {
    LineInput in = of("a\r\nb\r\r\n", 16);
    assertEquals("a", in.next());
    assertEquals("b\r", in.next());
  }

  @Test
  void partialLastLineIsDropped() throws Exception {
    assertNull(of("half", 16).next());
  }

  @Test
  void lineOfMaxBytesIsKept() throws Exception {
    assertEquals("12345678", of("12345678\n", 8).next());
  }

  @Test
  void longerLineIsSkippedToItsNewlineAndReported() throws Exception {
    LineInput in = of("123456789\nnext\n", 8);
    BadLineException e = assertThrows(BadLineException.class, in::next);
    assertEquals("line too long (more than 8 bytes; discarded)", e.getMessage());
    assertEquals("next", in.next());
  }

  @Test
  void overlongLineAcrossManyReadsIsSkipped() throws Exception {
    int n = 3 * 8192 + 17;
    LineInput in = of("y".repeat(n) + "\nok\n", 100);
    assertThrows(BadLineException.class, in::next);
    assertEquals("ok", in.next());
  }

  @Test
  void overlongPartialLineAtEndIsDropped() throws Exception {
    assertNull(of("y".repeat(100), 8).next());
  }

  @Test
  void malformedUtf8NamesTheByteAndOffset() throws Exception {
    byte[] b = {'o', 'k', (byte) 0xe2, (byte) 0x82, '\n', 'z', '\n'};
    LineInput in = new LineInput(new ByteArrayInputStream(b), 16);
    BadLineException e = assertThrows(BadLineException.class, in::next);
    assertEquals("line is not valid UTF-8 (byte 0xe2 at offset 2)", e.getMessage());
    assertEquals("z", in.next());
  }

  @Test
  void multiByteCharactersSplitAcrossReadsDecode() throws Exception {
    byte[] b = "\u20ac\u20ac\n".getBytes(StandardCharsets.UTF_8);
    InputStream oneByteAtATime =
        new ByteArrayInputStream(b) {
          @Override
          public synchronized int read(byte[] dst, int off, int len) {
            return super.read(dst, off, Math.min(1, len));
          }
        };
    assertEquals("\u20ac\u20ac", new LineInput(oneByteAtATime, 16).next());
  }

  @Test
  void streamErrorsPropagate() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("reset");
          }
        };
    assertThrows(IOException.class, () -> new LineInput(broken, 16).next());
  }
}
