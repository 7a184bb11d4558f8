package dev.slubsmo.sysfs;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.SizingParams;

/**
 * The store routines of the numeric tunables ({@code order_store}, {@code min_partial_store},
 * {@code cpu_partial_store}, {@code remote_node_defrag_ratio_store}, SMO's {@code
 * defrag_used_ratio_store}). Each parses and checks the whole value before it changes anything.
 */
final class TunableStores {
  private TunableStores() {}

  /**
   * {@code order_store}: {@code kstrtoul}; {@code -EINVAL} outside {@code [slub_min_order,
   * slub_max_order]}; then {@code calculate_sizes(s, order)}, keeping {@code min_partial} and
   * {@code cpu_partial}. The kernel ignores a result with no object per slab and leaves {@code oo}
   * holding 0 objects; the model refuses that order with {@code -EINVAL}.
   */
  static void order(KmemCache s, String value, Cpu cpu) {
    long order = Kstrtox.kstrtoull(value);
    SizingParams p = s.slub().params();
    if (Long.compareUnsigned(order, p.slubMaxOrder()) > 0 || order < p.slubMinOrder()) {
      throw new AttributeError(
          Errno.EINVAL,
          "order "
              + Long.toUnsignedString(order)
              + " outside slub_min_order..slub_max_order "
              + p.slubMinOrder()
              + ".."
              + p.slubMaxOrder());
    }
    try {
      s.recalculateSizes((int) order, s.slub().kernelFidelity());
    } catch (IllegalArgumentException e) {
      throw new AttributeError(Errno.EINVAL, e.getMessage());
    }
  }

  /** {@code min_partial_store}: {@code kstrtoul}, then clamped to 5..10. */
  static void minPartial(KmemCache s, String value, Cpu cpu) {
    s.setMinPartial(Kstrtox.kstrtoull(value));
  }

  /**
   * {@code cpu_partial_store}: {@code kstrtouint}; a non-zero value for a cache without CPU partial
   * lists (a debug cache) is {@code -EINVAL}; then {@code flush_all}. The model keeps the cap in a
   * Java int, so values above {@code INT_MAX} are {@code -ERANGE}.
   */
  static void cpuPartial(KmemCache s, String value, Cpu cpu) {
    long objects = Kstrtox.kstrtouint(value);
    if (objects != 0 && !s.hasCpuPartial()) {
      throw new AttributeError(
          Errno.EINVAL, "a debug cache has no CPU partial lists; only 0 is accepted");
    }
    if (objects > Integer.MAX_VALUE) {
      throw new AttributeError(Errno.ERANGE, objects + " exceeds the model's limit INT_MAX");
    }
    s.setCpuPartial((int) objects);
    s.flushAll();
  }

  /** {@code remote_node_defrag_ratio_store}: {@code kstrtouint}, {@code -ERANGE} above 100. */
  static void remoteNodeDefragRatio(KmemCache s, String value, Cpu cpu) {
    long ratio = Kstrtox.kstrtouint(value);
    if (ratio > 100) {
      throw new AttributeError(Errno.ERANGE, "ratio " + ratio + " above 100");
    }
    s.setRemoteNodeDefragRatio((int) ratio * 10);
  }

  /** {@code defrag_used_ratio_store}: {@code kstrtoul}, {@code -EINVAL} above 100. */
  static void defragUsedRatio(KmemCache s, String value, Cpu cpu) {
    long ratio = Kstrtox.kstrtoull(value);
    if (Long.compareUnsigned(ratio, 100) > 0) {
      throw new AttributeError(
          Errno.EINVAL, "ratio " + Long.toUnsignedString(ratio) + " above 100");
    }
    s.setDefragUsedRatio((int) ratio);
  }
}
