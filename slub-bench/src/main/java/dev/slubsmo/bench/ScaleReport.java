package dev.slubsmo.bench;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.mm.PageAllocator;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.smo.Defrag;
import dev.slubsmo.smo.DefragResult;
import dev.slubsmo.smo.Placement;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How the model scales with live objects: for one count N of live {@value HandleCache#OBJECT_SIZE}
 * -byte objects in a movable cache, prints one tab-separated row (see {@link #HEADER}).
 *
 * <p>Per-op costs are thread CPU time (so other load on the machine inflates them less than wall
 * time would), the median of {@value #ROUNDS} rounds, after a warm-up on a small machine:
 *
 * <ul>
 *   <li>{@code pair_ns}: alloc + free of the same object with N objects live (the fast path);
 *   <li>{@code churn_ns}: free a random live object and allocate its replacement (seeded), so the
 *       touched slabs are spread over all N;
 *   <li>{@code touch_ns}: a hardware reference for that, one read-modify-write of a random cache
 *       line in a plain array as large as the slabs (the same seeded generator); churn touches
 *       several such lines (handle, slab, frame header, object);
 *   <li>{@code kernel_ns}/{@code minimal_ns}: shrink time per object moved, each round on N objects
 *       allocated afresh of which every other one is then freed (N/2 live, every slab half full),
 *       for each placement policy.
 * </ul>
 *
 * <p>Heap: used heap after full GCs, measured before the machine boots (the handle table already
 * allocated) and after the N objects are in; {@code heap_ratio} is that difference over the bytes
 * of the cache's slabs.
 *
 * <p>Usage: {@code ScaleReport N [seed]}; {@code ScaleReport --header} prints the header row.
 */
public final class ScaleReport {
  static final String HEADER =
      "live\tslabs\tslab_bytes\theap_bytes\theap_ratio\tpair_ns\tchurn_ns\ttouch_ns"
          + "\tkernel_moved\tkernel_ns\tminimal_moved\tminimal_ns";
  static final int ROUNDS = 5;
  static final int OPS = 2_000_000;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ScaleReport() {}

  public static void main(String[] args) {
    if (args.length == 1 && args[0].equals("--header")) {
      System.out.println(HEADER);
      return;
    }
    if (args.length < 1 || args.length > 2) {
      throw new IllegalArgumentException("usage: ScaleReport N [seed] | ScaleReport --header");
    }
    int live = Integer.parseInt(args[0]);
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    if (live < 2) {
      throw new IllegalArgumentException("N must be at least 2, got " + live);
    }
    warmUp(seed);
    System.out.println(measureRow(live, seed, OPS, ROUNDS));
  }

  /**
   * Memory per node for N live objects: at the peak, during a kernel-policy shrink, N slots are
   * still held by the isolated slabs and N/2 more by the slabs their objects move to; a slot takes
   * at most the object and its out-of-object free pointer. Twice that, in whole buddy blocks.
   */
  static long memoryFor(int live) {
    long block = MachineConfig.MAX_BLOCK_BYTES;
    long bytes = Math.max(64L << 20, 2L * live * (HandleCache.OBJECT_SIZE + 16));
    return (bytes + block - 1) / block * block;
  }

  private static void warmUp(long seed) {
    Run r = new Run(200_000, seed);
    r.fill();
    r.pair(OPS);
    r.churn(OPS);
    touch(new long[1 << 20], OPS, r.random);
    r.shrink(Placement.KERNEL);
    r.refill();
    r.shrink(Placement.MINIMAL_MOVE);
  }

  /**
   * One row for N live objects: {@code ops} operations per timed round, median of {@code rounds}.
   */
  static String measureRow(int live, long seed, int ops, int rounds) {
    long[] table = new long[live];
    long before = usedHeap();
    Run r = new Run(live, seed, table);
    r.fill();
    long heap = usedHeap() - before;
    long slabs = r.slabs();
    long slabBytes = slabs * ((long) PageAllocator.PAGE_SIZE << r.cache.order());
    double[] pair = new double[rounds];
    double[] churn = new double[rounds];
    double[] touch = new double[rounds];
    long[] lines = new long[(int) (slabBytes / Long.BYTES)];
    for (int i = 0; i < rounds; i++) {
      pair[i] = r.pair(ops);
      churn[i] = r.churn(ops);
      touch[i] = touch(lines, ops, r.random);
    }
    double[] kernelNs = new double[rounds];
    double[] minimalNs = new double[rounds];
    long kernelMoved = 0;
    long minimalMoved = 0;
    for (int i = 0; i < rounds; i++) {
      r.refill();
      kernelMoved = r.shrink(Placement.KERNEL).moved();
      kernelNs[i] = r.lastNs / kernelMoved;
      r.refill();
      minimalMoved = r.shrink(Placement.MINIMAL_MOVE).moved();
      minimalNs[i] = r.lastNs / minimalMoved;
    }
    return String.format(
        Locale.ROOT,
        "%d\t%d\t%d\t%d\t%.3f\t%.1f\t%.1f\t%.1f\t%d\t%.1f\t%d\t%.1f",
        live,
        slabs,
        slabBytes,
        heap,
        (double) heap / slabBytes,
        median(pair),
        median(churn),
        median(touch),
        kernelMoved,
        median(kernelNs),
        minimalMoved,
        median(minimalNs));
  }

  /** CPU ns per increment of the first word of a random 64-byte line of {@code lines}. */
  static double touch(long[] lines, int ops, SplittableRandom random) {
    int perLine = 64 / Long.BYTES;
    int count = lines.length / perLine;
    long t0 = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < ops; i++) {
      lines[random.nextInt(count) * perLine]++;
    }
    return (double) (THREADS.getCurrentThreadCpuTime() - t0) / ops;
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** One machine with N handles, and the phases of a measurement. */
  private static final class Run {
    final int live;
    final HandleCache handles;
    final KmemCache cache;
    final SplittableRandom random;
    double lastNs;

    Run(int live, long seed) {
      this(live, seed, new long[live]);
    }

    Run(int live, long seed, long[] table) {
      this.live = live;
      Machine m = new Machine(new MachineConfig(1, 2, memoryFor(live)), MachineOptions.defaults());
      this.handles = new HandleCache(m, "scale_" + live, table);
      this.cache = handles.cache();
      this.random = new SplittableRandom(seed);
    }

    void fill() {
      for (int h = 0; h < live; h++) {
        handles.alloc(h);
      }
    }

    long slabs() {
      long n = 0;
      for (int i = 0; i < cache.nodeCount(); i++) {
        n += cache.node(i).nrSlabs();
      }
      return n;
    }

    /** CPU ns per alloc + free of one object, N live. */
    double pair(int ops) {
      long sink = 0;
      long t0 = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < ops; i++) {
        long p = cache.alloc(handles.cpu(), Gfp.KERNEL);
        cache.free(handles.cpu(), p);
        sink += p;
      }
      long t = THREADS.getCurrentThreadCpuTime() - t0;
      return sink == 0 ? Double.NaN : (double) t / ops;
    }

    /** CPU ns per free of a random live object plus the allocation that replaces it. */
    double churn(int ops) {
      long t0 = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < ops; i++) {
        int h = random.nextInt(live);
        handles.free(h);
        handles.alloc(h);
      }
      return (double) (THREADS.getCurrentThreadCpuTime() - t0) / ops;
    }

    /** Frees every odd handle (if live), then shrinks; {@link #lastNs} is the shrink's CPU ns. */
    DefragResult shrink(Placement p) {
      for (int h = 1; h < live; h += 2) {
        if (handles.object(h) != 0) {
          handles.free(h);
        }
      }
      long t0 = THREADS.getCurrentThreadCpuTime();
      DefragResult r = Defrag.shrink(cache, handles.cpu(), p);
      lastNs = THREADS.getCurrentThreadCpuTime() - t0;
      return r;
    }

    /** Back to N live in fresh slabs: free the survivors, shrink away the empties, refill. */
    void refill() {
      for (int h = 0; h < live; h++) {
        if (handles.object(h) != 0) {
          handles.free(h);
        }
      }
      Defrag.shrink(cache, handles.cpu(), Placement.KERNEL);
      fill();
    }
  }
}
