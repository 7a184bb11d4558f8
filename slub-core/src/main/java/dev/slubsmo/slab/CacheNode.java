package dev.slubsmo.slab;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-node state of a cache ({@code struct kmem_cache_node}): the partial list, the full list (kept
 * only with {@code SLAB_STORE_USER}), and the slab counters.
 */
public final class CacheNode {
  final int node;
  final ReentrantLock listLock = new ReentrantLock();
  final SlabList partial = new SlabList("partial");
  final SlabList full = new SlabList("full");
  int nrPartial;
  final AtomicLong nrSlabs = new AtomicLong();
  final AtomicLong totalObjects = new AtomicLong();

  CacheNode(int node) {
    this.node = node;
  }

  public int node() {
    return node;
  }

  public ReentrantLock listLock() {
    return listLock;
  }

  public SlabList partial() {
    return partial;
  }

  public SlabList full() {
    return full;
  }

  public int nrPartial() {
    return nrPartial;
  }

  public long nrSlabs() {
    return nrSlabs.get();
  }

  public long totalObjects() {
    return totalObjects.get();
  }

  /** {@code __add_partial}: head or tail of the partial list; list_lock held. */
  void addPartial(Slab s, boolean tail) {
    nrPartial++;
    if (tail) {
      partial.addTail(s);
    } else {
      partial.addHead(s);
    }
  }

  /** {@code remove_partial}; list_lock held. */
  void removePartial(Slab s) {
    partial.remove(s);
    nrPartial--;
  }

  /** {@code add_full}: only caches with {@code SLAB_STORE_USER} keep a full list. */
  void addFull(KmemCache s, Slab slab) {
    if ((s.flags & SlabFlags.STORE_USER) != 0) {
      full.addHead(slab);
    }
  }

  /** {@code remove_full}. */
  void removeFull(KmemCache s, Slab slab) {
    if ((s.flags & SlabFlags.STORE_USER) != 0 && slab.list == full) {
      full.remove(slab);
    }
  }

  /** {@code inc_slabs_node}. */
  void incSlabs(int objects) {
    nrSlabs.incrementAndGet();
    totalObjects.addAndGet(objects);
  }

  /** {@code dec_slabs_node}. */
  void decSlabs(int objects) {
    nrSlabs.decrementAndGet();
    totalObjects.addAndGet(-objects);
  }

  /** SMO: takes a slab off whichever list it is on, adjusting {@code nr_partial}. */
  public void unlinkForMove(Slab s) {
    if (s.list == partial) {
      removePartial(s);
    } else if (s.list == full) {
      full.remove(s);
    }
  }

  /** SMO: puts an unfrozen slab back: tail of partial, or head of full. */
  public void relinkAfterMove(KmemCache cache, Slab s, boolean toFull) {
    if (toFull) {
      addFull(cache, s);
    } else {
      addPartial(s, true);
    }
  }

  /** SMO: the partial-list count, for paths that must adjust it apart from the list (K7). */
  public void adjustNrPartial(int delta) {
    nrPartial += delta;
  }
}
