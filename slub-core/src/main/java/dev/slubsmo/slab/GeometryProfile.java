package dev.slubsmo.slab;

/**
 * Which kernel's sizing rules a machine follows (spec slub-model.md 2.7). They differ only in the
 * {@code cpu_partial} defaults, the kmalloc caches' alignment, and RCU caches that declare a
 * free-pointer offset inside the object.
 */
public enum GeometryProfile {
  /** Linux v5.0, the base the SMO series was written on. The default. */
  V5_0,
  /** Linux 6.18, the kernel of the bundled real snapshot. */
  V6
}
