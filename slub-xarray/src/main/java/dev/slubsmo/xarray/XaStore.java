package dev.slubsmo.xarray;

import static dev.slubsmo.xarray.XaEntry.isNode;
import static dev.slubsmo.xarray.XaEntry.isValue;
import static dev.slubsmo.xarray.XaEntry.mkNode;
import static dev.slubsmo.xarray.XaEntry.toNode;
import static dev.slubsmo.xarray.XaNode.CHUNK_SHIFT;

import dev.slubsmo.mm.Cpu;

/**
 * Storing into the tree (lib/xarray.c {@code xas_store} and what it calls): growing the tree
 * upwards ({@code xas_expand}), creating the path down to the slot ({@code xas_create}), freeing
 * nodes that became empty ({@code xas_delete_node}) and lowering the tree ({@code xas_shrink}).
 *
 * <p>Shape invariants after every store: no node is empty; the root is never a node whose only
 * entry sits in slot 0 and could take its place in the head; a single entry at index 0 lives in the
 * head, not in a node. So the shape is a function of the set of present indices. The caller holds
 * {@code xa_lock}; freed nodes go to RCU ({@link XArrayCache#nodeFree}).
 */
final class XaStore {
  private XaStore() {}

  /** The shift of the smallest root covering {@code index}. */
  static int shiftFor(long index) {
    int shift = 0;
    while (shift + CHUNK_SHIFT < Long.SIZE && (index >>> (shift + CHUNK_SHIFT)) != 0) {
      shift += CHUNK_SHIFT;
    }
    return shift;
  }

  /**
   * Whether a store at {@code index} goes into {@code xa_head} itself: index 0 of an array without
   * nodes, unless the head is empty and the entry may not live there (a reserved entry).
   */
  private static boolean intoHead(XArray xa, long index, boolean allowRoot) {
    return index == 0 && !isNode(xa.head) && (allowRoot || xa.head != 0);
  }

  /**
   * {@code xas_store}: returns the previous entry, raw. A non-NULL entry allocates its nodes on
   * {@code cpu} first; ENOMEM is reported as {@code what}.
   */
  static long store(XaState st, Cpu cpu, long entry, String what) {
    if (entry == 0) {
      return erase(st);
    }
    boolean allowRoot = !XaEntry.isZero(entry);
    XaNodePool pool =
        XaNodePool.allocate(st.xa.cache, cpu, nodesNeeded(st.xa, st.index, allowRoot), what);
    create(st, allowRoot, pool);
    pool.checkUsed();
    return assign(st, entry);
  }

  /** {@code xas_store(xas, NULL)}: returns the entry removed, raw; an absent one is 0. */
  static long erase(XaState st) {
    return st.load() == 0 ? 0 : assign(st, 0);
  }

  /**
   * The nodes a store at {@code index} allocates: the new root levels {@code xas_expand} adds, plus
   * the nodes missing on the path from the root down to the leaf.
   */
  static int nodesNeeded(XArray xa, long index, boolean allowRoot) {
    if (intoHead(xa, index, allowRoot)) {
      return 0;
    }
    long head = xa.head;
    int want = shiftFor(index);
    if (head == 0) {
      return want / CHUNK_SHIFT + 1;
    }
    int rootShift = isNode(head) ? xa.nodes.shift(toNode(head)) : -CHUNK_SHIFT;
    int top = Math.max(rootShift, want);
    int needed = (top - rootShift) / CHUNK_SHIFT;
    for (int s = top; s > rootShift; s -= CHUNK_SHIFT) {
      if (s == 0) {
        return needed;
      }
      if (XaNode.offsetOf(index, s) != 0) {
        return needed + s / CHUNK_SHIFT;
      }
    }
    long n = toNode(head);
    while (true) {
      int s = xa.nodes.shift(n);
      if (s == 0) {
        return needed;
      }
      long e = xa.nodes.slot(n, XaNode.offsetOf(index, s));
      if (e == 0) {
        return needed + s / CHUNK_SHIFT;
      }
      n = toNode(e);
    }
  }

  /**
   * {@code xas_create}: makes the slot for the cursor's index exist and leaves the cursor on it.
   */
  private static void create(XaState st, boolean allowRoot, XaNodePool pool) {
    XArray xa = st.xa;
    XaNode nodes = st.nodes;
    st.node = 0;
    st.offset = 0;
    if (intoHead(xa, st.index, allowRoot)) {
      return;
    }
    if (xa.head == 0) {
      xa.head = mkNode(newNode(xa, pool, shiftFor(st.index), 0, 0));
    } else {
      expand(xa, st.index, pool);
    }
    long n = toNode(xa.head);
    while (true) {
      int shift = nodes.shift(n);
      int off = XaNode.offsetOf(st.index, shift);
      if (shift == 0) {
        st.node = n;
        st.offset = off;
        return;
      }
      long e = nodes.slot(n, off);
      if (e == 0) {
        e = mkNode(newNode(xa, pool, shift - CHUNK_SHIFT, n, off));
        nodes.setSlot(n, off, e);
      }
      n = toNode(e);
    }
  }

