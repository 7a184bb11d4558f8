package dev.slubsmo.testmodule.replay;

import java.util.Locale;

/**
 * A replay's findings as text: a header, then per policy a slabinfo-like table of every cache with
 * fixed column widths and a total line, then the lifetimes table. It holds no timings, so the same
 * trace, options and seed print the same bytes.
 */
public final class ReplayReport {
  private static final String CACHE_ROW =
      "%-24s %9s %9s %9s %9s %9s %5s %7s %7s %7s %7s %9s %10s %7s %6s%n";
  private static final String LIFETIME_ROW = "%-24s %9s %7s %7s %7s %7s %10s %7s %9s";

  private ReplayReport() {}

  public static String render(ReplayResult r) {
    StringBuilder out = new StringBuilder();
    out.append(header(r));
    for (PolicyResult p : r.policies()) {
      out.append('\n').append(policy(p));
    }
    out.append('\n').append(lifetimes(r));
    return out.toString();
  }

  static String header(ReplayResult r) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "replay of %s: %s events over %s of trace time, %s malformed lines, seed %d%n",
            r.trace(),
            Units.count(r.events()),
            Units.duration(r.durationNanos()),
            Units.count(r.malformedLines()),
            r.seed()));
    out.append(
        String.format(
            Locale.ROOT,
            "null frees %s, unmatched kfrees %s (no cache to tell), non-slab kmallocs %s,"
                + " failed allocations %s%n",
            Units.count(r.nullFrees()),
            Units.count(r.unmatchedKfrees()),
            Units.count(r.nonSlab()),
            Units.count(r.failedAllocs())));
    for (String w : r.warnings()) {
      out.append("warning: ").append(w).append('\n');
    }
    return out.toString();
  }

  static String policy(PolicyResult p) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "policy %s: %s slab pages (%s), floor %s pages (%s)",
            p.label(),
            Units.count(p.totalPages()),
            Units.mib(p.totalPages()),
            Units.count(p.floorPages()),
            Units.ratio(p.totalPages(), p.floorPages())));
    if (p.kernelPages() >= 0) {
      out.append(
          String.format(
              Locale.ROOT,
              "; real kernel %s pages, floor %s (%s)",
              Units.count(p.kernelPages()),
              Units.count(p.kernelFloorPages()),
              Units.ratio(p.kernelPages(), p.kernelFloorPages())));
    }
    out.append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            CACHE_ROW,
            "# name",
            "events",
            "allocs",
            "frees",
            "unmatched",
            "live",
            "objs",
            "slabs",
            "partial",
            "floor",
            "moved",
            "min_moves",
            "old_pinned",
            "k_slabs",
            "ratio"));
    long[] sum = new long[10];
    for (CacheResult c : p.caches()) {
      long[] row = {
        c.events(),
        c.allocs(),
        c.frees(),
        c.unmatchedFrees(),
        c.live(),
        c.slabs(),
        c.partial(),
        c.floor(),
        c.moved(),
        c.minMoves()
      };
      for (int i = 0; i < row.length; i++) {
        sum[i] += row[i];
      }
      out.append(
          String.format(
              Locale.ROOT,
              CACHE_ROW,
              c.name(),
              row[0],
              row[1],
              row[2],
              row[3],
              row[4],
              c.objsPerSlab(),
              row[5],
              row[6],
              row[7],
              row[8],
              row[9],
              c.oldPinnedSlabs(),
              c.kernel() == null ? "-" : Long.toString(c.kernel().slabs()),
              c.kernel() == null ? "-" : ratio(c.slabs(), c.kernel().slabs())));
    }
    out.append(
        String.format(
            Locale.ROOT,
            CACHE_ROW,
            "total (" + p.caches().size() + " caches)",
            sum[0],
            sum[1],
            sum[2],
            sum[3],
            sum[4],
            "-",
            sum[5],
            sum[6],
            sum[7],
            sum[8],
            sum[9],
            "-",
            "-",
            "-"));
    return out.toString();
  }

  static String lifetimes(ReplayResult r) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "lifetimes in trace time: freed objects' lifetimes; live_trace: objects the trace"
                + " allocated that are still live, age_p50 their median age; old_live: live"
                + " objects older than %s, pre-populated ones included; then, per policy, the"
                + " slabs pinned only by old objects%n",
            Units.duration(r.oldAfterNanos())));
    out.append(
        String.format(
            Locale.ROOT,
            LIFETIME_ROW,
            "# name",
            "freed",
            "p50",
            "p90",
            "p99",
            "max",
            "live_trace",
            "age_p50",
            "old_live"));
    for (PolicyResult p : r.policies()) {
      out.append(' ').append(pad(p.label(), p.label()));
    }
    out.append('\n');
    for (CacheLifetime c : r.lifetimes()) {
      var freed = c.stats().lifetimes();
      var live = c.stats().liveAges();
      out.append(
          String.format(
              Locale.ROOT,
              LIFETIME_ROW,
              c.name(),
              freed.count(),
              Units.duration(freed.p50Nanos()),
              Units.duration(freed.p90Nanos()),
              Units.duration(freed.p99Nanos()),
              Units.duration(freed.maxNanos()),
              live.count(),
              Units.duration(live.p50Nanos()),
              c.oldLive()));
      for (PolicyResult p : r.policies()) {
        CacheResult cr = p.cache(c.name());
        out.append(' ')
            .append(pad(cr == null ? "-" : Long.toString(cr.oldPinnedSlabs()), p.label()));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** {@code text} right-aligned to the width of {@code label}, at least 9. */
  private static String pad(String text, String label) {
    return String.format(Locale.ROOT, "%" + Math.max(9, label.length()) + "s", text);
  }

  private static String ratio(long model, long kernel) {
    return kernel == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) model / kernel);
  }
}
