package dev.slubsmo.sysfs;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.slab.FaultAttr;
import dev.slubsmo.slab.KmemCache;

/**
 * The model's per-cache failslab knobs, {@code failslab_probability} (percent, 0..100), {@code
 * failslab_interval} (at least 1) and {@code failslab_times} (failures left, -1 for no limit). The
 * kernel has one global {@code fault_attr} in debugfs ({@code /sys/kernel/debug/failslab/}); the
 * model keeps one {@link FaultAttr} per cache, which applies to every allocation from it whatever
 * the {@code failslab} flag says. Without one the files read the kernel's defaults ({@code
 * FAULT_ATTR_INITIALIZER}: probability 0, interval 1, times 1). Each write replaces the cache's
 * attribute with one that carries the new value and the other two as they read now, so its call and
 * failure counts start again.
 */
final class FailslabKnobs {
  private FailslabKnobs() {}

  static String probability(KmemCache s) {
    return SlabAttributes.line(probability(s.failslab()));
  }

  static String interval(KmemCache s) {
    return SlabAttributes.line(interval(s.failslab()));
  }

  static String times(KmemCache s) {
    return SlabAttributes.line(times(s.failslab()));
  }

  static void storeProbability(KmemCache s, String value, Cpu cpu) {
    long p = Kstrtox.kstrtoull(value);
    if (Long.compareUnsigned(p, 100) > 0) {
      throw new AttributeError(
          Errno.EINVAL, "probability " + Long.toUnsignedString(p) + " above 100");
    }
    FaultAttr f = s.failslab();
    s.setFailslab(new FaultAttr((int) p, interval(f), times(f)));
  }

  static void storeInterval(KmemCache s, String value, Cpu cpu) {
    long i = Kstrtox.kstrtoull(value);
    if (i < 1 || i > Integer.MAX_VALUE) {
      throw new AttributeError(
          Errno.EINVAL,
          "interval " + Long.toUnsignedString(i) + " outside 1.." + Integer.MAX_VALUE);
    }
    FaultAttr f = s.failslab();
    s.setFailslab(new FaultAttr(probability(f), (int) i, times(f)));
  }

  static void storeTimes(KmemCache s, String value, Cpu cpu) {
    int t = Kstrtox.kstrtoint(value);
    if (t < -1) {
      throw new AttributeError(Errno.EINVAL, "times " + t + " below -1 (no limit)");
    }
    FaultAttr f = s.failslab();
    s.setFailslab(new FaultAttr(probability(f), interval(f), t));
  }

  private static int probability(FaultAttr f) {
    return f == null ? 0 : f.probability();
  }

  private static int interval(FaultAttr f) {
    return f == null ? 1 : f.interval();
  }

  private static int times(FaultAttr f) {
    return f == null ? 1 : f.times();
  }
}
