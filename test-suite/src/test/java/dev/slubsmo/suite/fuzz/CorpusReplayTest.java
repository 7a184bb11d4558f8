package dev.slubsmo.suite.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slubsmo.testmodule.lang.ScriptRunner;
import dev.slubsmo.testmodule.lang.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The regression corpus ({@code src/test/resources/corpus/*.smo}): minimized fuzzer failures once
 * fixed, and hand-made scripts for known tricky cases. Each replays through {@link ScriptRunner}
 * (keep going) on a fresh session printing exactly the refusals its header records, and the
 * fuzzer's properties hold over every strict-mode script.
 */
class CorpusReplayTest {
  static List<Path> scripts() throws IOException, URISyntaxException {
    Path dir = Path.of(CorpusReplayTest.class.getResource("/corpus").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".smo")).sorted().toList();
    }
  }

  private static List<String> lines(Path script) throws IOException {
    return Files.readAllLines(script, StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void replaysExactlyTheRefusalsItsHeaderRecords(Path script) throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    new ScriptRunner(
            new Session(),
            new PrintStream(OutputStream.nullOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            true)
        .run(List.of(script));
    assertEquals(
        FailureScript.recorded(lines(script)),
        FailureScript.parse(err.toString(StandardCharsets.UTF_8), script.toString()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void fuzzerPropertiesHoldOverStrictScripts(Path script) throws IOException {
    List<String> body = lines(script).stream().filter(l -> !l.startsWith("#")).toList();
    assertTrue(body.get(0).startsWith("machine "), "a corpus script boots its own machine");
    if (!body.get(0).contains("fidelity=kernel")) {
      Harness.Run run = Harness.replay(body, Plant.NONE);
      assertNull(run.violation(), () -> run.violation().toString());
    }
  }
}
