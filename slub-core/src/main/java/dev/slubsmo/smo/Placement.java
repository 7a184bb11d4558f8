package dev.slubsmo.smo;

/** Which slabs SMO shrink and defrag vacate. */
public enum Placement {
  /** The patch set: every partial slab at or under the ratio, in list order. */
  KERNEL,
  /**
   * Keep the floor-many fullest slabs and vacate the rest into them, fullest first, then fold the
   * remaining partial slabs so at most one per node stays partial.
   */
  MINIMAL_MOVE
}
