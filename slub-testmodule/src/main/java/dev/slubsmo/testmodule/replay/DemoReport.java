package dev.slubsmo.testmodule.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What {@code smo demo} prints: how far the real kernel, the model and the model with SMO are from
 * the floor for the headline caches and in total, what SMO moved, which slabs only old objects pin,
 * what a selective SMO would return, and where the files are. Everything but the {@link #timing}
 * line is the same for the same seed.
 */
public final class DemoReport {
  private static final String GROUP = "  %8s %7s %7s";

  private DemoReport() {}

  public static String render(Demo.Outcome o) {
    ReplayResult r = o.result();
    StringBuilder out = new StringBuilder();
    out.append("smo demo: the bundled real slab trace, replayed on the model\n");
    out.append(
        String.format(
            Locale.ROOT,
            "  trace: a cold walk of a few hundred thousand files, then drop_caches:"
                + " %s slab events over %s on Linux 6.18 (2 CPUs, 1 node)%n",
            Units.count(r.events()),
            Units.duration(r.durationNanos())));
    out.append(
        String.format(
            Locale.ROOT,
            "  model: the 6.18 geometry, 2 CPUs, 1 node; each cache starts with the objects of the"
                + " before-snapshot; seed %d%n%n",
            r.seed()));
    out.append(floorTable(r)).append('\n');
    out.append(moves(r)).append('\n');
    out.append(pinned(r)).append('\n');
    out.append(selective(r)).append('\n');
    out.append("files in ").append(o.out()).append(":\n");
    for (Path f : o.files()) {
      out.append("  ").append(f).append('\n');
    }
    return out.toString();
  }

  /** The line with the timings, which differ from run to run. */
  public static String timing(Demo.Outcome o) {
    return String.format(
        Locale.ROOT,
        "timing: replay %.3f s (%,.0f events/s, %d machines), charts %.3f s%n",
        o.result().seconds(),
        o.result().eventsPerSecond(),
        o.result().policies().size(),
        o.plotSeconds());
  }

  static String floorTable(ReplayResult r) {
    PolicyResult none = r.policy(Demo.NONE);
    PolicyResult kernelSmo = r.policy(Demo.SMO_KERNEL);
    PolicyResult minimal = r.policy(Demo.SMO_MINIMAL);
    StringBuilder out = new StringBuilder();
    out.append(
        "slab pages at the end against the floor (the fewest slabs that hold the live objects)\n");
    out.append(
        String.format(
            Locale.ROOT,
            "%-26s  %-24s  %-24s  %-24s  %-24s%n",
            "",
            "real kernel",
            "model, no defrag",
            "model + SMO (kernel)",
            "model + SMO (minimal)"));
    out.append(String.format(Locale.ROOT, "%-26s", "cache"));
    for (int g = 0; g < 4; g++) {
      out.append(String.format(Locale.ROOT, GROUP, "pages", "floor", "ratio"));
    }
    out.append('\n');
    for (String name : Demo.HEADLINE) {
      out.append(String.format(Locale.ROOT, "%-26s", name));
      CacheResult k = none.cache(name);
      out.append(
          k == null || k.kernel() == null
              ? missing()
              : group(k.kernel().pages(), k.kernel().floorPages()));
      for (PolicyResult p : List.of(none, kernelSmo, minimal)) {
        CacheResult c = p.cache(name);
        out.append(c == null ? missing() : group(c.pages(), c.floorPages()));
      }
      out.append('\n');
    }
    out.append(
        String.format(Locale.ROOT, "%-26s", "all " + none.caches().size() + " replayed caches"));
    out.append(
        none.kernelPages() < 0 ? missing() : group(none.kernelPages(), none.kernelFloorPages()));
    for (PolicyResult p : List.of(none, kernelSmo, minimal)) {
      out.append(group(p.totalPages(), p.floorPages()));
    }
    out.append('\n');
    return out.toString();
  }

  static String moves(ReplayResult r) {
    StringBuilder out = new StringBuilder();
    PolicyResult none = r.policy(Demo.NONE);
    long minMoves = none.caches().stream().mapToLong(CacheResult::minMoves).sum();
    out.append(
        String.format(
            Locale.ROOT,
            "reaching the floor from the end of the trace takes at least %s moves%n",
            Units.count(minMoves)));
    PolicyResult shrink = r.policy(Demo.SHRINK);
    out.append(
        String.format(
            Locale.ROOT,
            "  %-12s moved nothing and gave back %s pages (%s): empty slabs only%n",
            Demo.SHRINK,
            Units.count(none.totalPages() - shrink.totalPages()),
            Units.mib(none.totalPages() - shrink.totalPages())));
    for (String label : List.of(Demo.SMO_KERNEL, Demo.SMO_MINIMAL)) {
      PolicyResult p = r.policy(label);
      long moved = p.caches().stream().mapToLong(CacheResult::moved).sum();
      out.append(
          String.format(
              Locale.ROOT,
              "  %-12s moved %s objects and gave back %s pages (%s)%n",
              label,
              Units.count(moved),
              Units.count(none.totalPages() - p.totalPages()),
              Units.mib(none.totalPages() - p.totalPages())));
    }
    return out.toString();
  }

  static String pinned(ReplayResult r) {
    PolicyResult none = r.policy(Demo.NONE);
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "the 2025 question: do old objects pin slabs? (old: alive longer than %s at the end,"
                + " no defrag)%n",
            Units.duration(r.oldAfterNanos())));
    out.append(
        String.format(
            Locale.ROOT,
            "%-26s %9s %9s %9s %9s %9s %18s%n",
            "cache",
            "freed",
            "life_p50",
            "live",
            "old_live",
            "slabs",
            "pinned_only_by_old"));
    List<String> names = new ArrayList<>(Demo.HEADLINE);
    names.addAll(new TreeSet<>(Demo.SELECTIVE_MOVABLE));
    for (String name : names) {
      CacheResult c = none.cache(name);
      CacheLifetime l = lifetime(r, name);
      if (c == null || l == null) {
        continue;
      }
      out.append(
          String.format(
              Locale.ROOT,
              "%-26s %9d %9s %9d %9d %9d %18d%n",
              name,
              l.stats().lifetimes().count(),
              Units.duration(l.stats().lifetimes().p50Nanos()),
              c.live(),
              l.oldLive(),
              c.slabs(),
              c.oldPinnedSlabs()));
    }
    long pinned = none.caches().stream().mapToLong(CacheResult::oldPinnedSlabs).sum();
    long slabs = none.caches().stream().mapToLong(CacheResult::slabs).sum();
    out.append(
        String.format(
            Locale.ROOT,
            "%-26s %9s %9s %9s %9s %9d %18d%n",
            "all replayed caches",
            "",
            "",
            "",
            "",
            slabs,
            pinned));
    return out.toString();
  }

  static String selective(ReplayResult r) {
    PolicyResult none = r.policy(Demo.NONE);
    PolicyResult all = r.policy(Demo.SMO_KERNEL);
    PolicyResult sel = r.policy(Demo.SELECTIVE);
    PolicyResult shrink = r.policy(Demo.SHRINK);
    long reclaimed = sel.caches().stream().mapToLong(CacheResult::reclaimed).sum();
    return String.format(
        Locale.ROOT,
        "selective SMO (%s movable, %s reclaimed: %s objects freed instead of moved):%n"
            + "  %s pages, returning %s pages (%s) of the %s the model holds without defrag;"
            + " SMO on every cache returns %s pages (%s), mainline shrink alone %s (%s)%n",
        String.join(", ", new TreeSet<>(Demo.SELECTIVE_MOVABLE)),
        String.join(", ", new TreeSet<>(Demo.SELECTIVE_RECLAIM)),
        Units.count(reclaimed),
        Units.count(sel.totalPages()),
        Units.count(none.totalPages() - sel.totalPages()),
        Units.mib(none.totalPages() - sel.totalPages()),
        Units.count(none.totalPages()),
        Units.count(none.totalPages() - all.totalPages()),
        Units.mib(none.totalPages() - all.totalPages()),
        Units.count(none.totalPages() - shrink.totalPages()),
        Units.mib(none.totalPages() - shrink.totalPages()));
  }

  private static CacheLifetime lifetime(ReplayResult r, String name) {
    return r.lifetimes().stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
  }

  private static String missing() {
    return String.format(Locale.ROOT, GROUP, "-", "-", "-");
  }

  private static String group(long pages, long floor) {
    return String.format(
        Locale.ROOT, GROUP, Units.count(pages), Units.count(floor), Units.ratio(pages, floor));
  }
}
