package dev.slubsmo.testmodule.slabinfo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntBiFunction;

/**
 * The settings {@code slabinfo}'s {@code main()} derives from its command line (the tool's global
 * flags), parsed with {@link GetoptLong} and the tool's option table.
 */
final class SlabinfoOptions {
  private static final String OPTSTRING_6_18 = "aABd::DefhilLnN:oPrsStTUvXz1";
  private static final String OPTSTRING_SMO = "aABCd::DefhilLMnN:oPrsStTUvXz1";
  private static final String ARGV0 = "slabinfo";

  final SlabinfoDialect dialect;
  boolean help;
  boolean showEmpty;
  boolean showReport;
  boolean showAlias;
  boolean showSlab;
  boolean skipZero = true;
  boolean showNuma;
  boolean showTrack;
  boolean showFirstAlias;
  boolean validate;
  boolean shrink;
  boolean showInverted;
  boolean showSingleRef;
  boolean showTotals;
  boolean sortSize;
  boolean sortActive;
  boolean setDebug;
  boolean showOps;
  boolean sortPartial;
  boolean showActivity;
  int outputLines = -1;
  boolean sortLoss;
  boolean extendedTotals;
  boolean showBytes;
  boolean unreclaimOnly;
  boolean showCtor;
  boolean showMovable;
  final SlabDebugOptions debug = new SlabDebugOptions();
  String patternSource = ".*";

  private SlabinfoOptions(SlabinfoDialect dialect) {
    this.dialect = dialect;
  }

  /**
   * Mirrors the option loop of {@code main()}; stops early at {@code -h}. Where glibc leaves {@code
   * optopt} 0 (an unknown or ambiguous long option, or {@code --partial}, which the tool has no
   * case for), the C tool prints a NUL byte as the option; this names the element instead.
   *
   * @throws SlabinfoFatal on an invalid option, after getopt's own message went to {@code err}
   */
  static SlabinfoOptions parse(String[] args, SlabinfoDialect dialect, PrintStream err) {
    SlabinfoOptions o = new SlabinfoOptions(dialect);
    boolean smo = dialect == SlabinfoDialect.SMO;
    GetoptLong getopt =
        new GetoptLong(ARGV0, args, smo ? OPTSTRING_SMO : OPTSTRING_6_18, longOptions(smo), err);
    for (int c = getopt.next(); c != GetoptLong.END; c = getopt.next()) {
      if (!o.apply(c, getopt.optarg())) {
        int optopt = getopt.optopt();
        String option = optopt == 0 ? getopt.element() : String.valueOf((char) optopt);
        throw new SlabinfoFatal(ARGV0 + ": Invalid option '" + option + "'\n");
      }
      if (o.help) {
        return o;
      }
    }
    if (!o.showSlab
        && !o.showAlias
        && !o.showTrack
        && !o.showReport
        && !o.validate
        && !o.shrink
        && !o.setDebug
        && !o.showOps) {
      o.showSlab = true;
    }
    List<String> operands = getopt.operands();
    if (!operands.isEmpty()) {
      o.patternSource = operands.get(0);
    }
    return o;
  }

  /** The {@code switch} of {@code main()}; false for an option it has no case for. */
  private boolean apply(int c, String optarg) {
    switch (c) {
      case 'a' -> showAlias = true;
      case 'A' -> sortActive = true;
      case 'B' -> showBytes = true;
      case 'd' -> {
        setDebug = true;
        if (!debug.scan(optarg)) {
          throw new SlabinfoFatal("Invalid debug option '" + optarg + "'\n");
        }
      }
      case 'D' -> showActivity = true;
      case 'e' -> showEmpty = true;
      case 'f' -> showFirstAlias = true;
      case 'h' -> help = true;
      case 'i' -> showInverted = true;
      case 'l' -> showSlab = true;
      case 'L' -> sortLoss = true;
      case 'n' -> showNuma = true;
      case 'N' -> outputLines = Math.max(1, LibcNumbers.atoi(optarg));
      case 'o' -> showOps = true;
      case 'r' -> showReport = true;
      case 'P' -> sortPartial = true;
      case 's' -> shrink = true;
      case 'S' -> sortSize = true;
      case 't' -> showTrack = true;
      case 'T' -> showTotals = true;
      case 'U' -> unreclaimOnly = true;
      case 'v' -> validate = true;
      case 'X' -> {
        if (outputLines == -1) {
          outputLines = 1;
        }
        extendedTotals = true;
        showBytes = true;
      }
      case 'z' -> skipZero = false;
      case '1' -> showSingleRef = true;
      case 'C' -> showCtor = true;
      case 'M' -> showMovable = true;
      default -> {
        return false;
      }
    }
    return true;
  }

  /** The {@code opts[]} table; the SMO patches put {@code ctor} and {@code movable} first. */
  private static List<GetoptLong.LongOption> longOptions(boolean smo) {
    List<GetoptLong.LongOption> table = new ArrayList<>();
    if (smo) {
      table.add(flag("ctor", 'C'));
      table.add(flag("movable", 'M'));
    }
    table.add(flag("aliases", 'a'));
    table.add(flag("activity", 'A'));
    table.add(flag("Bytes", 'B'));
    table.add(new GetoptLong.LongOption("debug", GetoptLong.HasArg.OPTIONAL, 'd'));
    table.add(flag("display-activity", 'D'));
    table.add(flag("empty", 'e'));
    table.add(flag("first-alias", 'f'));
    table.add(flag("help", 'h'));
    table.add(flag("inverted", 'i'));
    table.add(flag("slabs", 'l'));
    table.add(flag("Loss", 'L'));
    table.add(flag("numa", 'n'));
    table.add(new GetoptLong.LongOption("lines", GetoptLong.HasArg.REQUIRED, 'N'));
    table.add(flag("ops", 'o'));
    table.add(flag("partial", 'p'));
    table.add(flag("report", 'r'));
    table.add(flag("shrink", 's'));
    table.add(flag("Size", 'S'));
    table.add(flag("tracking", 't'));
    table.add(flag("Totals", 'T'));
    table.add(flag("Unreclaim", 'U'));
    table.add(flag("validate", 'v'));
    table.add(flag("Xtotals", 'X'));
    table.add(flag("zero", 'z'));
    table.add(flag("1ref", '1'));
    return table;
  }

  private static GetoptLong.LongOption flag(String name, char val) {
    return new GetoptLong.LongOption(name, GetoptLong.HasArg.NONE, val);
  }

  /** The comparison {@code sort_slabs()} uses under the current sort flags. */
  ToIntBiFunction<SlabCacheInfo, SlabCacheInfo> slabOrder() {
    return (s1, s2) -> {
      int result;
      if (sortSize) {
        result = byKey(s1.totalSize(), s2.totalSize(), s1, s2);
      } else if (sortActive) {
        result = byKey(s1.activity(), s2.activity(), s1, s2);
      } else if (sortLoss) {
        result = byKey(s1.waste(), s2.waste(), s1, s2);
      } else if (sortPartial) {
        result = byKey(s1.partial, s2.partial, s1, s2);
      } else {
        result = LibcNumbers.strcasecmp(s1.name, s2.name);
      }
      return showInverted ? -result : result;
    };
  }

  /** Larger keys first ({@code k1 < k2} gives 1), ties by name. */
  private static int byKey(long k1, long k2, SlabCacheInfo s1, SlabCacheInfo s2) {
    if (k1 == k2) {
      return LibcNumbers.strcasecmp(s1.name, s2.name);
    }
    return Long.compareUnsigned(k1, k2) < 0 ? 1 : 0;
  }
}
