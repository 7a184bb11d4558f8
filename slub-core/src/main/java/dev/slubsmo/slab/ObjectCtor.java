package dev.slubsmo.slab;

import dev.slubsmo.mm.PhysicalMemory;

/** A cache constructor: runs on each object while a new slab is populated ({@code ctor}). */
@FunctionalInterface
public interface ObjectCtor {
  void construct(PhysicalMemory memory, long object);

  /** What sysfs {@code ctor}/{@code ops} print, e.g. {@code smo_object_ctor+0x0/0x30}. */
  default String symbol() {
    return "ctor+0x0/0x10";
  }
}
