package dev.slubsmo.xarray;

import static dev.slubsmo.xarray.XaEntry.isNode;
import static dev.slubsmo.xarray.XaEntry.toNode;

/**
 * Searching the tree ({@code xas_find}, {@code xas_find_marked}): a depth-first walk from the
 * lowest candidate index that skips every subtree whose slot lacks the mark searched for. Reserved
 * entries are not found, as {@code xa_find} retries past them. The caller holds {@code xa_lock}.
 */
final class XaFind {
  /** Search for present entries rather than a mark. */
  static final int PRESENT = -1;

  private XaFind() {}

  /** {@code xa_find}: the first entry at an index in {@code [start, max]} (unsigned), or null. */
  static IndexedEntry find(XArray xa, long start, long max, int mark) {
    if (Long.compareUnsigned(start, max) > 0) {
      return null;
    }
    long head = xa.head;
    if (!isNode(head)) {
      boolean found =
          start == 0
              && head != 0
              && !XaEntry.isZero(head)
              && (mark == PRESENT || xa.flagMarked(mark));
      return found ? new IndexedEntry(0, head) : null;
    }
    long root = toNode(head);
    if (Long.compareUnsigned(start, XaNode.maxIndex(xa.nodes.shift(root))) > 0) {
      return null;
    }
    return search(xa.nodes, root, 0, start, max, mark, false);
  }

  /**
   * The first free index in {@code [min, max]} of an allocating array ({@code xas_find_marked} with
   * {@code XA_FREE_MARK} in {@code __xa_alloc}), or -1 when there is none. Indices beyond the tree
   * are free.
   */
  static long findFree(XArray xa, long min, long max) {
    if (Long.compareUnsigned(min, max) > 0) {
      return -1;
    }
    int free = XaMark.FREE.ordinal();
    long head = xa.head;
    if (!isNode(head)) {
      if (min != 0) {
        return min;
      }
      if (xa.flagMarked(free)) {
        return 0;
      }
      return max == 0 ? -1 : 1;
    }
    long top = XaNode.maxIndex(xa.nodes.shift(toNode(head)));
    if (Long.compareUnsigned(min, top) > 0) {
      return min;
    }
    IndexedEntry hole = search(xa.nodes, toNode(head), 0, min, max, free, true);
    if (hole != null) {
      return hole.index();
    }
    return top != -1 && Long.compareUnsigned(top + 1, max) <= 0 ? top + 1 : -1;
  }

  /**
   * Searches the subtree of {@code node}, whose first index is {@code base}, from {@code from}.
   * With {@code holes}, an empty slot carrying the mark is a hit (its first index in range).
   */
  private static IndexedEntry search(
      XaNode nodes, long node, long base, long from, long max, int mark, boolean holes) {
    int shift = nodes.shift(node);
    int limit = XaNode.reachableSlots(shift);
    for (int off = (int) ((from - base) >>> shift); off < limit; off++) {
      long slotBase = base + ((long) off << shift);
      if (Long.compareUnsigned(slotBase, max) > 0) {
        return null;
      }
      if (mark != PRESENT && !nodes.mark(node, mark, off)) {
        continue;
      }
      long lo = Long.compareUnsigned(from, slotBase) > 0 ? from : slotBase;
      long e = nodes.slot(node, off);
      if (holes && e == 0) {
        return new IndexedEntry(lo, e);
      }
      if (shift == 0) {
        if (e != 0 && !XaEntry.isZero(e)) {
          return new IndexedEntry(lo, e);
        }
      } else if (isNode(e)) {
        IndexedEntry hit = search(nodes, toNode(e), slotBase, lo, max, mark, holes);
        if (hit != null) {
          return hit;
        }
      }
    }
    return null;
  }
}
