package dev.slubsmo.suite.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slubsmo.testmodule.lang.ScriptRunner;
import dev.slubsmo.testmodule.lang.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame.OutputType;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.images.builder.Transferable;

/**
 * The scratch image runs the model: {@code smo run} of the suite's movable-shrink steps prints in
 * the container exactly what the same script prints in this JVM.
 */
class ScratchImageIT {
  private static final String CALLFN = "/sys/kernel/debug/smo/callfn";
  private static final String SLAB = "/sys/kernel/slab/smo_test/";
  private static final List<String> SCRIPT =
      List.of(
          "machine slub_debug",
          "echo alloc 21 > " + CALLFN,
          "echo free 1 > " + CALLFN,
          "echo enable > " + CALLFN,
          "echo 1 > " + SLAB + "shrink",
          "cat " + SLAB + "slabs",
          "cat " + SLAB + "partial",
          "cat /proc/slabinfo",
          "check",
          "dmesg");

  private static String inProcess() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    Session session = new Session();
    new ScriptRunner(session, ps, ps, false).runLines("script", SCRIPT);
    session.machine().shutdown();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void scriptPrintsTheSameInTheContainerAsInProcess() {
    String script = String.join("\n", SCRIPT) + "\n";
    try (GenericContainer<?> c =
        new GenericContainer<>(SmoImage.get())
            .withNetworkMode("none")
            .withCopyToContainer(Transferable.of(script), "/script.smo")
            .withCommand("run", "/script.smo")
            .withStartupCheckStrategy(
                new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(120)))) {
      c.start();
      assertEquals(inProcess(), c.getLogs(OutputType.STDOUT));
    }
  }
}
