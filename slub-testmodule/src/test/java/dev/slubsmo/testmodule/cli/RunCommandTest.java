package dev.slubsmo.testmodule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slubsmo.testmodule.lang.CommandException;
import dev.slubsmo.testmodule.lang.Modules;
import dev.slubsmo.testmodule.lang.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code smo run} through picocli, with System.out and System.err captured. */
class RunCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  private Path script(String... lines) throws IOException {
    return Files.write(dir.resolve("s.smo"), List.of(lines), StandardCharsets.UTF_8);
  }

  @Test
  void runPrintsTheScriptsOutputAndExits0() throws IOException {
    Path f = script("machine slub_debug", "echo alloc 3 > " + Modules.SMO_CALLFN, "check");
    assertEquals(0, new CommandLine(new SmoCli()).execute("run", f.toString()));
    assertEquals("ok\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void runReportsTheRefusedLineAndExits2() throws IOException {
    Path f = script("check", "cpu 7");
    assertEquals(2, new CommandLine(new SmoCli()).execute("run", "--keep-going", f.toString()));
    String message =
        assertThrows(CommandException.class, () -> new Session().execute("cpu 7")).getMessage();
    assertEquals(f + ":2: " + message + "\n", err.toString(StandardCharsets.UTF_8));
  }
}
