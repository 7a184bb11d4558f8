package dev.slubsmo.testmodule.cli;

import dev.slubsmo.testmodule.lang.ScriptRunner;
import dev.slubsmo.testmodule.lang.Session;
import dev.slubsmo.testmodule.slabinfo.DirectorySlabSysfs;
import dev.slubsmo.testmodule.slabinfo.ModelSlabSysfs;
import dev.slubsmo.testmodule.slabinfo.SlabSysfs;
import dev.slubsmo.testmodule.slabinfo.SlabinfoDialect;
import dev.slubsmo.testmodule.slabinfo.SlabinfoTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code smo slabinfo [--sysfs DIR | --model SCRIPT] [--smo] -- [slabinfo options]}: the kernel's
 * slabinfo tool over the live {@code /sys/kernel/slab}, a copy of one, or the model after a script.
 */
@Command(
    name = "slabinfo",
    mixinStandardHelpOptions = true,
    description = "Run the kernel's slabinfo tool (byte-exact port) over a sysfs slab tree.")
final class SlabinfoCommand implements Callable<Integer> {
  @Option(names = "--sysfs", description = "slab tree to read (default /sys/kernel/slab)")
  Path sysfs = Path.of("/sys/kernel/slab");

  @Option(names = "--smo", description = "the SMO patch set's dialect (-C, -M, ops, defrag ratio)")
  boolean smo;

  @Option(
      names = "--model",
      description =
          "run this .smo script on a fresh model and read the model's sysfs (SMO dialect)")
  Path model;

  @Parameters(description = "slabinfo's own options and pattern, after --")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    SlabSysfs source;
    boolean dialectSmo = smo;
    if (model != null) {
      Session session = new Session();
      if (new ScriptRunner(session, System.out, System.err, false).run(List.of(model)) != 0) {
        return ScriptRunner.FAILED;
      }
      source = new ModelSlabSysfs(session.sysfs());
      dialectSmo = true;
    } else {
      source = new DirectorySlabSysfs(sysfs, Optional.empty());
    }
    SlabinfoTool tool =
        new SlabinfoTool(dialectSmo ? SlabinfoDialect.SMO : SlabinfoDialect.LINUX_6_18);
    return tool.run(args.toArray(String[]::new), source, System.out, System.err);
  }
}
