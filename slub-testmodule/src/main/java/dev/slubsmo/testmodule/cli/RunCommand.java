package dev.slubsmo.testmodule.cli;

import dev.slubsmo.testmodule.lang.ScriptRunner;
import dev.slubsmo.testmodule.lang.Session;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code smo run FILE...}: runs .smo scripts on one machine. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run .smo scripts (lines of the command language) in order on one machine.",
      "Prints what cat, ls, dmesg and check print; on the first refused line prints",
      "FILE:LINE: message on stderr and exits 2."
    })
final class RunCommand implements Callable<Integer> {
  @Option(names = "--keep-going", description = "report every refused line, exit 2 at the end")
  boolean keepGoing;

  @Parameters(arity = "1..*", description = "script files")
  List<Path> files;

  @Override
  public Integer call() {
    return new ScriptRunner(new Session(), System.out, System.err, keepGoing).run(files);
  }
}
