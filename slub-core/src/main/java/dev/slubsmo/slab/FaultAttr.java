package dev.slubsmo.slab;

/**
 * A fault-injection attribute ({@code struct fault_attr}, lib/fault-inject.c) for failslab: an
 * allocation fails when the call count reaches a multiple of {@code interval} and the seeded coin
 * falls under {@code probability} percent, at most {@code times} times ({@code -1}: no limit).
 */
public final class FaultAttr {
  private final int probability;
  private final int interval;
  private int times;
  private long calls;
  private long failures;

  public FaultAttr(int probability, int interval, int times) {
    if (probability < 0 || probability > 100) {
      throw new IllegalArgumentException("probability must be 0..100, got " + probability);
    }
    if (interval < 1) {
      throw new IllegalArgumentException("interval must be at least 1, got " + interval);
    }
    this.probability = probability;
    this.interval = interval;
    this.times = times;
  }

  /** {@code should_fail}. */
  synchronized boolean shouldFail(Slub slub) {
    if (times == 0) {
      return false;
    }
    calls++;
    if (interval > 1 && calls % interval != 0) {
      return false;
    }
    if (probability <= slub.random(100)) {
      return false;
    }
    if (times > 0) {
      times--;
    }
    failures++;
    return true;
  }

  public int probability() {
    return probability;
  }

  public int interval() {
    return interval;
  }

  public synchronized int times() {
    return times;
  }

  public synchronized long failures() {
    return failures;
  }
}
