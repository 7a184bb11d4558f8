package dev.slubsmo.testmodule.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final ProgressBar bar =
      new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));

  private String drawn() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void drawsTheShareOfBytesRead() {
    bar.update(1234, 50, 100);
    assertTrue(
        drawn().startsWith("\rreplay [###############...............]  50% 1,234 events"), drawn());
  }

  @Test
  void withoutASizeShowsTheEventCount() {
    bar.update(99, 10, -1);
    assertEquals("\rreplay: 99 events", drawn());
  }

  @Test
  void redrawsAtMostEveryFifthOfASecond() {
    bar.update(1, 1, 100);
    bar.update(2, 2, 100);
    assertEquals(1, drawn().chars().filter(c -> c == '\r').count());
  }

  @Test
  void doneErasesTheLine() {
    bar.update(1, 1, 100);
    int drawn = drawn().length() - 1;
    bar.done();
    assertTrue(drawn().endsWith("\r" + " ".repeat(drawn) + "\r"), drawn());
  }

  @Test
  void doneWithoutADrawingPrintsNothing() {
    bar.done();
    assertEquals("", drawn());
  }
}
