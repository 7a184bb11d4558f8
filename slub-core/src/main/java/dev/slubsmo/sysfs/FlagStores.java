package dev.slubsmo.sysfs;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.SlabFlags;

/**
 * The store routines of the flag attributes. Each tests only the first character: {@code 1} sets
 * the flag, anything else clears it. Turning on consistency checks, tracing or user tracking drops
 * {@code __CMPXCHG_DOUBLE}; turning them off does not restore it. {@code red_zone}, {@code poison}
 * and {@code store_user} change the slot layout, so they need a cache without slabs and recompute
 * the sizes (with the kernel's stale free-pointer offset only in kernel-fidelity mode).
 */
final class FlagStores {
  private FlagStores() {}

  static boolean on(String value) {
    return !value.isEmpty() && value.charAt(0) == '1';
  }

  /** {@code reclaim_account_store}: only the flag; {@code allocflags} is not recomputed. */
  static void reclaimAccount(KmemCache s, String value, Cpu cpu) {
    set(s, SlabFlags.RECLAIM_ACCOUNT, on(value), false);
  }

  /** {@code sanity_checks_store}: no emptiness or alias check. */
  static void sanityChecks(KmemCache s, String value, Cpu cpu) {
    set(s, SlabFlags.CONSISTENCY_CHECKS, on(value), true);
  }

  /** {@code trace_store}: {@code -EINVAL} on a merged cache. */
  static void trace(KmemCache s, String value, Cpu cpu) {
    refuseMerged(s, "tracing");
    set(s, SlabFlags.TRACE, on(value), true);
  }

  /** {@code failslab_store}: {@code -EINVAL} on a merged cache. */
  static void failslab(KmemCache s, String value, Cpu cpu) {
    refuseMerged(s, "failslab");
    set(s, SlabFlags.FAILSLAB, on(value), false);
  }

  /** {@code red_zone_store}. */
  static void redZone(KmemCache s, String value, Cpu cpu) {
    relayout(s, SlabFlags.RED_ZONE, on(value), false);
  }

  /** {@code poison_store}. */
  static void poison(KmemCache s, String value, Cpu cpu) {
    relayout(s, SlabFlags.POISON, on(value), false);
  }

  /** {@code store_user_store}. */
  static void storeUser(KmemCache s, String value, Cpu cpu) {
    relayout(s, SlabFlags.STORE_USER, on(value), true);
  }

  private static void set(KmemCache s, int flag, boolean on, boolean dropsCmpxchg) {
    int clear = flag | (on && dropsCmpxchg ? SlabFlags.CMPXCHG_DOUBLE : 0);
    s.changeFlags(clear, on ? flag : 0);
  }

  private static void refuseMerged(KmemCache s, String what) {
    if (s.refcount() > 1) {
      throw new AttributeError(
          Errno.EINVAL, what + " on a merged cache (" + (s.refcount() - 1) + " aliases)");
    }
  }

  /** {@code -EBUSY} while any node has objects; then the flag and {@code calculate_sizes(-1)}. */
  private static void relayout(KmemCache s, int flag, boolean on, boolean dropsCmpxchg) {
    if (SlabCounts.anySlabObjects(s)) {
      throw new AttributeError(
          Errno.EBUSY,
          "the cache has slabs (total_objects " + SlabCounts.totalObjects(s).trim() + ")");
    }
    int old = s.flags();
    set(s, flag, on, dropsCmpxchg);
    try {
      s.recalculateSizes(-1, s.slub().kernelFidelity());
    } catch (IllegalArgumentException e) {
      s.changeFlags(~0, old);
      throw new AttributeError(Errno.EINVAL, e.getMessage());
    }
  }
}
