package dev.slubsmo.slab;

/**
 * The packed order/objects word of {@code struct kmem_cache_order_objects} (mm/slub.c): {@code oo =
 * order << OO_SHIFT | objects}, as stored in {@code s->oo}, {@code s->min} and {@code s->max}, plus
 * the page arithmetic that goes with it ({@code get_order}, {@code fls}).
 */
public final class Oo {
  public static final int PAGE_SHIFT = 12;
  public static final int PAGE_SIZE = 1 << PAGE_SHIFT;
  public static final int OO_SHIFT = 16;
  public static final int OO_MASK = (1 << OO_SHIFT) - 1;

  /** The largest order the page allocator hands out, exclusive ({@code MAX_ORDER}, x86-64). */
  public static final int MAX_ORDER = 11;

  /** A slab page's {@code objects} field is 15 bits wide. */
  public static final int MAX_OBJS_PER_PAGE = 32767;

  private Oo() {}

  /** Packs an order and an object count; mirrors {@code oo_make} without its division. */
  public static int make(int order, int objects) {
    if (order < 0 || order > MAX_ORDER) {
      throw new IllegalArgumentException("Oo.make: order " + order + " outside 0.." + MAX_ORDER);
    }
    if (objects < 0 || objects > OO_MASK) {
      throw new IllegalArgumentException("Oo.make: objects " + objects + " outside 0.." + OO_MASK);
    }
    return order << OO_SHIFT | objects;
  }

  /** The order of a packed word; mirrors {@code oo_order}. */
  public static int order(int oo) {
    return oo >>> OO_SHIFT;
  }

  /** The object count of a packed word; mirrors {@code oo_objects}. */
  public static int objects(int oo) {
    return oo & OO_MASK;
  }

  /** How many {@code size}-byte slots fit a slab of this order; mirrors {@code order_objects}. */
  public static int orderObjects(int order, int size) {
    if (order < 0 || order > MAX_ORDER) {
      throw new IllegalArgumentException(
          "Oo.orderObjects: order " + order + " outside 0.." + MAX_ORDER);
    }
    if (size < 1) {
      throw new IllegalArgumentException("Oo.orderObjects: size " + size + " is not positive");
    }
    return (PAGE_SIZE << order) / size;
  }

  /** The smallest order whose block holds {@code size} bytes; mirrors {@code get_order}. */
  public static int getOrder(long size) {
    if (size < 1) {
      throw new IllegalArgumentException("Oo.getOrder: size " + size + " is not positive");
    }
    return Long.SIZE - Long.numberOfLeadingZeros((size - 1) >>> PAGE_SHIFT);
  }

  /** The 1-based index of the highest set bit, 0 for 0; mirrors {@code fls}. */
  public static int fls(int x) {
    return Integer.SIZE - Integer.numberOfLeadingZeros(x);
  }
}
