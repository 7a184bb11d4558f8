package dev.slubsmo.slab;

/**
 * Direct writes to a slab's state word for the debug repairs ({@code on_freelist}, {@code
 * alloc_debug_processing}) and SMO, which run under {@code slab_lock} as the kernel's do.
 */
public final class SlabAccess {
  private SlabAccess() {}

  /** Replaces the state word; the caller holds the slab lock or owns the frozen slab. */
  public static void setState(Slab page, long state) {
    page.setState(state);
  }

  /** {@code page->objects = n}. */
  public static void setObjects(Slab page, int objects) {
    page.setState(SlabState.withObjects(page.state(), objects));
  }
}
