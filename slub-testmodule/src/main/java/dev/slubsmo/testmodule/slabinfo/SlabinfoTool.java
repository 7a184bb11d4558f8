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
  /**
   * What {@link #run} prints on stderr, with exit status 136, where the C tool divides by zero and
   * dies of SIGFPE (for example a cache with slabs but no {@code objs_per_slab} under the SMO
   * {@code %Fr} formula, or {@code -T} when no cache has an object size).
   */
  public static final String DIVISION_BY_ZERO =
      "slabinfo: division by zero (the C tool dies of SIGFPE here)\n";

  private static final int SIGFPE_STATUS = 128 + 8;

  private final SlabinfoDialect dialect;

  /** The 6.18 tool. */
  public SlabinfoTool() {
    this(SlabinfoDialect.LINUX_6_18);
  }

  /** The tool as {@code dialect} (6.18, or 6.18 with the SMO additions). */
  public SlabinfoTool(SlabinfoDialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  /**
   * Runs the tool as {@code slabinfo args...} would run on {@code sysfs}.
   *
   * @param args the arguments after the program name
   * @return the exit status: 0; 1 after an error the C tool reports with {@code fatal()}, whose
   *     message goes to {@code err} while {@code out} keeps what was printed before it; or 136
   *     after a division by zero (see {@link #DIVISION_BY_ZERO})
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
    } catch (ArithmeticException e) {
      err.print(DIVISION_BY_ZERO);
      return SIGFPE_STATUS;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
