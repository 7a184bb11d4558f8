package dev.slubsmo.testmodule.slabinfo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One run of {@link SlabinfoTool}: its exit status and what it printed on stdout and stderr. */
record ToolRun(int status, String out, String err) {

  static ToolRun of(SlabinfoTool tool, SlabSysfs sysfs, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        tool.run(
            args,
            sysfs,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new ToolRun(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs the 6.18 tool. */
  static ToolRun of(SlabSysfs sysfs, String... args) {
    return of(new SlabinfoTool(), sysfs, args);
  }
}
