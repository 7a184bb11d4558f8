package dev.slubsmo.slab;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A slab: the {@code struct page} of a (compound) page block holding objects of one cache.
 *
 * <p>{@link #state} packs freelist head, inuse, objects and frozen ({@link SlabState}); it changes
 * only through {@link KmemCache#cmpxchgSlab}, atomically with a compare-exchange or under {@link
 * #lock} when the cache has no {@code __CMPXCHG_DOUBLE}. List links belong to whoever holds the
 * node's {@code list_lock}; the CPU chain links to the CPU that froze the slab.
 */
public final class Slab {
  private static final VarHandle STATE;
  private static final VarHandle LOCKED;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      STATE = l.findVarHandle(Slab.class, "state", long.class);
      LOCKED = l.findVarHandle(Slab.class, "locked", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final KmemCache cache;
  final long pfn;
  final long base;
  final int order;
  final int node;

  private volatile long state;
  private volatile int locked;

  /** Node list links and the list they are on (null when on none). */
  Slab prev;

  Slab next;
  SlabList list;

  /** CPU partial chain ({@code page->next}, {@code pages}, {@code pobjects}; head only). */
  Slab chainNext;

  int pages;
  int pobjects;

  /** SMO: the state word at which a migrate answer marked this slab immovable, or 0. */
  private long immovableAt;

  /** SMO: per-object "busy, try later" answers seen on this slab. */
  private int laterAnswers;

  Slab(KmemCache cache, long pfn, long base, int order, int node, int objects) {
    this.cache = cache;
    this.pfn = pfn;
    this.base = base;
    this.order = order;
    this.node = node;
    this.state = SlabState.pack(-1, objects, objects, true);
  }

  public KmemCache cache() {
    return cache;
  }

  public long base() {
    return base;
  }

  public long pfn() {
    return pfn;
  }

  public int order() {
    return order;
  }

  public int node() {
    return node;
  }

  public long state() {
    return state;
  }

  public int inuse() {
    return SlabState.inuse(state);
  }

  public int objects() {
    return SlabState.objects(state);
  }

  public boolean frozen() {
    return SlabState.frozen(state);
  }

  /** The first object on the page freelist, or 0. */
  public long freelist() {
    return cache.objectAddress(this, SlabState.freeIndex(state));
  }

  /** The list this slab is on: partial, full, or null. */
  public SlabList list() {
    return list;
  }

  /** The next slab on the same node list, or null. */
  public Slab listNext() {
    return next;
  }

  public Slab chainNext() {
    return chainNext;
  }

  public int chainPages() {
    return pages;
  }

  public int chainObjects() {
    return pobjects;
  }

  /** SMO: counts a "busy, try later" answer; returns the count so far. */
  public int noteLaterAnswer() {
    return ++laterAnswers;
  }

  /** SMO: marks the slab immovable until its state word next changes. */
  public void markImmovable() {
    immovableAt = state;
    laterAnswers = 0;
  }

  /** SMO: marked immovable and unchanged since. */
  public boolean immovable() {
    return immovableAt != 0 && immovableAt == state;
  }

  boolean casState(long expect, long update) {
    return STATE.compareAndSet(this, expect, update);
  }

  void setState(long update) {
    state = update;
  }

  /** {@code slab_lock}: a bit spin lock on the page. */
  public void lock() {
    while (!LOCKED.compareAndSet(this, 0, 1)) {
      Thread.onSpinWait();
    }
  }

  /** {@code slab_trylock}. */
  public boolean tryLock() {
    return LOCKED.compareAndSet(this, 0, 1);
  }

  public void unlock() {
    locked = 0;
  }

  public boolean isLocked() {
    return locked != 0;
  }

  /** The slab's bytes end here ({@code base + PAGE_SIZE << order}). */
  public long end() {
    return base + ((long) dev.slubsmo.mm.PageAllocator.PAGE_SIZE << order);
  }

  @Override
  public String toString() {
    return String.format(
        "slab 0x%016x (%s, node %d, inuse %d/%d%s)",
        base, cache.name(), node, inuse(), objects(), frozen() ? ", frozen" : "");
  }
}
