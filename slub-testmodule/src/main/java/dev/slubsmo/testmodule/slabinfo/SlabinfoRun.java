package dev.slubsmo.testmodule.slabinfo;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One invocation of the tool after its options are parsed and the tree is read: the state the C
 * tool keeps in globals (options, tables, the shared {@code line} counter) and the top-level passes
 * of {@code main()}, {@code output_slabs()} and {@code xtotals()}.
 */
final class SlabinfoRun {
  final SlabinfoOptions opts;
  final SlabTable table;
  final SlabSysfs sysfs;
  final PrintStream out;
  final PrintStream err;

  /** Lines printed in the current listing; 0 makes the next line print its header first. */
  int line;

  private final SlabLine slabLine;
  private final SlabReport report;
  private final SlabSysfsWriter writer;

  SlabinfoRun(
      SlabinfoOptions opts, SlabTable table, SlabSysfs sysfs, PrintStream out, PrintStream err) {
    this.opts = opts;
    this.table = table;
    this.sysfs = sysfs;
    this.out = out;
    this.err = err;
    this.report = new SlabReport(this);
    this.slabLine = new SlabLine(this, report);
    this.writer = new SlabSysfsWriter(this);
  }

  /** The dispatch at the end of {@code main()}. */
  void run() {
    if (opts.showAlias) {
      new SlabAliasList(this).print();
    } else if (opts.extendedTotals) {
      xtotals();
    } else if (opts.showTotals) {
      new SlabTotals(this).print();
    } else {
      table.linkSlabs();
      table.renameSlabs(opts.showFirstAlias);
      table.sortSlabs(opts.slabOrder());
      outputSlabs();
    }
  }

  /**
   * Mirrors {@code output_slabs()}: the first {@code -N} caches (hidden ones count too), each
   * through the first action the options ask for.
   */
  private void outputSlabs() {
    int lines = opts.outputLines;
    for (int i = 0; i < table.slabs.size() && lines != 0; i++) {
      SlabCacheInfo s = table.slabs.get(i);
      if (lines != -1) {
        lines--;
      }
      if (opts.showNuma) {
        report.numa(s, false);
      } else if (opts.showTrack) {
        report.tracking(s);
      } else if (opts.validate) {
        writer.validate(s);
      } else if (opts.shrink) {
        writer.shrink(s);
      } else if (opts.setDebug) {
        writer.debug(s);
      } else if (opts.showOps) {
        report.ops(s);
      } else if (opts.showSlab) {
        slabLine.print(s);
      } else if (opts.showReport) {
        report.report(s);
      }
    }
  }

  /** Mirrors {@code xtotals()}: the totals, then the top caches by size, loss and partial slabs. */
  private void xtotals() {
    new SlabTotals(this).print();
    table.linkSlabs();
    table.renameSlabs(opts.showFirstAlias);
    sortedSection("\nSlabs sorted by size\n--------------------\n", false, true, false);
    sortedSection("\nSlabs sorted by loss\n--------------------\n", true, false, false);
    sortedSection(
        "\nSlabs sorted by number of partial slabs\n---------------------------------------\n",
        false,
        false,
        true);
    print("\n");
  }

  /** Mirrors {@code _xtotals()}; like the C tool it leaves the sort flags changed. */
  private void sortedSection(String heading, boolean loss, boolean size, boolean partial) {
    print(heading);
    line = 0;
    opts.sortLoss = loss;
    opts.sortSize = size;
    opts.sortPartial = partial;
    table.sortSlabs(opts.slabOrder());
    outputSlabs();
  }

  void print(String text) {
    out.print(text);
  }

  /** C {@code printf}: Java's {@code %d} prints a {@code long} as C's {@code %ld} does. */
  void printf(String format, Object... args) {
    out.print(String.format(Locale.ROOT, format, args));
  }

  String size(long value) {
    return SlabSizeFormat.storeSize(value, opts.showBytes);
  }
}
