package dev.slubsmo.slab;

/**
 * The sizing fields of a {@code struct kmem_cache} as {@code kmem_cache_open} leaves them: slot
 * layout ({@code size}, {@code inuse}, {@code offset}, {@code red_left_pad}), the effective flags
 * (with {@code __OBJECT_POISON} as {@code calculate_sizes} decided it), the packed {@code oo} and
 * {@code min} words (see {@link Oo}) and the {@code min_partial} / {@code cpu_partial} tunables.
 */
public record CacheGeometry(
    int objectSize,
    int size,
    int inuse,
    int offset,
    int align,
    int redLeftPad,
    int flags,
    int oo,
    int min,
    int minPartial,
    int cpuPartial) {

  /** The preferred slab order, {@code oo_order(s->oo)}. */
  public int order() {
    return Oo.order(oo);
  }

  /** Objects in a slab of the preferred order, {@code oo_objects(s->oo)}. */
  public int objects() {
    return Oo.objects(oo);
  }

  /** Bytes in a slab of the preferred order, {@code PAGE_SIZE << order}. */
  public int slabBytes() {
    return Oo.PAGE_SIZE << order();
  }
}
