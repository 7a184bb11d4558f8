package dev.slubsmo.xarray;

import static dev.slubsmo.xarray.XaEntry.isNode;
import static dev.slubsmo.xarray.XaEntry.toNode;

/**
 * {@code struct xa_state}: a cursor on one index of one array, with the walk ({@code xas_load}) and
 * the mark operations that start from the cursor's slot. The slot is {@code node}'s slot {@code
 * offset}, or {@code xa_head} when {@code node} is 0. The caller holds {@code xa_lock}.
 *
 * <p>Mark invariant: a slot of an interior node carries mark m exactly when the child below it has
 * m on any slot, and the array's flag for m says whether the head entry (or root node) carries m.
 * Setting walks up until it meets a slot already marked; clearing walks up while a node has no m
 * left.
 */
final class XaState {
  final XArray xa;
  final XaNode nodes;
  final long index;
  long node;
  int offset;

  XaState(XArray xa, long index) {
    this.xa = xa;
    this.nodes = xa.nodes;
    this.index = index;
  }

  /**
   * {@code xas_load}: the entry at the index (raw: a reserved slot reads as {@link XaEntry#ZERO}),
   * leaving the cursor on its slot. Beyond the tree, or below a missing subtree, reads 0.
   */
  long load() {
    node = 0;
    offset = 0;
    long entry = xa.head;
    if (!isNode(entry)) {
      return index == 0 ? entry : 0;
    }
    long n = toNode(entry);
    if (Long.compareUnsigned(index, XaNode.maxIndex(nodes.shift(n))) > 0) {
      return 0;
    }
    while (true) {
      int shift = nodes.shift(n);
      node = n;
      offset = XaNode.offsetOf(index, shift);
      entry = nodes.slot(n, offset);
      if (shift == 0 || !isNode(entry)) {
        return entry;
      }
      n = toNode(entry);
    }
  }

  /** {@code xas_set_mark}. */
  void setMark(int mark) {
    long n = node;
    int off = offset;
    while (n != 0) {
      if (nodes.setMark(n, mark, off)) {
        return;
      }
      off = nodes.offset(n);
      n = nodes.parent(n);
    }
    xa.setFlagMark(mark);
  }

  /** {@code xas_clear_mark}. */
  void clearMark(int mark) {
    long n = node;
    int off = offset;
    while (n != 0) {
      if (!nodes.clearMark(n, mark, off) || nodes.anyMark(n, mark)) {
        return;
      }
      off = nodes.offset(n);
      n = nodes.parent(n);
    }
    xa.clearFlagMark(mark);
  }

  /**
   * {@code xas_init_marks}: the marks of a slot about to hold NULL; every mark cleared, except that
   * an allocating array marks the slot free.
   */
  void initMarks() {
    for (int mark = 0; mark < XaNode.MAX_MARKS; mark++) {
      if (xa.trackFree() && mark == XaMark.FREE.ordinal()) {
        setMark(mark);
      } else {
        clearMark(mark);
      }
    }
  }
}
