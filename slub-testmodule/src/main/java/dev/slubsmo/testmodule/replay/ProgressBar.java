package dev.slubsmo.testmodule.replay;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar for a terminal: redrawn in place with a carriage return, at most every
 * {@value #REDRAW_MILLIS} ms, from the share of stored trace bytes read (or just the event count
 * when the size is unknown), and erased when reading is done.
 */
public final class ProgressBar implements ReplayProgress {
  private static final long REDRAW_MILLIS = 200;
  private static final int WIDTH = 30;

  private final PrintStream out;
  private long lastDraw;
  private int drawnLength;

  public ProgressBar(PrintStream out) {
    this.out = out;
  }

  @Override
  public void update(long events, long bytes, long totalBytes) {
    long now = System.currentTimeMillis();
    if (now - lastDraw < REDRAW_MILLIS) {
      return;
    }
    lastDraw = now;
    String line;
    if (totalBytes > 0) {
      int filled = (int) Math.min(WIDTH, WIDTH * bytes / totalBytes);
      line =
          String.format(
              Locale.ROOT,
              "replay [%s%s] %3d%% %s events",
              "#".repeat(filled),
              ".".repeat(WIDTH - filled),
              Math.min(100, 100 * bytes / totalBytes),
              Units.count(events));
    } else {
      line = "replay: " + Units.count(events) + " events";
    }
    out.print('\r' + line);
    drawnLength = line.length();
    out.flush();
  }

  @Override
  public void done() {
    if (drawnLength > 0) {
      out.print('\r' + " ".repeat(drawnLength) + '\r');
      out.flush();
    }
  }
}
