package dev.slubsmo.testmodule.slabinfo;

/**
 * What {@code slabinfo} knows of one cache directory ({@code struct slabinfo}). Fields keep the C
 * widths: {@code int} for C {@code int} and {@code unsigned int} (widened with {@link
 * LibcNumbers#u32} where C widens them), {@code long} holding the bits of C {@code unsigned long}.
 */
final class SlabCacheInfo {
  static final int MAX_NODES = 1024;
  static final int PAGE_SIZE = 4096;

  /** The directory name, later replaced by an alias name or {@code *} by {@code rename_slabs}. */
  String name;

  int refs;
  int aliases;
  int align;
  int cacheDma;
  int cpuSlabs;
  int destroyByRcu;
  int hwcacheAlign;
  int objectSize;
  int objsPerSlab;
  int sanityChecks;
  int slabSize;
  int storeUser;
  int trace;
  int order;
  int poison;
  int reclaimAccount;
  int redZone;
  long partial;
  long objects;
  long slabs;
  long objectsPartial;
  long allocFastpath;
  long allocSlowpath;
  long freeFastpath;
  long freeSlowpath;
  long freeFrozen;
  long freeAddPartial;
  long freeRemovePartial;
  long allocFromPartial;
  long allocSlab;
  long freeSlab;
  long allocRefill;
  long cpuslabFlush;
  long deactivateFull;
  long deactivateEmpty;
  long deactivateToHead;
  long deactivateToTail;
  long deactivateRemoteFrees;
  long orderFallback;
  long cmpxchgDoubleCpuFail;
  long cmpxchgDoubleFail;
  long allocNodeMismatch;
  long deactivateBypass;
  long cpuPartialAlloc;
  long cpuPartialFree;
  final int[] numa = new int[MAX_NODES];
  final int[] numaPartial = new int[MAX_NODES];

  /** SMO: the cache has a constructor ({@code ctor :} in {@code ops}). */
  boolean ctor;

  /** SMO: the cache has a migrate callback ({@code migrate :} in {@code ops}). */
  boolean movable;

  int remoteNodeDefragRatio;
  int defragUsedRatio;

  SlabCacheInfo(String name) {
    this.name = name;
  }

  /** True for the placeholder {@code rename_slabs} leaves for a cache nobody asked about. */
  boolean hidden() {
    return name.equals("*");
  }

  /** {@code page_size << s->order}, a C {@code int}. */
  int bytesPerSlab() {
    return PAGE_SIZE << order;
  }

  /** Mirrors {@code slab_size()}: memory held by the cache's slabs. */
  long totalSize() {
    return slabs * bytesPerSlab();
  }

  /** Mirrors {@code slab_activity()}: fast and slow path allocations and frees. */
  long activity() {
    return allocFastpath + freeFastpath + allocSlowpath + freeSlowpath;
  }

  /** Bytes the objects themselves use: {@code s->objects * s->object_size}. */
  long usedBytes() {
    return objects * LibcNumbers.u32(objectSize);
  }

  /** Mirrors {@code slab_waste()}: slab memory not taken by objects. */
  long waste() {
    return totalSize() - usedBytes();
  }
}
