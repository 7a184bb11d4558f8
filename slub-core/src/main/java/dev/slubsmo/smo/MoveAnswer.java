package dev.slubsmo.smo;

/** A per-object migrate answer (the illumos consolidator's {@code kmem_cbrc_t}, spec smo.md 16). */
public enum MoveAnswer {
  /** Moved: the callback allocated, copied, fixed references and freed the old object. */
  MOVED,
  /** Busy: try later; three of these on one slab count as {@link #NEVER}. */
  LATER,
  /** Never movable: the slab is marked immovable and skipped until it changes. */
  NEVER,
  /** Not needed any more: the allocator frees the object instead of moving it. */
  DONT_NEED
}
