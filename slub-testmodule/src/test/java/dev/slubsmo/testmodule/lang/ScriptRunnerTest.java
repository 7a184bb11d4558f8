package dev.slubsmo.testmodule.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code smo run}: output of the lines that print, FILE:LINE: message for refused ones. */
class ScriptRunnerTest {
  private static final String ALLOC = "echo alloc 21 > " + Modules.SMO_CALLFN;
  private static final String OBJECTS = "cat /sys/kernel/slab/smo_test/objects";

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Path script(String name, String... lines) throws IOException {
    return Files.write(dir.resolve(name), List.of(lines), StandardCharsets.UTF_8);
  }

  private int run(boolean keepGoing, Path... files) {
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    return new ScriptRunner(new Session(), o, e, keepGoing).run(List.of(files));
  }

  /** The message a fresh session gives for {@code line}. */
  private static String refusal(String line) {
    return assertThrows(CommandException.class, () -> new Session().execute(line)).getMessage();
  }

  @Test
  void scriptPrintsWhatItsLinesPrintAndExits0() throws IOException {
    Path f = script("ok.smo", "# 21 objects", "machine slub_debug", ALLOC, OBJECTS, "check");
    assertEquals(0, run(false, f));
    assertEquals("21 N0=21\nok\n", out.toString(StandardCharsets.UTF_8));
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void firstRefusedLineStopsWithFileLineMessageAndStatus2() throws IOException {
    Path f = script("bad.smo", "machine slub_debug", "frob", OBJECTS);
    assertEquals(ScriptRunner.FAILED, run(false, f));
    assertEquals(f + ":2: " + refusal("frob") + "\n", err.toString(StandardCharsets.UTF_8));
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void keepGoingReportsEveryRefusedLineAndExits2() throws IOException {
    Path f = script("bad.smo", "frob", "machine slub_debug", "cpu 9", ALLOC, OBJECTS);
    assertEquals(ScriptRunner.FAILED, run(true, f));
    assertEquals(
        f + ":1: " + refusal("frob") + "\n" + f + ":3: " + refusal("cpu 9") + "\n",
        err.toString(StandardCharsets.UTF_8));
    assertEquals("21 N0=21\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void filesRunInOrderOnOneMachine() throws IOException {
    Path a = script("a.smo", "machine slub_debug", ALLOC);
    Path b = script("b.smo", OBJECTS);
    assertEquals(0, run(false, a, b));
    assertEquals("21 N0=21\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void missingFileIsReportedWithStatus2() {
    Path missing = dir.resolve("missing.smo");
    assertEquals(ScriptRunner.FAILED, run(false, missing));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(missing + ": cannot read: "));
  }
}
