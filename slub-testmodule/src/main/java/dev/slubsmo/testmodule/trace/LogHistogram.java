package dev.slubsmo.testmodule.trace;

import java.util.Arrays;

/**
 * A histogram of non-negative durations in nanoseconds whose size does not grow with the number of
 * values recorded, answering percentiles to within 1/64 of the value.
 *
 * <p>Algorithm (log-linear buckets, as in HdrHistogram): values below 128 get a bucket each; above,
 * each power-of-two range {@code [2^k, 2^(k+1))} is split into 64 equal buckets, so a bucket's
 * width is at most 1/64 of its lower bound. Invariants: {@code count} is the sum of all buckets;
 * {@code max} is the largest value recorded, exactly; {@link #percentile} returns the upper bound
 * of the bucket holding the value of nearest rank {@code ceil(q * count)}, capped at {@code max}. A
 * separate log2 histogram in microseconds keeps the coarse shape for display.
 */
final class LogHistogram {
  private static final int SUB_BITS = 6;
  private static final int SUB_COUNT = 1 << SUB_BITS;

  private long[] buckets = new long[4 * SUB_COUNT];
  private final long[] log2Micros = new long[65];
  private long count;
  private long max;

  /** Records one duration of {@code nanos} (at least 0). */
  void record(long nanos) {
    int index = index(nanos);
    if (index >= buckets.length) {
      buckets = Arrays.copyOf(buckets, Math.max(index + 1, buckets.length * 2));
    }
    buckets[index]++;
    log2Micros[log2MicrosBin(nanos)]++;
    count++;
    max = Math.max(max, nanos);
  }

  long count() {
    return count;
  }

  long max() {
    return max;
  }

  /** The value at quantile {@code q} in (0, 1] by nearest rank, to within 1/64; 0 when empty. */
  long percentile(double q) {
    if (count == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(q * count));
    long seen = 0;
    for (int i = 0; i < buckets.length; i++) {
      seen += buckets[i];
      if (seen >= rank) {
        return Math.min(max, upperBound(i));
      }
    }
    return max;
  }

  /**
   * Counts per power of two of microseconds: bin 0 holds durations under 1 µs, bin {@code i > 0}
   * those in {@code [2^(i-1), 2^i)} µs; trailing empty bins are left out.
   */
  long[] log2Micros() {
    int bins = log2Micros.length;
    while (bins > 0 && log2Micros[bins - 1] == 0) {
      bins--;
    }
    return Arrays.copyOf(log2Micros, bins);
  }

  static int log2MicrosBin(long nanos) {
    return 64 - Long.numberOfLeadingZeros(nanos / 1000);
  }

  private static int index(long value) {
    if (value < 2 * SUB_COUNT) {
      return (int) value;
    }
    int shift = 63 - Long.numberOfLeadingZeros(value) - SUB_BITS;
    return shift * SUB_COUNT + (int) (value >>> shift);
  }

  private static long upperBound(int index) {
    if (index < 2 * SUB_COUNT) {
      return index;
    }
    int shift = index / SUB_COUNT - 1;
    long sub = index % SUB_COUNT + SUB_COUNT;
    return ((sub + 1) << shift) - 1;
  }
}
