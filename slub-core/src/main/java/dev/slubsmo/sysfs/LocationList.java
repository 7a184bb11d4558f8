package dev.slubsmo.sysfs;

import dev.slubsmo.debug.Tracks;
import dev.slubsmo.slab.CacheNode;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slab;
import dev.slubsmo.slab.SlabFlags;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * {@code list_locations} (sysfs {@code alloc_calls}, {@code free_calls}): after {@code flush_all},
 * the alloc or free track of every allocated object on the node partial and full lists is grouped
 * by call address ({@code add_location}, kept sorted by unsigned address), then printed one line
 * per site. Age, pid, CPU and node statistics are updated only for tracks with a timestamp, as in
 * the kernel, so the {@code <not-available>} group keeps its first track's age. Addresses print as
 * {@code %pS} does for a kernel without symbols: plain hex.
 */
final class LocationList {
  /** {@code PAGE_SIZE - KSYM_SYMBOL_LEN - 100}: no new line starts beyond this length. */
  private static final int LINE_LIMIT = 4096 - 240 - 100;

  private static final int PAGE_SIZE = 4096;

  private LocationList() {}

  /** One call site ({@code struct location}). */
  private static final class Location {
    final long addr;
    long count = 1;
    long sumTime;
    long minTime;
    long maxTime;
    long minPid;
    long maxPid;
    final BitSet cpus = new BitSet();
    final BitSet nodes = new BitSet();

    Location(long addr, long age, Tracks.Track t, int node) {
      this.addr = addr;
      sumTime = minTime = maxTime = age;
      minPid = maxPid = t.pid();
      cpus.set(t.cpu());
      nodes.set(node);
    }
  }

  /** The file's text; {@code which} is {@link Tracks#ALLOC} or {@link Tracks#FREE}. */
  static String show(KmemCache s, int which) {
    if ((s.flags() & SlabFlags.STORE_USER) == 0) {
      throw new AttributeError(Errno.ENOSYS, "the cache does not store users (no SLAB_STORE_USER)");
    }
    s.flushAll();
    List<Location> sites = new ArrayList<>();
    long jiffies = s.slub().jiffies();
    for (int nid = 0; nid < s.nodeCount(); nid++) {
      CacheNode n = s.node(nid);
      if (n.nrSlabs() == 0) {
        continue;
      }
      n.listLock().lock();
      try {
        for (Slab page : n.partial().toList()) {
          processSlab(s, page, which, jiffies, sites);
        }
        for (Slab page : n.full().toList()) {
          processSlab(s, page, which, jiffies, sites);
        }
      } finally {
        n.listLock().unlock();
      }
    }
    return format(s, sites);
  }

  /** {@code process_slab}: every object not on the page freelist. */
  private static void processSlab(
      KmemCache s, Slab page, int which, long jiffies, List<Location> sites) {
    BitSet free = new BitSet(page.objects());
    for (long p = page.freelist(); p != 0; p = s.freepointer(p)) {
      free.set(s.indexOf(page, p));
    }
    for (int i = 0; i < page.objects(); i++) {
      if (!free.get(i)) {
        addLocation(sites, Tracks.get(s, s.object(page, i), which), jiffies, page.node());
      }
    }
  }

  /** {@code add_location}. */
  private static void addLocation(List<Location> sites, Tracks.Track t, long jiffies, int node) {
    long age = jiffies - t.when();
    int lo = 0;
    int hi = sites.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int cmp = Long.compareUnsigned(t.addr(), sites.get(mid).addr);
      if (cmp == 0) {
        Location l = sites.get(mid);
        l.count++;
        if (t.when() != 0) {
          l.sumTime += age;
          l.minTime = Math.min(l.minTime, age);
          l.maxTime = Math.max(l.maxTime, age);
          l.minPid = Math.min(l.minPid, t.pid());
          l.maxPid = Math.max(l.maxPid, t.pid());
          l.cpus.set(t.cpu());
        }
        l.nodes.set(node);
        return;
      }
      if (cmp < 0) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    sites.add(lo, new Location(t.addr(), age, t, node));
  }

  private static String format(KmemCache s, List<Location> sites) {
    if (sites.isEmpty()) {
      return "No data\n";
    }
    StringBuilder sb = new StringBuilder();
    for (Location l : sites) {
      if (sb.length() > LINE_LIMIT) {
        break;
      }
      sb.append(String.format("%7d ", l.count));
      sb.append(l.addr == 0 ? "<not-available>" : String.format("0x%x", l.addr));
      if (l.sumTime != l.minTime) {
        sb.append(String.format(" age=%d/%d/%d", l.minTime, l.sumTime / l.count, l.maxTime));
      } else {
        sb.append(" age=").append(l.minTime);
      }
      if (l.minPid != l.maxPid) {
        sb.append(" pid=").append(l.minPid).append('-').append(l.maxPid);
      } else {
        sb.append(" pid=").append(l.minPid);
      }
      if (s.cpuCount() > 1 && !l.cpus.isEmpty() && sb.length() < PAGE_SIZE - 60) {
        sb.append(" cpus=").append(rangeList(l.cpus));
      }
      if (s.nodeCount() > 1 && !l.nodes.isEmpty() && sb.length() < PAGE_SIZE - 60) {
        sb.append(" nodes=").append(rangeList(l.nodes));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** {@code %*pbl}: a bitmap as comma-separated ranges, e.g. {@code 0-2,5}. */
  static String rangeList(BitSet bits) {
    StringBuilder sb = new StringBuilder();
    for (int i = bits.nextSetBit(0); i >= 0; ) {
      int end = bits.nextClearBit(i) - 1;
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(i);
      if (end > i) {
        sb.append('-').append(end);
      }
      i = bits.nextSetBit(end + 1);
    }
    return sb.toString();
  }
}
