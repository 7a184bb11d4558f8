package dev.slubsmo.bench;

import dev.slubsmo.Machine;
import dev.slubsmo.MachineOptions;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.mm.MachineConfig;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.ShrinkMode;
import dev.slubsmo.slab.StatItem;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The allocation slow path against the fast path, one {@code kmem_cache_alloc} per invocation with
 * the same per-invocation set-up on both sides. Slow: the CPU freelist is drained first and no
 * partial slab exists, so {@code ___slab_alloc} ends in {@code new_slab} (buddy allocation, frame
 * population, freelist set-up). Fast: the object freed just before is on the CPU freelist. Each
 * side checks at tear-down that every timed allocation took the path it claims (stat counters).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class SlowPathBench {
  /** Kept objects past which the set-up frees everything and shrinks (not timed). */
  static final int HELD_LIMIT = 1 << 16;

  /**
   * A 64-byte cache on a fresh machine; mainline shrink so that shrink discards every empty slab.
   */
  abstract static class Cache {
    Cpu cpu;
    KmemCache cache;
    long[] held = new long[HELD_LIMIT + 4096];
    int count;
    long timed;

    @Setup(Level.Trial)
    public void boot() {
      Machine m =
          new Machine(
              new MachineConfig(1, 2, 1L << 30),
              MachineOptions.defaults().withShrinkMode(ShrinkMode.MAINLINE));
      cpu = m.cpu(0);
      cache = m.slub().createCache("bench_slow_64", FastPathBench.OBJECT_SIZE, 0, 0, null);
    }

    void releaseAll() {
      for (int i = 0; i < count; i++) {
        cache.free(cpu, held[i]);
      }
      count = 0;
      cache.shrink(cpu);
    }

    long stat(StatItem item) {
      return cache.cpuSlab(cpu.id()).stat(item);
    }

    void verify(StatItem item, long before) {
      if (stat(item) - before != timed) {
        throw new IllegalStateException(
            timed + " timed allocations but " + (stat(item) - before) + " counted as " + item);
      }
    }
  }

  /** The CPU slab is exhausted and no partial slab exists before every timed allocation. */
  @State(Scope.Thread)
  public static class Exhausted extends Cache {
    long slabsBefore;

    @Setup(Level.Iteration)
    public void mark() {
      slabsBefore = stat(StatItem.ALLOC_SLAB);
      timed = 0;
    }

    @Setup(Level.Invocation)
    public void drain() {
      if (count >= HELD_LIMIT) {
        releaseAll();
      }
      while (cache.cpuSlab(cpu.id()).freelist() != 0) {
        held[count++] = cache.alloc(cpu, Gfp.KERNEL);
      }
      timed++;
    }

    @TearDown(Level.Iteration)
    public void check() {
      verify(StatItem.ALLOC_SLAB, slabsBefore);
    }
  }

  /** The object allocated by the last invocation is freed (fast path) before the next one. */
  @State(Scope.Thread)
  public static class Warm extends Cache {
    long fastBefore;

    @Setup(Level.Iteration)
    public void mark() {
      if (count == 0) {
        held[count++] = cache.alloc(cpu, Gfp.KERNEL);
      }
      fastBefore = stat(StatItem.ALLOC_FASTPATH);
      timed = 0;
    }

    @Setup(Level.Invocation)
    public void freeLast() {
      cache.free(cpu, held[--count]);
      timed++;
    }

    @TearDown(Level.Iteration)
    public void check() {
      verify(StatItem.ALLOC_FASTPATH, fastBefore);
    }
  }

  /** {@code kmem_cache_alloc} through {@code new_slab}. */
  @Benchmark
  public long newSlabAlloc(Exhausted s) {
    long p = s.cache.alloc(s.cpu, Gfp.KERNEL);
    s.held[s.count++] = p;
    return p;
  }

  /** {@code kmem_cache_alloc} from the CPU freelist. */
  @Benchmark
  public long fastPathAlloc(Warm s) {
    long p = s.cache.alloc(s.cpu, Gfp.KERNEL);
    s.held[s.count++] = p;
    return p;
  }
}
