package dev.slubsmo.bench;

import dev.slubsmo.Machine;
import dev.slubsmo.mm.Cpu;
import dev.slubsmo.slab.Gfp;
import dev.slubsmo.slab.KmemCache;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The allocation fast path: one {@code kmem_cache_alloc} + {@code kmem_cache_free} pair of a
 * 64-byte object on one CPU (both served by the CPU freelist), against a bare {@code long[]} stack
 * pop + push (the least a freelist can cost) and Netty's pooled allocator handing out and releasing
 * a 64-byte buffer from its thread cache.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Dio.netty.leakDetection.level=disabled"})
public class FastPathBench {
  static final int OBJECT_SIZE = 64;

  private Cpu cpu;
  private KmemCache cache;
  private long[] stack;
  private int top;
  private PooledByteBufAllocator netty;

  @Setup
  public void boot() {
    Machine m = Machine.boot();
    cpu = m.cpu(0);
    cache = m.slub().createCache("bench_64", OBJECT_SIZE, 0, 0, null);
    cache.free(cpu, cache.alloc(cpu, Gfp.KERNEL));
    stack = new long[64];
    for (top = 0; top < stack.length; top++) {
      stack[top] = 0x1000L + (long) top * OBJECT_SIZE;
    }
    netty = PooledByteBufAllocator.DEFAULT;
  }

  /** {@code kmem_cache_alloc} then {@code kmem_cache_free} of the same object. */
  @Benchmark
  public long slubAllocFree() {
    long p = cache.alloc(cpu, Gfp.KERNEL);
    cache.free(cpu, p);
    return p;
  }

  /** Baseline: pop an address off a {@code long[]} stack and push it back. */
  @Benchmark
  public long longStackPopPush() {
    long p = stack[--top];
    stack[top++] = p;
    return p;
  }

  /** Baseline: Netty's pooled heap buffer of 64 bytes, allocated and released. */
  @Benchmark
  public ByteBuf nettyPooledHeap64() {
    ByteBuf b = netty.heapBuffer(OBJECT_SIZE, OBJECT_SIZE);
    b.release();
    return b;
  }

  /** Baseline: Netty's pooled direct buffer of 64 bytes, allocated and released. */
  @Benchmark
  public ByteBuf nettyPooledDirect64() {
    ByteBuf b = netty.directBuffer(OBJECT_SIZE, OBJECT_SIZE);
    b.release();
    return b;
  }
}
