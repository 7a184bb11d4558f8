package dev.slubsmo.testmodule.replay;

import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slab;
import dev.slubsmo.slab.Slub;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Slabs pinned only by old objects: slabs whose every live object is older than a threshold, so the
 * slab will not empty by itself soon if old objects tend to stay.
 *
 * <p>Algorithm: every live object of the machine (the trace's, found through the pointer map, and
 * the pre-populated ones, which predate the trace and so are old) marks its slab young or old; a
 * slab with any young object is young. Memory is one entry per slab in use.
 */
final class OldPinning {
  private OldPinning() {}

  /**
   * Per replay cache, the slabs of {@code m} holding only objects allocated more than {@code
   * thresholdNanos} before the end of the trace.
   */
  static long[] count(PolicyMachine m, TraceLedger ledger, long thresholdNanos) {
    Slub slub = m.machine().slub();
    Map<Slab, Boolean> young = new IdentityHashMap<>();
    long end = ledger.durationNanos();
    m.objects()
        .forEach(
            (ptr, addr) -> {
              boolean isYoung = end - ledger.allocatedAt(ptr) <= thresholdNanos;
              young.merge(slub.slabOf(addr), isYoung, Boolean::logicalOr);
            });
    for (int i = 0; i < m.cacheCount(); i++) {
      m.pool(i).forEach(addr -> young.merge(slub.slabOf(addr), false, Boolean::logicalOr));
    }
    Map<KmemCache, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < m.cacheCount(); i++) {
      index.put(m.cache(i), i);
    }
    long[] pinned = new long[m.cacheCount()];
    young.forEach(
        (slab, y) -> {
          if (!y) {
            pinned[index.get(slab.cache())]++;
          }
        });
    return pinned;
  }
}
