package dev.slubsmo.testmodule.replay;

import java.util.List;

/**
 * A cache of the replay, the same on every policy's machine: how the model creates it and which
 * rows of the real kernel's sysfs snapshots stand for it.
 *
 * @param index position in the replay's cache list, the same on every machine
 * @param name the name the trace uses and the model cache carries
 * @param source where its geometry came from
 * @param objectSize {@code object_size}
 * @param align the alignment passed to {@code kmem_cache_create}; 0 for the boot-time kmalloc
 *     caches
 * @param flags {@code SLAB_*} flags passed to {@code kmem_cache_create}
 * @param ctor the constructor's symbol, or null for none (only its presence changes the geometry)
 * @param usersize {@code usersize}
 * @param freeptr the declared {@code freeptr_offset}, or -1 for none
 * @param objsPerSlab the model's objects per slab
 * @param order the model's slab order
 * @param kernelNames the sysfs names whose counters add up to this cache in the real kernel (the
 *     model's {@code kmalloc-N} also serves what 6.18 puts in {@code kmalloc-cg-N})
 * @param start the objects it starts with, from the before-snapshot, and how they lie in slabs
 */
public record CacheSpec(
    int index,
    String name,
    Source source,
    int objectSize,
    int align,
    int flags,
    String ctor,
    int usersize,
    int freeptr,
    int objsPerSlab,
    int order,
    List<String> kernelNames,
    StartLayout start) {

  /** Where a cache's geometry came from. */
  public enum Source {
    /** A row of the geometry file, by name. */
    GEOMETRY,
    /** One of the model's kmalloc caches, created at boot. */
    KMALLOC,
    /** Not in the geometry file: sized from the trace's {@code bytes_alloc}, no flags. */
    GUESSED
  }
}
