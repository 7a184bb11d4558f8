package dev.slubsmo.testmodule.cli;

import dev.slubsmo.testmodule.live.CaptureResult;
import dev.slubsmo.testmodule.live.TraceCapture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code smo capture [--seconds N] [--out DIR] [-- COMMAND]}: a kmem trace of this machine. */
@Command(
    name = "capture",
    mixinStandardHelpOptions = true,
    description = "Record the four kmem events with tracefs, in the bundled trace's layout.")
final class CaptureCommand implements Callable<Integer> {
  @Option(names = "--seconds", description = "trace for N seconds (when no command is given)")
  int seconds = 5;

  @Option(names = "--out", description = "empty output directory (default: ./capture)")
  Path out = Path.of("capture");

  @Parameters(description = "the command to trace, after --")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    String cmd = command.isEmpty() ? TraceCapture.sleepCommand(seconds) : String.join(" ", command);
    CaptureResult r = TraceCapture.onThisMachine().capture(out, cmd);
    System.out.println(
        "captured "
            + r.events()
            + " kmem events into "
            + r.directory()
            + " (exit "
            + r.exitStatus()
            + ")");
    return 0;
  }
}
