package dev.slubsmo.testmodule.cli;

import dev.slubsmo.testmodule.replay.Demo;
import dev.slubsmo.testmodule.replay.DemoReport;
import dev.slubsmo.testmodule.replay.ProgressBar;
import dev.slubsmo.testmodule.replay.ReplayInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smo demo}: the bundled real trace replayed without defrag and with SMO, against the real
 * kernel and the floor. The output is the same on every run but for its last line, the timings.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Replay the bundled real slab trace (a cold walk of a few hundred thousand files, then"
          + " drop_caches) on the model without defrag and with SMO, and show how far the real"
          + " kernel, the model and the model with SMO are from the floor."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where the JSON and charts go (default: ./smo-demo-out)")
  Path out = Demo.DEFAULT_OUT;

  @Option(names = "--seed", paramLabel = "N", description = "seed (default 1)")
  long seed = 1;

  @Option(
      names = "--progress",
      description = "draw a progress bar on stderr even when it is not a terminal")
  boolean progress;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    try {
      Demo.Outcome o =
          Demo.run(
              out, seed, progress || System.console() != null ? new ProgressBar(System.err) : null);
      stdout.print(DemoReport.render(o));
      stdout.print(DemoReport.timing(o));
      stdout.flush();
      return 0;
    } catch (ReplayInputException e) {
      return fail(e.getMessage());
    } catch (IOException e) {
      return fail("cannot write into " + out + ": " + e.getMessage());
    }
  }

  private int fail(String message) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("smo demo: " + message);
    err.flush();
    return 2;
  }
}
