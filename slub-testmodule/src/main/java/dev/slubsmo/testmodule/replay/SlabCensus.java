package dev.slubsmo.testmodule.replay;

import dev.slubsmo.slab.CacheCpu;
import dev.slubsmo.slab.CacheNode;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slab;
import dev.slubsmo.smo.Floor;
import java.util.ArrayList;
import java.util.List;

/**
 * A count of one cache's slabs as they stand, without flushing anything: slabs, node-partial slabs,
 * objects in use, the floor and the minimal moves to reach it, and how full the slabs are.
 *
 * <p>Algorithm: objects in use are every slab's objects minus its free slots. A slab on a node's
 * partial list or a CPU partial chain has {@code objects - inuse} free; a CPU slab also has its CPU
 * freelist free, and its {@code inuse} already counts those as taken ({@code get_freelist}); every
 * other slab is full (the model keeps no full list without {@code SLAB_STORE_USER}). Per node, the
 * floor is {@code ceil(live / objs_per_slab)}, and the minimal moves are the live objects outside
 * the floor-many fullest slabs, as {@code Defrag}'s census counts them.
 *
 * @param slabs {@code nr_slabs} summed over nodes
 * @param partial {@code nr_partial} summed over nodes
 * @param live objects in use
 * @param floor the fewest slabs that could hold {@code live} on their nodes
 * @param minMoves the fewest objects to move to reach the floor
 * @param occupancy slabs by fill: entry 0 counts empty slabs, entry {@code i} those more than
 *     {@code (i-1)*10%} and at most {@code i*10%} full
 */
public record SlabCensus(
    long slabs, long partial, long live, long floor, long minMoves, long[] occupancy) {

  /** Fill buckets: empty, then ten steps of 10%. */
  public static final int BUCKETS = 11;

  /** Counts {@code s} now; the caller holds every CPU of its machine or the machine is idle. */
  public static SlabCensus of(KmemCache s) {
    int per = s.objsPerSlab();
    long[] occupancy = new long[BUCKETS];
    List<List<Integer>> open = new ArrayList<>();
    long[] listed = new long[s.nodeCount()];
    for (int n = 0; n < s.nodeCount(); n++) {
      open.add(new ArrayList<>());
    }
    for (int n = 0; n < s.nodeCount(); n++) {
      for (Slab p : s.node(n).partial().toList()) {
        note(open, listed, occupancy, p, p.inuse());
      }
    }
    for (int c = 0; c < s.cpuCount(); c++) {
      CacheCpu cc = s.cpuSlab(c);
      if (cc.page() != null) {
        note(open, listed, occupancy, cc.page(), cc.page().inuse() - freelistLength(s, cc));
      }
      for (Slab p = cc.partial(); p != null; p = p.chainNext()) {
        note(open, listed, occupancy, p, p.inuse());
      }
    }
    long slabs = 0;
    long partial = 0;
    long live = 0;
    long floor = 0;
    long minMoves = 0;
    for (int n = 0; n < s.nodeCount(); n++) {
      CacheNode node = s.node(n);
      long full = node.nrSlabs() - listed[n];
      occupancy[BUCKETS - 1] += full;
      List<Integer> inuse = open.get(n);
      long nodeLive = full * per;
      for (int i : inuse) {
        nodeLive += i;
      }
      slabs += node.nrSlabs();
      partial += node.nrPartial();
      live += nodeLive;
      floor += Floor.slabs(nodeLive, per);
      minMoves += Floor.minMoves(nodeLive, full, inuse, per);
    }
    return new SlabCensus(slabs, partial, live, floor, minMoves, occupancy);
  }

  /** The fill bucket of a slab with {@code inuse} of {@code objects} taken. */
  public static int bucket(int inuse, int objects) {
    return (int) ((10L * inuse + objects - 1) / objects);
  }

  private static void note(
      List<List<Integer>> open, long[] listed, long[] occupancy, Slab p, int inuse) {
    open.get(p.node()).add(inuse);
    listed[p.node()]++;
    occupancy[bucket(inuse, p.objects())]++;
  }

  private static int freelistLength(KmemCache s, CacheCpu cc) {
    int n = 0;
    for (long p = cc.freelist(); p != 0; p = s.freepointer(p)) {
      n++;
    }
    return n;
  }
}
