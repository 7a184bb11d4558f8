package dev.slubsmo.slab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kernel's {@code SLAB_*} cache flags (include/linux/slab.h, v5.0 values) and SLUB internals.
 */
public final class SlabFlags {
  public static final int CONSISTENCY_CHECKS = 0x00000100;
  public static final int RED_ZONE = 0x00000400;
  public static final int POISON = 0x00000800;
  public static final int HWCACHE_ALIGN = 0x00002000;
  public static final int CACHE_DMA = 0x00004000;
  public static final int CACHE_DMA32 = 0x00008000;
  public static final int STORE_USER = 0x00010000;
  public static final int PANIC = 0x00040000;
  public static final int TYPESAFE_BY_RCU = 0x00080000;
  public static final int MEM_SPREAD = 0x00100000;
  public static final int TRACE = 0x00200000;
  public static final int NOLEAKTRACE = 0x00800000;
  public static final int FAILSLAB = 0x02000000;
  public static final int ACCOUNT = 0x04000000;
  public static final int RECLAIM_ACCOUNT = 0x00020000;

  /** SLUB internal: poison the object itself (mm/slub.c {@code __OBJECT_POISON}). */
  public static final int OBJECT_POISON = 0x80000000;

  /** SLUB internal: freelist and counters are updated with a double-word compare-exchange. */
  public static final int CMPXCHG_DOUBLE = 0x40000000;

  /** {@code SLAB_DEBUG_FLAGS}: any of these makes {@code kmem_cache_debug(s)} true. */
  public static final int DEBUG_FLAGS = RED_ZONE | POISON | STORE_USER | TRACE | CONSISTENCY_CHECKS;

  /** {@code SLAB_NEVER_MERGE} (mm/slab_common.c). */
  public static final int NEVER_MERGE =
      RED_ZONE | POISON | STORE_USER | TRACE | TYPESAFE_BY_RCU | NOLEAKTRACE | FAILSLAB;

  /** {@code SLAB_MERGE_SAME}: flags that must be equal for two caches to merge. */
  public static final int MERGE_SAME = RECLAIM_ACCOUNT | CACHE_DMA | CACHE_DMA32 | ACCOUNT;

  private static final Map<String, Integer> BY_ATTRIBUTE = new LinkedHashMap<>();

  static {
    BY_ATTRIBUTE.put("sanity_checks", CONSISTENCY_CHECKS);
    BY_ATTRIBUTE.put("red_zone", RED_ZONE);
    BY_ATTRIBUTE.put("poison", POISON);
    BY_ATTRIBUTE.put("hwcache_align", HWCACHE_ALIGN);
    BY_ATTRIBUTE.put("cache_dma", CACHE_DMA);
    BY_ATTRIBUTE.put("store_user", STORE_USER);
    BY_ATTRIBUTE.put("destroy_by_rcu", TYPESAFE_BY_RCU);
    BY_ATTRIBUTE.put("trace", TRACE);
    BY_ATTRIBUTE.put("reclaim_account", RECLAIM_ACCOUNT);
    BY_ATTRIBUTE.put("failslab", FAILSLAB);
  }

  private SlabFlags() {}

  /** The flag named like its sysfs attribute ({@code red_zone}, {@code poison}, ...), or 0. */
  public static int byAttributeName(String name) {
    return BY_ATTRIBUTE.getOrDefault(name, 0);
  }

  /** Attribute names of the flags above, in a stable order. */
  public static Iterable<String> attributeNames() {
    return BY_ATTRIBUTE.keySet();
  }

  public static boolean has(int flags, int flag) {
    return (flags & flag) != 0;
  }
}
