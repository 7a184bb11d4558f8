package dev.slubsmo.testmodule.lang;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code smo run FILE...}: runs each script's lines in order on one session, printing what {@code
 * cat}, {@code ls}, {@code dmesg} and {@code check} print. The first refused line prints {@code
 * FILE:LINE: message} on the error stream and stops with status 2; with keep-going every refused
 * line is reported and the status is 2 at the end. A model crash (a page fault, a kernel BUG) is
 * reported as {@code FILE:LINE: oops: ...} and always stops the run: the machine is not to be
 * trusted after it.
 */
public final class ScriptRunner {
  public static final int FAILED = 2;

  private final Session session;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean keepGoing;

  public ScriptRunner(Session session, PrintStream out, PrintStream err, boolean keepGoing) {
    this.session = session;
    this.out = out;
    this.err = err;
    this.keepGoing = keepGoing;
  }

  /** Runs the files in order; returns 0, or {@link #FAILED}. */
  public int run(List<Path> files) {
    boolean failed = false;
    for (Path f : files) {
      List<String> lines;
      try {
        lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println(f + ": cannot read: " + e.getMessage());
        return FAILED;
      }
      if (!runLines(f.toString(), lines)) {
        failed = true;
        if (!keepGoing) {
          return FAILED;
        }
      }
    }
    return failed ? FAILED : 0;
  }

  /** Runs lines named {@code source} in messages; false when any line was refused. */
  public boolean runLines(String source, List<String> lines) {
    boolean ok = true;
    for (int i = 0; i < lines.size(); i++) {
      try {
        out.print(session.execute(lines.get(i)));
      } catch (CommandException e) {
        err.println(source + ":" + (i + 1) + ": " + e.getMessage());
        ok = false;
        if (!keepGoing) {
          return false;
        }
      } catch (RuntimeException e) {
        err.println(source + ":" + (i + 1) + ": oops: " + e);
        return false;
      }
    }
    return ok;
  }
}
