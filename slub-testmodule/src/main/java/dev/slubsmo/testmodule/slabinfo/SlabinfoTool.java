package dev.slubsmo.testmodule.slabinfo;

import java.io.PrintStream;
import java.util.Objects;

/**
 * A port of the kernel's {@code tools/mm/slabinfo.c} (Linux 6.18) that prints byte for byte what
 * the C tool prints for the same sysfs tree, with a page size of 4096 and no debugfs. The command
 * line is parsed as glibc {@code getopt_long} parses it; the cache pattern is a POSIX basic regular
 * expression matched case-insensitively anywhere in a name (see {@link PosixBasicRegex}).
 */
public final class SlabinfoTool {
  private final SlabinfoDialect dialect;

  /** The 6.18 tool. */
  public SlabinfoTool() {
    this(SlabinfoDialect.LINUX_6_18);
  }

  public SlabinfoTool(SlabinfoDialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  /**
   * Runs the tool as {@code slabinfo args...} would run on {@code sysfs}.
   *
   * @return the exit status: 0, or 1 after an error the C tool reports with {@code fatal()}; the
   *     message goes to {@code err}, and {@code out} keeps what was printed before it
   */
  public int run(String[] args, SlabSysfs sysfs, PrintStream out, PrintStream err) {
    try {
      SlabinfoOptions opts = SlabinfoOptions.parse(args, dialect, err);
      if (opts.help) {
        out.print(SlabinfoUsage.text(dialect));
        return 0;
      }
      PosixBasicRegex pattern;
      try {
        pattern = PosixBasicRegex.compile(opts.patternSource);
      } catch (PosixBasicRegex.SyntaxError e) {
        throw new SlabinfoFatal(
            "slabinfo: Invalid pattern '" + opts.patternSource + "' code " + e.code + "\n");
      }
      SlabTable table = SlabTable.read(sysfs, pattern, dialect);
      new SlabinfoRun(opts, table, sysfs, out, err).run();
      return 0;
    } catch (SlabinfoFatal e) {
      err.print(e.getMessage());
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
