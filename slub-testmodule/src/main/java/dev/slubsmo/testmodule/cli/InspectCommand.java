package dev.slubsmo.testmodule.cli;

import dev.slubsmo.testmodule.live.InspectJson;
import dev.slubsmo.testmodule.live.InspectReport;
import dev.slubsmo.testmodule.live.InspectTable;
import dev.slubsmo.testmodule.live.LiveSlabReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code smo inspect}: what SMO could give back on this machine, worst cache first. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Read the live kernel's slab caches and show the pages SMO could give back.")
final class InspectCommand implements Callable<Integer> {
  @Option(names = "--sysfs", description = "slab tree (default /sys/kernel/slab)")
  Path sysfs = LiveSlabReader.SYSFS_SLAB;

  @Option(names = "--slabinfo", description = "slabinfo file (default /proc/slabinfo)")
  Path slabinfo = LiveSlabReader.PROC_SLABINFO;

  @Option(names = "--json", description = "print JSON instead of a table")
  boolean json;

  @Override
  public Integer call() {
    InspectReport r =
        InspectReport.read(new LiveSlabReader(sysfs, slabinfo), InspectReport.DEFAULT_PAGE_SIZE);
    System.out.print(json ? InspectJson.render(r) : InspectTable.render(r));
    return 0;
  }
}
