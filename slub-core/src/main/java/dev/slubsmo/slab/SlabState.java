package dev.slubsmo.slab;

/**
 * The packed state word of a slab: the kernel's {@code page->freelist} and {@code page->counters},
 * which {@code cmpxchg_double_slab} changes together in one step.
 *
 * <pre>
 * bits  0..15  freelist head: object index + 1, 0 when the page freelist is empty
 * bits 16..31  inuse   (16 bits, as page->inuse)
 * bits 32..46  objects (15 bits, as page->objects)
 * bit  47      frozen
 * bits 48..63  sequence: incremented by every update, so a compare-exchange cannot succeed on a
 *              word that changed and changed back (ABA)
 * </pre>
 *
 * The rest of the freelist lives in simulated memory: each free object's free pointer holds the
 * address of the next free object, or 0.
 */
public final class SlabState {
  private static final long FREE_MASK = 0xffffL;
  private static final int INUSE_SHIFT = 16;
  private static final long INUSE_MASK = 0xffffL;
  private static final int OBJECTS_SHIFT = 32;
  private static final long OBJECTS_MASK = 0x7fffL;
  private static final long FROZEN_BIT = 1L << 47;
  private static final int SEQ_SHIFT = 48;
  private static final long SEQ_UNIT = 1L << SEQ_SHIFT;

  private SlabState() {}

  public static long pack(int freeIndex, int inuse, int objects, boolean frozen) {
    return (freeIndex + 1L)
        | ((long) inuse << INUSE_SHIFT)
        | ((long) objects << OBJECTS_SHIFT)
        | (frozen ? FROZEN_BIT : 0);
  }

  /** Index of the first free object, or -1 when the page freelist is empty. */
  public static int freeIndex(long state) {
    return (int) (state & FREE_MASK) - 1;
  }

  public static int inuse(long state) {
    return (int) ((state >>> INUSE_SHIFT) & INUSE_MASK);
  }

  public static int objects(long state) {
    return (int) ((state >>> OBJECTS_SHIFT) & OBJECTS_MASK);
  }

  public static boolean frozen(long state) {
    return (state & FROZEN_BIT) != 0;
  }

  /** {@code state} with the given fields and the next sequence number. */
  public static long next(long state, int freeIndex, int inuse, boolean frozen) {
    return ((state & ~(SEQ_UNIT - 1)) + SEQ_UNIT)
        | (freeIndex + 1L)
        | ((long) inuse << INUSE_SHIFT)
        | (((long) objects(state)) << OBJECTS_SHIFT)
        | (frozen ? FROZEN_BIT : 0);
  }

  /** {@code state} with another object count and the next sequence number. */
  public static long withObjects(long state, int objects) {
    return ((state & ~(OBJECTS_MASK << OBJECTS_SHIFT)) | ((long) objects << OBJECTS_SHIFT))
        + SEQ_UNIT;
  }
}
