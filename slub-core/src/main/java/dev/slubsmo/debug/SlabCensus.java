package dev.slubsmo.debug;

import dev.slubsmo.slab.CacheCpu;
import dev.slubsmo.slab.CacheNode;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slab;
import dev.slubsmo.slab.SlabList;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every slab of one cache and where it is referenced from: the page allocator's frame owners (which
 * slabs exist), each CPU's slab and partial chain, and each node's partial and full list, with the
 * per-node sums that sysfs reads.
 *
 * <p>Walks are bounded: a chain or list that comes back to a slab it already passed is reported
 * (invariant 18 or 14) and cut there, so the census is linear in the slabs even with corrupt links.
 */
final class SlabCensus {
  final KmemCache cache;
  final Map<Slab, SlabFacts> facts = new IdentityHashMap<>();

  /** The same facts in a deterministic order: owned slabs by frame, then the rest as met. */
  final List<SlabFacts> slabs = new ArrayList<>();

  final int[] partialCount;
  final int[] fullCount;
  final int[] partialEmpty;
  final long[] partialFree;
  final long[] partialInuse;
  final int[] chainLength;

  /** Some CPU holds a slab or a chain of this cache. */
  boolean cpuState;

  private int walks;

  private SlabCensus(KmemCache cache) {
    this.cache = cache;
    int nodes = cache.nodeCount();
    this.partialCount = new int[nodes];
    this.fullCount = new int[nodes];
    this.partialEmpty = new int[nodes];
    this.partialFree = new long[nodes];
    this.partialInuse = new long[nodes];
    this.chainLength = new int[cache.cpuCount()];
  }

  /** Takes the census; {@code owned} are the slabs the page allocator holds for the cache. */
  static SlabCensus take(KmemCache s, List<Slab> owned, Findings f) {
    SlabCensus c = new SlabCensus(s);
    for (Slab p : owned) {
      c.add(new SlabFacts(p, true));
    }
    for (int i = 0; i < s.cpuCount(); i++) {
      c.walkCpu(s.cpuSlab(i), f);
    }
    for (int i = 0; i < s.nodeCount(); i++) {
      CacheNode n = s.node(i);
      c.partialCount[i] = c.walkList(n, n.partial(), true, f);
      c.fullCount[i] = c.walkList(n, n.full(), false, f);
    }
    return c;
  }

  /** The facts of {@code p}; a slab not held for this cache is recorded as not owned. */
  private SlabFacts of(Slab p) {
    SlabFacts sf = facts.get(p);
    return sf != null ? sf : add(new SlabFacts(p, false));
  }

  private SlabFacts add(SlabFacts sf) {
    facts.put(sf.slab, sf);
    slabs.add(sf);
    return sf;
  }

  /** Records the CPU slab and walks the CPU partial chain (invariant 18). */
  private void walkCpu(CacheCpu c, Findings f) {
    if (c.page() != null) {
      of(c.page()).cpuSlabs++;
      cpuState = true;
    }
    Slab head = c.partial();
    if (head == null) {
      return;
    }
    cpuState = true;
    int len = 0;
    long free = 0;
    for (Slab p = head; p != null; p = p.chainNext()) {
      SlabFacts sf = of(p);
      if (sf.chainCpu == c.cpu()) {
        f.slab(
            Invariant.CPU_CHAIN,
            p,
            "cpu " + c.cpu() + "'s chain comes back to this slab after " + len + " slabs");
        break;
      }
      sf.chainCpu = c.cpu();
      sf.chains++;
      len++;
      free += p.objects() - p.inuse();
      if (!p.frozen()) {
        f.slab(Invariant.CPU_CHAIN, p, "on cpu " + c.cpu() + "'s chain but not frozen");
      }
    }
    chainLength[c.cpu()] = len;
    if (head.chainPages() != len) {
      f.cpu(
          Invariant.CPU_CHAIN,
          c.cpu(),
          "chain head pages = " + head.chainPages() + ", but the chain has " + len + " slabs");
    }
    if (head.chainObjects() > free) {
      f.cpu(
          Invariant.CPU_CHAIN,
          c.cpu(),
          "chain head pobjects = "
              + head.chainObjects()
              + " exceeds the "
              + free
              + " free objects on the chain");
    }
  }

  /** Walks one node list (invariant 14) and returns how many slabs it holds. */
  private int walkList(CacheNode n, SlabList list, boolean partial, Findings f) {
    int walk = ++walks;
    int count = 0;
    for (Slab p = list.head(); p != null; p = p.listNext()) {
      SlabFacts sf = of(p);
      if (sf.listWalk == walk) {
        f.slab(
            Invariant.PARTIAL_COUNT,
            p,
            listName(n, list) + " comes back to this slab after " + count);
        break;
      }
      sf.listWalk = walk;
      if (sf.lists++ == 0) {
        sf.list = list;
        sf.listNode = n.node();
        sf.onPartial = partial;
      }
      count++;
      if (p.list() != list) {
        String link = p.list() == null ? "no list" : "another " + p.list().name() + " list";
        f.slab(Invariant.PARTIAL_COUNT, p, "on " + listName(n, list) + " but linked as on " + link);
      }
      if (p.node() != n.node()) {
        f.slab(
            Invariant.PARTIAL_COUNT,
            p,
            "on " + listName(n, list) + " but its memory is on node " + p.node());
      }
      if (partial) {
        partialFree[n.node()] += p.objects() - p.inuse();
        partialInuse[n.node()] += p.inuse();
        if (p.inuse() == 0) {
          partialEmpty[n.node()]++;
        }
      }
    }
    if (count != list.size()) {
      f.node(
          Invariant.PARTIAL_COUNT,
          n.node(),
          listName(n, list) + " holds " + count + " slabs but records size " + list.size());
    }
    return count;
  }

  /** The list's name in messages; built only when one is reported. */
  private static String listName(CacheNode n, SlabList list) {
    return "node " + n.node() + "'s " + list.name() + " list";
  }
}
