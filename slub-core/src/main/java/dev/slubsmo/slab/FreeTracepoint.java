package dev.slubsmo.slab;

import dev.slubsmo.mm.Cpu;

/**
 * A probe on the {@code kmem_cache_free} tracepoint (include/trace/events/kmem.h), which {@code
 * kmem_cache_free} fires after {@code slab_free} returns. The model has one probe slot per
 * allocator; test code uses it to watch frees or to plant a fault right after one.
 */
@FunctionalInterface
public interface FreeTracepoint {
  /** Called on the freeing CPU after {@code object} went back to cache {@code s}. */
  void kmemCacheFree(KmemCache s, Cpu cpu, long object);
}
