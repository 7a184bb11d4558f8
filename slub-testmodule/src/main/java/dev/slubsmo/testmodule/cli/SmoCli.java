package dev.slubsmo.testmodule.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code smo}: the command line of the slub-smo laboratory. */
@Command(
    name = "smo",
    mixinStandardHelpOptions = true,
    version = "slub-smo 0.1.0",
    description = "A faithful model of SLUB and Slab Movable Objects.",
    subcommands = {
      CommandLine.HelpCommand.class,
      SlabinfoCommand.class,
      InspectCommand.class,
      CaptureCommand.class,
      DemoCommand.class,
      ReplayCommand.class,
      RunCommand.class,
      ShellCommand.class,
      ServeCommand.class,
    })
public final class SmoCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SmoCli()).execute(args));
  }
}
