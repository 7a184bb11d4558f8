package dev.slubsmo.smo;

import dev.slubsmo.slab.KmemCache;

/**
 * {@code kmem_cache_isolate_func}: runs with the slab locked and IRQs off, so it must not sleep or
 * call any slab operation; pins the objects (it may null out entries being freed) and returns
 * private data for migrate.
 */
@FunctionalInterface
public interface IsolateFunc {
  Object isolate(KmemCache s, long[] objects, int count);

  /** What sysfs {@code ops} prints for it, e.g. {@code smo_object_isolate+0x0/0x20}. */
  default String symbol() {
    return "isolate+0x0/0x10";
  }
}
