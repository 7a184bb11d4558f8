package dev.slubsmo.slab;

/** Which {@code __kmem_cache_shrink} a machine runs (spec smo.md section 4, K11). */
public enum ShrinkMode {
  /** Mainline v5.0: flush, bucket-sort partial lists, discard every empty slab. */
  MAINLINE,
  /** The SMO tree: flush, then defrag every node at ratio 100. The default. */
  SMO
}