  /**
   * {@code xas_expand}: adds root levels until the tree covers {@code index}; each new root holds
   * the old head in slot 0 and inherits the head's marks for it.
   */
  private static void expand(XArray xa, long index, XaNodePool pool) {
    XaNode nodes = xa.nodes;
    long head = xa.head;
    int shift = isNode(head) ? nodes.shift(toNode(head)) + CHUNK_SHIFT : 0;
    while (!isNode(head) || Long.compareUnsigned(index, maxIndex(xa, head)) > 0) {
      long node = pool.take();
      initNode(xa, node, shift, 0);
      nodes.setCount(node, 1);
      nodes.setNrValues(node, isValue(head) ? 1 : 0);
      nodes.setSlot(node, 0, head);
      for (int mark = 0; mark < XaNode.MAX_MARKS; mark++) {
        if (xa.trackFree() && mark == XaMark.FREE.ordinal()) {
          nodes.markAll(node, mark);
          if (!xa.flagMarked(mark)) {
            nodes.clearMark(node, mark, 0);
            xa.setFlagMark(mark);
          }
        } else if (xa.flagMarked(mark)) {
          nodes.setMark(node, mark, 0);
        }
      }
      if (isNode(head)) {
        nodes.setOffset(toNode(head), 0);
        nodes.setParent(toNode(head), node);
      }
      head = mkNode(node);
      xa.head = head;
      shift += CHUNK_SHIFT;
    }
  }

  private static long maxIndex(XArray xa, long head) {
    return XaNode.maxIndex(xa.nodes.shift(toNode(head)));
  }

  /** {@code xas_alloc} in {@code xas_create}: a new empty node under {@code parent}. */
  private static long newNode(XArray xa, XaNodePool pool, int shift, long parent, int offset) {
    long node = pool.take();
    if (parent != 0) {
      xa.nodes.setOffset(node, offset);
      xa.nodes.setCount(parent, xa.nodes.count(parent) + 1);
    }
    initNode(xa, node, shift, parent);
    if (xa.trackFree()) {
      xa.nodes.markAll(node, XaMark.FREE.ordinal());
    }
    return node;
  }

  /** The part of {@code xas_alloc} every new node gets. */
  private static void initNode(XArray xa, long node, int shift, long parent) {
    if (!xa.nodes.listEmpty(node)) {
      throw new IllegalStateException(
          String.format("xas_alloc: node 0x%x has a non-empty private_list", node));
    }
    xa.nodes.setShift(node, shift);
    xa.nodes.setCount(node, 0);
    xa.nodes.setNrValues(node, 0);
    xa.nodes.setParent(node, parent);
    xa.nodes.setArray(node, xa.address);
  }

  /**
   * The slot assignment of {@code xas_store}: a NULL store first resets the slot's marks, then the
   * node's counts follow ({@code update_node}) and an emptied node is deleted.
   */
  private static long assign(XaState st, long entry) {
    if (entry == 0) {
      st.initMarks();
    }
    if (st.node == 0) {
      long old = st.xa.head;
      st.xa.head = entry;
      return old;
    }
    XaNode nodes = st.nodes;
    long old = nodes.slot(st.node, st.offset);
    nodes.setSlot(st.node, st.offset, entry);
    int count = (entry != 0 ? 1 : 0) - (old != 0 ? 1 : 0);
    int values = (isValue(entry) ? 1 : 0) - (isValue(old) ? 1 : 0);
    if (count != 0 || values != 0) {
      nodes.setCount(st.node, nodes.count(st.node) + count);
      nodes.setNrValues(st.node, nodes.nrValues(st.node) + values);
      if (count < 0) {
        deleteNode(st.xa, st.node);
      }
    }
    return old;
  }

  /** {@code xas_delete_node}: frees empty nodes upwards, then shrinks if it reached the root. */
  private static void deleteNode(XArray xa, long node) {
    XaNode nodes = xa.nodes;
    while (nodes.count(node) == 0) {
      long parent = nodes.parent(node);
      int offset = nodes.offset(node);
      xa.cache.nodeFree(node);
      if (parent == 0) {
        xa.head = 0;
        return;
      }
      nodes.setSlot(parent, offset, 0);
      nodes.setCount(parent, nodes.count(parent) - 1);
      node = parent;
    }
    if (nodes.parent(node) == 0) {
      shrink(xa, node);
    }
  }

  /**
   * {@code xas_shrink}: while the root's only entry is in slot 0 and may live one level up, that
   * entry becomes the head and the root is freed.
   */
  private static void shrink(XArray xa, long node) {
    XaNode nodes = xa.nodes;
    while (nodes.count(node) == 1) {
      long entry = nodes.slot(node, 0);
      if (entry == 0 || (!isNode(entry) && nodes.shift(node) != 0)) {
        return;
      }
      xa.head = entry;
      if (xa.trackFree() && !nodes.mark(node, XaMark.FREE.ordinal(), 0)) {
        xa.clearFlagMark(XaMark.FREE.ordinal());
      }
      nodes.setCount(node, 0);
      nodes.setNrValues(node, 0);
      if (!isNode(entry)) {
        nodes.setSlot(node, 0, XaEntry.RETRY);
      }
      xa.cache.nodeFree(node);
      if (!isNode(entry)) {
        return;
      }
      node = toNode(entry);
      nodes.setParent(node, 0);
    }
  }

  /** {@code xas_free_nodes}: frees a detached subtree, children before parents. */
  static void freeNodes(XArray xa, long node) {
    XaNode nodes = xa.nodes;
    for (int off = 0; off < XaNode.CHUNK_SIZE; off++) {
      long e = nodes.slot(node, off);
      if (nodes.shift(node) != 0 && isNode(e)) {
        freeNodes(xa, toNode(e));
      } else if (e != 0) {
        nodes.setSlot(node, off, XaEntry.RETRY);
      }
    }
    nodes.setCount(node, 0);
    nodes.setNrValues(node, 0);
    xa.cache.nodeFree(node);
  }
}
