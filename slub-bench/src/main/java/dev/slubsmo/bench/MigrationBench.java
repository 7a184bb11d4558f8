package dev.slubsmo.bench;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.mm.PageAllocator;
import dev.slubsmo.slab.Slab;
import dev.slubsmo.smo.Defrag;
import dev.slubsmo.smo.DefragResult;
import dev.slubsmo.smo.Placement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Migration throughput: SMO shrink of a cache fragmented to one live object per slab ({@value
 * #SLABS} slabs), under both placement policies, reported as objects moved per second (the {@code
 * moved} counter); against {@link System#arraycopy} of the same objects' bytes from one 4 KiB frame
 * each into a dense buffer (ops = objects copied).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class MigrationBench {
  static final int SLABS = 256;

  /** A fragmented movable cache, rebuilt before every shrink (not timed). */
  @State(Scope.Thread)
  public static class Fragmented {
    @Param({"KERNEL", "MINIMAL_MOVE"})
    public Placement placement;

    HandleCache cache;
    int per;

    @Setup
    public void boot() {
      Machine m = new Machine(new MachineConfig(1, 2, 256L << 20), MachineOptions.defaults());
      cache = new HandleCache(m, "bench_movable", new long[0]);
      per = cache.cache().objsPerSlab();
    }

    /** Frees what the last shrink left, then keeps one object per slab of SLABS full slabs. */
    @Setup(Level.Invocation)
    public void fragment() {
      int total = SLABS * per;
      for (int h = 0; h < total; h++) {
        if (cache.object(h) != 0) {
          cache.free(h);
        }
      }
      Set<Slab> kept = Collections.newSetFromMap(new IdentityHashMap<>());
      for (int h = 0; h < total; h++) {
        cache.alloc(h);
      }
      for (int h = 0; h < total; h++) {
        Slab s = cache.cache().slub().slabOf(cache.object(h));
        if (!kept.add(s)) {
          cache.free(h);
        }
      }
    }
  }

  /** Objects moved, normalised by JMH to objects per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Moved {
    public long moved;

    @Setup(Level.Iteration)
    public void reset() {
      moved = 0;
    }
  }

  /** Scattered source objects, one per frame, and a dense destination. */
  @State(Scope.Thread)
  public static class Frames {
    byte[][] frames;
    byte[] dense;

    @Setup
    public void fill() {
      frames = new byte[SLABS][PageAllocator.PAGE_SIZE];
      dense = new byte[SLABS * HandleCache.OBJECT_SIZE];
    }
  }

  /** {@code kmem_cache_shrink} with migration. */
  @Benchmark
  public DefragResult shrink(Fragmented f, Moved m) {
    DefragResult r = Defrag.shrink(f.cache.cache(), f.cache.cpu(), f.placement);
    m.moved += r.moved();
    return r;
  }

  /** Baseline: copy the same number of 64-byte objects with {@code System.arraycopy}. */
  @Benchmark
  @OperationsPerInvocation(SLABS)
  public byte[] arraycopyObjects(Frames f) {
    int size = HandleCache.OBJECT_SIZE;
    for (int i = 0; i < SLABS; i++) {
      System.arraycopy(f.frames[i], (i * size) % PageAllocator.PAGE_SIZE, f.dense, i * size, size);
    }
    return f.dense;
  }
}
