package dev.slubsmo.concurrency;

import java.util.Arrays;

/**
 * What a {@link ConcurrencyDriver} run did.
 *
 * @param actions reclaimer actions run, by {@link Reclaimer.Action} ordinal
 * @param moved objects migrate moved
 * @param skipped objects migrate found freed since the vector was built (the K21 race, handled)
 * @param frozenFrees frees that landed on a frozen slab (a CPU chain's or an isolated one)
 * @param live objects live at the end
 */
record DriverReport(
    int workers,
    int rounds,
    long millis,
    long allocs,
    long frees,
    long handoffs,
    long remoteFrees,
    long allocFailures,
    long[] actions,
    long moved,
    long skipped,
    long frozenFrees,
    long live) {

  long actionCount() {
    return Arrays.stream(actions).sum();
  }

  /** A few lines for the end of a run. */
  String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "concurrency run: %d workers + reclaimer, %d rounds in %d ms, all quiescent checks"
                + " passed%n",
            workers, rounds, millis));
    sb.append(
        String.format(
            "  workers: %d allocs (%d failed), %d frees, %d handed off, %d remote frees%n",
            allocs, allocFailures, frees, handoffs, remoteFrees));
    sb.append("  reclaimer:");
    for (Reclaimer.Action a : Reclaimer.Action.values()) {
      sb.append(' ').append(a.name().toLowerCase()).append('=').append(actions[a.ordinal()]);
    }
    sb.append(
        String.format(
            "%n  migrate: %d moved, %d found freed and skipped; %d frees on frozen slabs; %d live"
                + " at the end%n",
            moved, skipped, frozenFrees, live));
    return sb.toString();
  }
}
