package dev.slubsmo.testmodule.replay;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A run of model operations that one stretch of the trace asks of every policy's machine, in
 * parallel primitive arrays: the ledger fills it once and each machine applies it.
 *
 * <p>{@link #ALLOC}: allocate from {@code cache} on {@code cpu} with model flags {@code gfp} on
 * {@code node} (-1 for any) and remember it as trace pointer {@code ptr}. {@link #FREE}: free what
 * {@code ptr} stands for ({@code cache} says which cache it came from). {@link #POOL_FREE}: free
 * pre-populated object number {@code slot} of {@code cache}. Every operation carries the trace
 * event number it came from; {@link #lastEvent} and {@link #lastNanos} (trace time since the first
 * event) tell how far the stretch reaches, and {@link #specs} which replay caches exist once it has
 * run.
 */
final class OpBatch {
  static final byte ALLOC = 0;
  static final byte FREE = 1;
  static final byte POOL_FREE = 2;

  static final int CAPACITY = 1 << 12;

  /** An event asks for at most two operations: the free of a reused pointer, then the alloc. */
  static final int MAX_OPS_PER_EVENT = 2;

  final byte[] op = new byte[CAPACITY];
  final int[] cache = new int[CAPACITY];
  final int[] cpu = new int[CAPACITY];
  final long[] ptr = new long[CAPACITY];
  final int[] gfp = new int[CAPACITY];
  final int[] node = new int[CAPACITY];
  final long[] slot = new long[CAPACITY];
  final long[] event = new long[CAPACITY];
  int size;
  long lastEvent;
  long lastNanos;
  List<CacheSpec> specs = List.of();

  /** Machines that have not applied this batch yet. */
  AtomicInteger pending = new AtomicInteger();

  /** Whether another event might not fit. */
  boolean full() {
    return size > CAPACITY - MAX_OPS_PER_EVENT;
  }

  void clear() {
    size = 0;
  }

  void alloc(long eventNo, int cacheIndex, int cpuId, long tracePtr, int gfpBits, int nodeId) {
    int i = size++;
    op[i] = ALLOC;
    event[i] = eventNo;
    cache[i] = cacheIndex;
    cpu[i] = cpuId;
    ptr[i] = tracePtr;
    gfp[i] = gfpBits;
    node[i] = nodeId;
  }

  void free(long eventNo, int cacheIndex, int cpuId, long tracePtr) {
    int i = size++;
    op[i] = FREE;
    event[i] = eventNo;
    cache[i] = cacheIndex;
    cpu[i] = cpuId;
    ptr[i] = tracePtr;
  }

  void poolFree(long eventNo, int cacheIndex, int cpuId, long poolSlot) {
    int i = size++;
    op[i] = POOL_FREE;
    event[i] = eventNo;
    cache[i] = cacheIndex;
    cpu[i] = cpuId;
    slot[i] = poolSlot;
  }
}
