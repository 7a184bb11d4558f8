package dev.slubsmo.testmodule.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReadAheadReaderTest {

  static String text(long seed, int length) {
    Random random = new Random(seed);
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append((char) ('a' + random.nextInt(26)));
    }
    return s.toString();
  }

  @Test
  void deliversTheSourceUnchangedAcrossManyChunks() throws IOException {
    String text = text(42, 3_000_017);
    StringWriter out = new StringWriter();
    try (Reader reader = ReadAheadReader.start(new StringReader(text))) {
      reader.transferTo(out);
      assertEquals(-1, reader.read(new char[8], 0, 8));
    }
    assertEquals(text, out.toString());
  }

  @Test
  void sourceFailureIsRethrownToTheReader() throws IOException {
    Reader failing =
        new Reader() {
          @Override
          public int read(char[] into, int off, int len) throws IOException {
            throw new IOException("disk gone");
          }

          @Override
          public void close() {}
        };
    try (Reader reader = ReadAheadReader.start(failing)) {
      IOException e = assertThrows(IOException.class, () -> reader.read(new char[8], 0, 8));
      assertEquals("disk gone", e.getMessage());
    }
  }

  @Test
  void closeMidwayStopsTheProducerAndClosesTheSource() throws IOException {
    boolean[] closed = new boolean[1];
    Reader source =
        new StringReader(text(7, 5_000_000)) {
          @Override
          public void close() {
            closed[0] = true;
            super.close();
          }
        };
    Reader reader = ReadAheadReader.start(source);
    assertEquals(8, reader.read(new char[8], 0, 8));
    reader.close();
    assertTrue(closed[0]);
  }
}
