package dev.slubsmo.xarray;

import static dev.slubsmo.xarray.XaEntry.isNode;
import static dev.slubsmo.xarray.XaEntry.toNode;

import dev.slubsmo.mm.Cpu;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code struct xarray} and the normal XArray API (lib/xarray.c). The head, flags and lock live
 * here; every node lives in simulated memory as an {@code xarray_node} object ({@link XaNode}).
 *
 * <p>Indices are unsigned 64-bit ({@code -1} is {@code ULONG_MAX}). Entries are NULL (0), value
 * entries ({@link XaEntry#mkValue}) or pointers (addresses with the low two bits clear); a reserved
 * index reads as NULL. Operations that may allocate nodes take the {@link Cpu} they run on; errors
 * are {@link XaException}s carrying the kernel's errno, and a failed operation has changed nothing.
 * Every operation takes {@code xa_lock}: readers use it in place of {@code rcu_read_lock}, because
 * the model's grace period ({@link XArrayCache#rcuBarrier}) does not wait for readers. Lock order:
 * CPU, then {@code xa_lock}, then the slab locks.
 */
public final class XArray {
  /** {@code XA_FLAGS_TRACK_FREE}. */
  public static final int FLAGS_TRACK_FREE = 4;

  /** {@code XA_FLAGS_MARK(0)}: {@code __GFP_BITS_SHIFT} (23 in v5.2) up. */
  private static final int FLAGS_MARK_SHIFT = 23;

  /** {@code XA_FLAGS_ALLOC}: an array that hands out free IDs with {@link #alloc}. */
  public static final int FLAGS_ALLOC = FLAGS_TRACK_FREE | flagMark(XaMark.FREE.ordinal());

  final XArrayCache cache;
  final XaNode nodes;
  final long address;

  /** {@code xa_lock}. */
  final ReentrantLock lock = new ReentrantLock();

  int flags;
  long head;
  private boolean removed;

  XArray(XArrayCache cache, long address, int flags) {
    this.cache = cache;
    this.nodes = cache.nodes();
    this.address = address;
    this.flags = flags;
  }

  /** {@code XA_FLAGS_MARK(mark)}. */
  static int flagMark(int mark) {
    return 1 << (FLAGS_MARK_SHIFT + mark);
  }

  /** The array's address: what its nodes hold in {@code array}. */
  public long address() {
    return address;
  }

  /** {@code xa_flags}. */
  public int flags() {
    lock();
    try {
      return flags;
    } finally {
      lock.unlock();
    }
  }

  /** {@code xa_head}, raw: 0, the entry at index 0, or a node entry. */
  public long head() {
    lock();
    try {
      return head;
    } finally {
      lock.unlock();
    }
  }

  /**
   * {@code xa_lock}, for callers that want several operations to be atomic (the {@code __xa_*}
   * pattern). Enter the CPU first: a thread holding {@code xa_lock} must not wait for a CPU.
   */
  public ReentrantLock xaLock() {
    return lock;
  }

  /** {@code xa_empty}. */
  public boolean empty() {
    return head() == 0;
  }

  /** {@code xa_marked}: whether any entry carries {@code mark}. */
  public boolean marked(XaMark mark) {
    return (flags() & flagMark(mark.ordinal())) != 0;
  }

  boolean trackFree() {
    return (flags & FLAGS_TRACK_FREE) != 0;
  }

  boolean flagMarked(int mark) {
    return (flags & flagMark(mark)) != 0;
  }

  void setFlagMark(int mark) {
    flags |= flagMark(mark);
  }

  void clearFlagMark(int mark) {
    flags &= ~flagMark(mark);
  }

  /** {@code xa_load}: the entry at {@code index}, or 0. */
  public long load(long index) {
    lock();
    try {
      return XaEntry.zeroToNull(new XaState(this, index).load());
    } finally {
      lock.unlock();
    }
  }

  /**
   * {@code xa_store}: stores {@code entry} at {@code index} and returns the previous entry. Storing
   * 0 erases, except in an allocating array, where it reserves the index.
   *
   * @throws XaException EINVAL for an internal entry, ENOMEM when a node cannot be allocated
   */
  public long store(Cpu cpu, long index, long entry) {
    checkEntry(entry, what("xa_store", index));
    if (trackFree() && entry == 0) {
      entry = XaEntry.ZERO;
    }
    cpu.enter();
    lock();
    try {
      XaState st = new XaState(this, index);
      long old = XaStore.store(st, cpu, entry, what("xa_store", index));
      if (trackFree()) {
        st.clearMark(XaMark.FREE.ordinal());
      }
      return XaEntry.zeroToNull(old);
    } finally {
      lock.unlock();
    }
  }

  /**
   * {@code xa_insert}: stores {@code entry} only if nothing (not even a reservation) is at {@code
   * index}; 0 reserves the index.
   *
   * @throws XaException EBUSY when the index is in use, EINVAL, ENOMEM
   */
  public void insert(Cpu cpu, long index, long entry) {
    checkEntry(entry, what("xa_insert", index));
    long e = entry == 0 ? XaEntry.ZERO : entry;
    cpu.enter();
    lock();
    try {
      XaState st = new XaState(this, index);
      if (st.load() != 0) {
        throw new XaException(XaException.EBUSY, what("xa_insert", index));
      }
      XaStore.store(st, cpu, e, what("xa_insert", index));
      if (trackFree()) {
        st.clearMark(XaMark.FREE.ordinal());
      }
    } finally {
      lock.unlock();
    }
  }

  /** {@code xa_erase}: removes the entry at {@code index} and returns it (0 if none). */
  public long erase(long index) {
    lock();
    try {
      return XaEntry.zeroToNull(XaStore.erase(new XaState(this, index)));
    } finally {
      lock.unlock();
    }
  }

  /**
   * {@code xa_cmpxchg}: stores {@code entry} if the entry at {@code index} is {@code old} (pass
   * {@link XaEntry#ZERO} to match a reservation); returns the entry that was there.
   *
   * @throws XaException EINVAL for an internal entry, ENOMEM
   */
  public long cmpxchg(Cpu cpu, long index, long old, long entry) {
    checkEntry(entry, what("xa_cmpxchg", index));
    cpu.enter();
    lock();
    try {
      XaState st = new XaState(this, index);
      long curr = st.load();
      if (curr == old) {
        XaStore.store(st, cpu, entry, what("xa_cmpxchg", index));
        if (trackFree() && entry != 0 && curr == 0) {
          st.clearMark(XaMark.FREE.ordinal());
        }
      }
      return XaEntry.zeroToNull(curr);
    } finally {
      lock.unlock();
    }
  }

  /** {@code xa_reserve}: makes {@code index} busy without storing anything there. */
  public void reserve(Cpu cpu, long index) {
    cmpxchg(cpu, index, 0, XaEntry.ZERO);
  }

  /** {@code xa_release}: drops a reservation; an index that was stored to is left alone. */
  public void release(long index) {
    lock();
    try {
      XaState st = new XaState(this, index);
      if (st.load() == XaEntry.ZERO) {
        XaStore.erase(st);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * {@code xa_alloc}: stores {@code entry} (0 reserves) at the lowest free index within {@code
   * limit} and returns that index.
   *
   * @throws XaException EINVAL unless the array was made with {@link #FLAGS_ALLOC} or for an
   *     internal entry, EBUSY when no index in the limit is free, ENOMEM
   */
  public long alloc(Cpu cpu, long entry, XaLimit limit) {
    checkEntry(entry, "xa_alloc");
    long e = entry == 0 ? XaEntry.ZERO : entry;
    cpu.enter();
    lock();
    try {
      if (!trackFree()) {
        throw new XaException(XaException.EINVAL, "xa_alloc: array has no XA_FLAGS_ALLOC");
      }
      long id = XaFind.findFree(this, limit.min(), limit.max());
      if (id < 0) {
        throw new XaException(
            XaException.EBUSY,
            "xa_alloc: no free index in [" + limit.min() + ", " + limit.max() + "]");
      }
      XaState st = new XaState(this, id);
      XaStore.store(st, cpu, e, what("xa_alloc", id));
      st.clearMark(XaMark.FREE.ordinal());
      return id;
    } finally {
      lock.unlock();
    }
  }

  /** {@code xa_get_mark}: walks down while every level carries {@code mark}. */
  public boolean getMark(long index, XaMark mark) {
    int m = mark.ordinal();
    lock();
    try {
      if (!flagMarked(m)) {
        return false;
      }
      if (!isNode(head)) {
        return index == 0;
      }
      long n = toNode(head);
      if (Long.compareUnsigned(index, XaNode.maxIndex(nodes.shift(n))) > 0) {
        return false;
      }
      while (true) {
        int off = XaNode.offsetOf(index, nodes.shift(n));
        if (!nodes.mark(n, m, off)) {
          return false;
        }
        long e = nodes.slot(n, off);
        if (nodes.shift(n) == 0 || !isNode(e)) {
          return true;
        }
        n = toNode(e);
      }
    } finally {
      lock.unlock();
    }
  }

  /** {@code xa_set_mark}: marks the entry at {@code index}; an absent entry cannot be marked. */
  public void setMark(long index, XaMark mark) {
    checkUserMark(mark, "xa_set_mark");
    lock();
    try {
      XaState st = new XaState(this, index);
      if (st.load() != 0) {
        st.setMark(mark.ordinal());
      }
    } finally {
      lock.unlock();
    }
  }

  /** {@code xa_clear_mark}. */
  public void clearMark(long index, XaMark mark) {
    checkUserMark(mark, "xa_clear_mark");
    lock();
    try {
      XaState st = new XaState(this, index);
      if (st.load() != 0) {
        st.clearMark(mark.ordinal());
      }
    } finally {
      lock.unlock();
    }
  }

  /** {@code xa_find(xa, &start, max, XA_PRESENT)}: the first entry in {@code [start, max]}. */
  public IndexedEntry find(long start, long max) {
    return findLocked(start, max, XaFind.PRESENT);
  }

  /**
   * {@code xa_find} with a mark filter: the first entry in {@code [start, max]} with {@code mark}.
   */
  public IndexedEntry find(long start, long max, XaMark mark) {
    return findLocked(start, max, mark.ordinal());
  }

  /** {@code xa_find_after}: the first entry after {@code index}, up to {@code max}. */
  public IndexedEntry findAfter(long index, long max) {
    return index == -1 ? null : findLocked(index + 1, max, XaFind.PRESENT);
  }

  /** {@code xa_find_after} with a mark filter. */
  public IndexedEntry findAfter(long index, long max, XaMark mark) {
    return index == -1 ? null : findLocked(index + 1, max, mark.ordinal());
  }

  private IndexedEntry findLocked(long start, long max, int mark) {
    lock();
    try {
      return XaFind.find(this, start, max, mark);
    } finally {
      lock.unlock();
    }
  }

  /**
   * {@code xa_for_each}: visits every entry in index order. Each step is its own find, so the
   * visitor may modify the array.
   */
  public void forEach(XaVisitor visitor) {
    for (IndexedEntry e = find(0, -1); e != null; e = findAfter(e.index(), -1)) {
      visitor.visit(e.index(), e.entry());
    }
  }

  /** {@code xa_for_each_marked}. */
  public void forEachMarked(XaMark mark, XaVisitor visitor) {
    for (IndexedEntry e = find(0, -1, mark); e != null; e = findAfter(e.index(), -1, mark)) {
      visitor.visit(e.index(), e.entry());
    }
  }

  /** {@code xa_destroy}: frees every node; the array is empty and usable again. */
  public void destroy() {
    lock();
    try {
      long old = head;
      head = 0;
      new XaState(this, 0).initMarks();
      if (isNode(old)) {
        XaStore.freeNodes(this, toNode(old));
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * The XA_DEBUG consistency check: walks the tree and verifies every node's fields, parent
   * pointers, array pointer, list linkage and marks against its children.
   *
   * @throws IllegalStateException naming the first node and field found wrong
   */
  public XaSummary check() {
    lock();
    try {
      return new XaCheck(this).run();
    } finally {
      lock.unlock();
    }
  }

  /** The addresses of the array's nodes, parents before children, slots in order. */
  public long[] nodes() {
    lock();
    try {
      List<Long> out = new ArrayList<>();
      if (isNode(head)) {
        collect(toNode(head), out);
      }
      return out.stream().mapToLong(Long::longValue).toArray();
    } finally {
      lock.unlock();
    }
  }

  private void collect(long node, List<Long> out) {
    out.add(node);
    if (nodes.shift(node) == 0) {
      return;
    }
    for (int off = 0; off < XaNode.CHUNK_SIZE; off++) {
      long e = nodes.slot(node, off);
      if (isNode(e)) {
        collect(toNode(e), out);
      }
    }
  }

  /** Called by {@link XArrayCache#remove}: every later operation fails. */
  void markRemoved() {
    removed = true;
  }

  private void lock() {
    lock.lock();
    if (removed) {
      lock.unlock();
      throw new IllegalStateException(String.format("xarray 0x%x was removed", address));
    }
  }

  private static void checkEntry(long entry, String what) {
    if (!XaEntry.storable(entry)) {
      throw new XaException(
          XaException.EINVAL, String.format("%s: 0x%x is an internal entry", what, entry));
    }
  }

  private void checkUserMark(XaMark mark, String op) {
    if (mark == XaMark.FREE && (flags() & FLAGS_TRACK_FREE) != 0) {
      throw new IllegalArgumentException(
          op + ": MARK_0 is XA_FREE_MARK in an allocating array and belongs to the array");
    }
  }

  private static String what(String op, long index) {
    return op + "(index " + Long.toUnsignedString(index) + ")";
  }

  @Override
  public String toString() {
    return String.format("xarray@0x%x", address);
  }
}
