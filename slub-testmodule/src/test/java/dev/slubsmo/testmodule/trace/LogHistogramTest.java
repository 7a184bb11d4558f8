package dev.slubsmo.testmodule.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogHistogramTest {

  static long nearestRank(long[] sorted, double q) {
    return sorted[(int) Math.max(0, Math.ceil(q * sorted.length) - 1)];
  }

  @Test
  void percentilesAreWithinOneSixtyFourthOfTheExactValue() {
    Random random = new Random(2019);
    long[] values = new long[20_000];
    LogHistogram h = new LogHistogram();
    for (int i = 0; i < values.length; i++) {
      values[i] = (long) Math.exp(random.nextDouble() * 25);
      h.record(values[i]);
    }
    Arrays.sort(values);
    for (double q : new double[] {0.01, 0.5, 0.9, 0.99, 0.999}) {
      long exact = nearestRank(values, q);
      long got = h.percentile(q);
      assertTrue(got >= exact && got <= exact + exact / 64, q + ": " + got + " vs " + exact);
    }
  }

  @Test
  void smallValuesAndMaxAreExact() {
    LogHistogram h = new LogHistogram();
    for (long v : new long[] {3, 7, 7, 100, 1_000_000_007L}) {
      h.record(v);
    }
    assertEquals(5, h.count());
    assertEquals(7, h.percentile(0.5));
    assertEquals(100, h.percentile(0.8));
    assertEquals(1_000_000_007L, h.max());
    assertEquals(h.max(), h.percentile(1.0));
  }

  @Test
  void emptyHistogramAnswersZero() {
    LogHistogram h = new LogHistogram();
    assertEquals(0, h.percentile(0.5));
    assertEquals(0, h.log2Micros().length);
  }

  @Test
  void log2BinsCountMicrosecondsByPowerOfTwo() {
    LogHistogram h = new LogHistogram();
    for (long nanos : new long[] {999, 1_000, 1_999, 2_000, 3_999, 4_000, 1_000_000}) {
      h.record(nanos);
    }
    long[] bins = new long[LogHistogram.log2MicrosBin(1_000_000) + 1];
    bins[0] = 1; // under 1 us
    bins[1] = 2; // [1, 2) us
    bins[2] = 2; // [2, 4) us
    bins[3] = 1; // [4, 8) us
    bins[bins.length - 1] = 1; // 1000 us is in [512, 1024)
    assertEquals(10, LogHistogram.log2MicrosBin(1_000_000));
    assertArrayEquals(bins, h.log2Micros());
  }
}
