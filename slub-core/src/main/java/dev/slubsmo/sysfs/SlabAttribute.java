package dev.slubsmo.sysfs;

import dev.slubsmo.mm.Cpu;
import dev.slubsmo.slab.KmemCache;

/**
 * One file of a cache's sysfs directory ({@code struct slab_attribute}): its name, its show routine
 * and, when writable (mode 0600 rather than 0400), its store routine. Both report failure by
 * throwing {@link AttributeError} with the kernel's errno.
 */
record SlabAttribute(String name, Show show, Store store) {
  @FunctionalInterface
  interface Show {
    String show(KmemCache s);
  }

  @FunctionalInterface
  interface Store {
    void store(KmemCache s, String value, Cpu cpu);
  }

  boolean writable() {
    return store != null;
  }

  /** The file mode: 0600 when writable, else 0400. */
  int mode() {
    return writable() ? 0600 : 0400;
  }
}
