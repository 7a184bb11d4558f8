package dev.slubsmo.suite.fuzz;

import dev.slubsmo.slab.StatItem;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The statistics a campaign prints at its end; nothing in it depends on time. */
final class Report {
  private Report() {}

  static void print(PrintStream out, RunStats s, Campaign.MachineMix mix, Campaign.Failure f) {
    out.println("runs " + s.runs + ", commands " + s.commands);
    mix.lines().forEach(out::println);
    out.println("commands per kind:");
    for (Kind k : Kind.values()) {
      if (s.perKind[k.ordinal()] > 0) {
        out.printf("  %-14s %10d%n", k.label(), s.perKind[k.ordinal()]);
      }
    }
    out.println(
        "migrations: " + s.moved + " objects moved, " + s.emptied + " slabs emptied (smo_test)");
    out.println(
        "properties exercised: "
            + s.floorChecks
            + " shrinks held to the floor, "
            + s.defragsOverThreshold
            + " nodes defragmented (over MAX_PARTIAL partial slabs)");
    out.println(
        "highest fragmentation: "
            + s.maxFreeSlots
            + " of "
            + s.maxFreeSlotsOf
            + " object slots free"
            + String.format(
                " (%.1f%%)",
                s.maxFreeSlotsOf == 0 ? 0.0 : 100.0 * s.maxFreeSlots / s.maxFreeSlotsOf)
            + "; most slabs over the floor ceil(live/objs_per_slab): "
            + s.maxExcessSlabs);
    List<String> never = new ArrayList<>();
    for (StatItem item : StatItem.values()) {
      if (!s.hit.contains(item)) {
        never.add(item.fileName());
      }
    }
    out.println(
        "stat counters never hit on smo_test: "
            + (never.isEmpty() ? "none" : String.join(", ", never)));
    if (f == null) {
      out.println("failures: none");
      return;
    }
    out.println(
        "failure: run "
            + f.origin().run()
            + " (seed "
            + f.origin().runSeed()
            + "), "
            + f.violation().property()
            + ": "
            + f.violation().message());
    out.println(
        "minimized from "
            + f.origin().originalLength()
            + " to "
            + f.script().size()
            + " commands:");
    out.print(f.text());
  }
}
