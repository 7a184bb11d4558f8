package dev.slubsmo.testmodule.replay;

import java.util.Arrays;

/**
 * Slab pages of one machine over trace time, in memory that does not grow with the trace.
 *
 * <p>Algorithm: a sample is offered after every batch of operations and kept every {@code stride}
 * offers; when {@value #MAX_SAMPLES} are kept, every other one is dropped and the stride doubles.
 * Invariants: samples are in offer order, at most {@value #MAX_SAMPLES}, and the same offers always
 * keep the same samples.
 */
final class Timeline {
  static final int MAX_SAMPLES = 1 << 11;

  private final long[] nanos = new long[MAX_SAMPLES];
  private final long[] pages = new long[MAX_SAMPLES];
  private int size;
  private long stride = 1;
  private long offers;

  void offer(long timeNanos, long slabPages) {
    if (offers++ % stride != 0) {
      return;
    }
    if (size == MAX_SAMPLES) {
      for (int i = 0; i < MAX_SAMPLES / 2; i++) {
        nanos[i] = nanos[2 * i];
        pages[i] = pages[2 * i];
      }
      size = MAX_SAMPLES / 2;
      stride *= 2;
      if ((offers - 1) % stride != 0) {
        return;
      }
    }
    nanos[size] = timeNanos;
    pages[size] = slabPages;
    size++;
  }

  /** Adds a last sample whatever the stride: the state at the end of the trace or after it. */
  void end(long timeNanos, long slabPages) {
    if (size == MAX_SAMPLES) {
      size--;
    }
    nanos[size] = timeNanos;
    pages[size] = slabPages;
    size++;
  }

  long[] nanos() {
    return Arrays.copyOf(nanos, size);
  }

  long[] pages() {
    return Arrays.copyOf(pages, size);
  }
}
