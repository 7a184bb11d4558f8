package dev.slubsmo.testmodule.cli;

import dev.slubsmo.testmodule.slabinfo.DirectorySlabSysfs;
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
 * {@code smo slabinfo [--sysfs DIR] [--smo] -- [slabinfo options]}: the kernel's slabinfo tool over
 * the live {@code /sys/kernel/slab} or a copy of one.
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

  @Parameters(description = "slabinfo's own options and pattern, after --")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    SlabinfoTool tool = new SlabinfoTool(smo ? SlabinfoDialect.SMO : SlabinfoDialect.LINUX_6_18);
    return tool.run(
        args.toArray(String[]::new),
        new DirectorySlabSysfs(sysfs, Optional.empty()),
        System.out,
        System.err);
  }
}
