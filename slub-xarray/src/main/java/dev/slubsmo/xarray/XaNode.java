package dev.slubsmo.xarray;

import dev.slubsmo.mm.PhysicalMemory;

/**
 * {@code struct xa_node} (include/linux/xarray.h, 64-bit): the layout of a node in simulated memory
 * and accessors for its fields. All fields live at the node's address; nothing is cached in Java.
 *
 * <pre>
 * off  size  field
 *   0     1  shift      bits remaining in each slot (0 for a leaf)
 *   1     1  offset     slot offset in the parent
 *   2     1  count      non-NULL slots
 *   3     1  nr_values  value-entry slots
 *   8     8  parent     NULL at the top of the tree
 *  16     8  array      the struct xarray the node belongs to; XA_RCU_FREE once freed
 *  24    16  private_list (next, prev) / rcu_head
 *  40   512  slots[64]
 * 552    24  marks[3][1]
 * 576        sizeof(struct xa_node)
 * </pre>
 */
public final class XaNode {
  public static final int SIZE = 576;
  public static final int CHUNK_SHIFT = 6;
  public static final int CHUNK_SIZE = 1 << CHUNK_SHIFT;
  public static final int CHUNK_MASK = CHUNK_SIZE - 1;
  public static final int MAX_MARKS = 3;

  public static final int SHIFT = 0;
  public static final int OFFSET = 1;
  public static final int COUNT = 2;
  public static final int NR_VALUES = 3;
  public static final int PARENT = 8;
  public static final int ARRAY = 16;
  public static final int PRIVATE_LIST = 24;
  public static final int SLOTS = 40;
  public static final int MARKS = SLOTS + 8 * CHUNK_SIZE;

  /** {@code XA_RCU_FREE}: the {@code array} of a node handed to RCU for freeing. */
  public static final long RCU_FREE = 1;

  private final PhysicalMemory mem;

  public XaNode(PhysicalMemory mem) {
    this.mem = mem;
  }

  /** The highest index a tree topped by a node of this shift covers ({@code max_index}). */
  public static long maxIndex(int shift) {
    return ((long) CHUNK_SIZE << shift) - 1;
  }

  /** The slot of {@code index} in a node of this shift. */
  public static int offsetOf(long index, int shift) {
    return (int) ((index >>> shift) & CHUNK_MASK);
  }

  /** The slots of a node of this shift that hold indices: 16 for the shift-60 root, else 64. */
  public static int reachableSlots(int shift) {
    return shift + CHUNK_SHIFT > Long.SIZE ? 1 << (Long.SIZE - shift) : CHUNK_SIZE;
  }

  public int shift(long node) {
    return mem.readByte(node + SHIFT) & 0xff;
  }

  public int offset(long node) {
    return mem.readByte(node + OFFSET) & 0xff;
  }

  public int count(long node) {
    return mem.readByte(node + COUNT) & 0xff;
  }

  public int nrValues(long node) {
    return mem.readByte(node + NR_VALUES) & 0xff;
  }

  public long parent(long node) {
    return mem.readLong(node + PARENT);
  }

  public long array(long node) {
    return mem.readLong(node + ARRAY);
  }

  public long slot(long node, int offset) {
    return mem.readLong(node + SLOTS + 8L * offset);
  }

  /** The mark word {@code marks[mark][0]}: bit i set when slot i carries the mark. */
  public long marks(long node, int mark) {
    return mem.readLong(node + MARKS + 8L * mark);
  }

  /** {@code node_get_mark}. */
  public boolean mark(long node, int mark, int offset) {
    return (marks(node, mark) >>> offset & 1) != 0;
  }

  /** {@code node_any_mark}. */
  public boolean anyMark(long node, int mark) {
    return marks(node, mark) != 0;
  }

  /** {@code private_list.next}. */
  public long listNext(long node) {
    return mem.readLong(node + PRIVATE_LIST);
  }

  /** {@code private_list.prev}. */
  public long listPrev(long node) {
    return mem.readLong(node + PRIVATE_LIST + 8);
  }

  /** {@code list_empty(&node->private_list)}. */
  public boolean listEmpty(long node) {
    return listNext(node) == node + PRIVATE_LIST;
  }

  void setShift(long node, int v) {
    mem.writeByte(node + SHIFT, (byte) v);
  }

  void setOffset(long node, int v) {
    mem.writeByte(node + OFFSET, (byte) v);
  }

  void setCount(long node, int v) {
    mem.writeByte(node + COUNT, (byte) v);
  }

  void setNrValues(long node, int v) {
    mem.writeByte(node + NR_VALUES, (byte) v);
  }

  void setParent(long node, long parent) {
    mem.writeLong(node + PARENT, parent);
  }

  void setArray(long node, long array) {
    mem.writeLong(node + ARRAY, array);
  }

  void setSlot(long node, int offset, long entry) {
    mem.writeLong(node + SLOTS + 8L * offset, entry);
  }

  /** {@code node_set_mark}: returns whether the mark was already set. */
  boolean setMark(long node, int mark, int offset) {
    long w = marks(node, mark);
    mem.writeLong(node + MARKS + 8L * mark, w | 1L << offset);
    return (w >>> offset & 1) != 0;
  }

  /** {@code node_clear_mark}: returns whether the mark was set. */
  boolean clearMark(long node, int mark, int offset) {
    long w = marks(node, mark);
    mem.writeLong(node + MARKS + 8L * mark, w & ~(1L << offset));
    return (w >>> offset & 1) != 0;
  }

  /** {@code node_mark_all}. */
  void markAll(long node, int mark) {
    mem.writeLong(node + MARKS + 8L * mark, -1L);
  }

  /** {@code INIT_LIST_HEAD(&node->private_list)}. */
  void initList(long node) {
    mem.writeLong(node + PRIVATE_LIST, node + PRIVATE_LIST);
    mem.writeLong(node + PRIVATE_LIST + 8, node + PRIVATE_LIST);
  }

  /** {@code list_replace(&old->private_list, &node->private_list)}. */
  void listReplace(long old, long node) {
    long next = listNext(old);
    long prev = listPrev(old);
    long head = node + PRIVATE_LIST;
    mem.writeLong(head, next);
    mem.writeLong(next + 8, head);
    mem.writeLong(head + 8, prev);
    mem.writeLong(prev, head);
  }

  /** The constructor of {@code xarray_node}: zero the node, initialise its private list. */
  void construct(long node) {
    mem.fill(node, SIZE, (byte) 0);
    initList(node);
  }

  /** What {@code xa_node_rcu_free} clears: slots and marks, and the list reinitialised. */
  void scrub(long node) {
    mem.fill(node + SLOTS, SIZE - SLOTS, (byte) 0);
    initList(node);
  }

  /** Copies the whole node ({@code memcpy(new, old, sizeof(struct xa_node))}). */
  void copy(long from, long to) {
    mem.copy(from, to, SIZE);
  }
}
