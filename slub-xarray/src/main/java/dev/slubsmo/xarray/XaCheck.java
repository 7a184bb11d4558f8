package dev.slubsmo.xarray;

import static dev.slubsmo.xarray.XaEntry.isNode;
import static dev.slubsmo.xarray.XaEntry.toNode;

import dev.slubsmo.mm.MemoryFault;
import dev.slubsmo.mm.PhysicalMemory;
import dev.slubsmo.slab.KmemCache;
import dev.slubsmo.slab.Slab;

/**
 * The XA_DEBUG checks of one array ({@code xa_dump} and the {@code XA_NODE_BUG_ON}s, gathered):
 * every node is a live {@code xarray_node} object naming this array, with the shift its depth
 * implies, the parent and offset it is reached through, counts matching its slots, an intact {@code
 * private_list}, and marks agreeing with its children; the root could not be shrunk; the head's
 * mark flags agree with the root. The caller holds {@code xa_lock}.
 */
final class XaCheck {
  private final XArray xa;
  private final XaNode nodes;
  private final PhysicalMemory mem;
  private final KmemCache cache;
  private long nodeCount;
  private long entries;

  XaCheck(XArray xa) {
    this.xa = xa;
    this.nodes = xa.nodes;
    this.cache = xa.cache.cache();
    this.mem = cache.memory();
  }

  XaSummary run() {
    long head = xa.head;
    if (!isNode(head)) {
      checkHeadFlags(head);
      return new XaSummary(0, head != 0 ? 1 : 0, 0);
    }
    long root = toNode(head);
    int shift = nodes.shift(root);
    if (shift % XaNode.CHUNK_SHIFT != 0 || shift >= Long.SIZE) {
      throw fail(root, 0, shift, "shift", shift, "a multiple of 6 below 64");
    }
    checkNode(root, 0, 0, shift, 0);
    checkShrunk(root, shift);
    for (int mark = 0; mark < XaNode.MAX_MARKS; mark++) {
      if (xa.flagMarked(mark) != nodes.anyMark(root, mark)) {
        throw new IllegalStateException(
            String.format(
                "%s: xa_flags mark %d is %b but the root node 0x%x has it on %s",
                xa,
                mark,
                xa.flagMarked(mark),
                root,
                nodes.anyMark(root, mark) ? "a slot" : "none"));
      }
    }
    return new XaSummary(nodeCount, entries, shift / XaNode.CHUNK_SHIFT + 1);
  }

  /** Without nodes, a mark flag describes the head entry; in an allocating array FREE = empty. */
  private void checkHeadFlags(long head) {
    for (int mark = 0; mark < XaNode.MAX_MARKS; mark++) {
      boolean free = xa.trackFree() && mark == XaMark.FREE.ordinal();
      boolean want = free ? head == 0 : xa.flagMarked(mark) && head != 0;
      if (xa.flagMarked(mark) != want) {
        throw new IllegalStateException(
            String.format(
                "%s: xa_flags mark %d is %b with head 0x%x", xa, mark, xa.flagMarked(mark), head));
      }
    }
  }

  private void checkNode(long node, long parent, int offset, int shift, long base) {
    nodeCount++;
    Slab slab = cache.slub().slabOf(node);
    if (slab == null
        || slab.cache() != cache
        || cache.object(slab, cache.indexOf(slab, node)) != node) {
      throw fail(node, base, shift, "address", hex(node), "an object of " + XArrayCache.NAME);
    }
    expect(node, base, shift, "array", nodes.array(node), xa.address);
    expect(node, base, shift, "shift", nodes.shift(node), shift);
    expect(node, base, shift, "parent", nodes.parent(node), parent);
    if (parent != 0) {
      expect(node, base, shift, "offset", nodes.offset(node), offset);
    }
    checkList(node, base, shift);
    int count = 0;
    int values = 0;
    for (int off = 0; off < XaNode.CHUNK_SIZE; off++) {
      long e = nodes.slot(node, off);
      String slot = "slots[" + off + "]";
      if (e != 0) {
        count++;
        values += XaEntry.isValue(e) ? 1 : 0;
        if (off >= XaNode.reachableSlots(shift)) {
          throw fail(node, base, shift, slot, hex(e), "NULL (beyond ULONG_MAX)");
        }
        if (shift > 0 && !isNode(e)) {
          throw fail(node, base, shift, slot, hex(e), "NULL or a node entry");
        }
        if (shift == 0 && XaEntry.isInternal(e) && !XaEntry.isZero(e)) {
          throw fail(node, base, shift, slot, hex(e), "a value, pointer or reserved entry");
        }
        if (shift > 0) {
          checkNode(toNode(e), node, off, shift - XaNode.CHUNK_SHIFT, base + ((long) off << shift));
        } else {
          entries++;
        }
      }
      checkMarks(node, base, shift, off, e);
    }
    expect(node, base, shift, "count", nodes.count(node), count);
    if (count == 0) {
      throw fail(node, base, shift, "count", 0, "at least 1 (an empty node is freed)");
    }
    expect(node, base, shift, "nr_values", nodes.nrValues(node), values);
  }

  /** A slot's marks: NULL carries none (but FREE); a leaf entry any but FREE; a child its "any". */
  private void checkMarks(long node, long base, int shift, int off, long e) {
    for (int mark = 0; mark < XaNode.MAX_MARKS; mark++) {
      boolean got = nodes.mark(node, mark, off);
      boolean free = xa.trackFree() && mark == XaMark.FREE.ordinal();
      boolean want;
      if (e == 0) {
        want = free;
      } else if (shift == 0) {
        want = !free && got;
      } else {
        want = nodes.anyMark(toNode(e), mark);
      }
      if (got != want) {
        throw fail(node, base, shift, "marks[" + mark + "] bit " + off, got, want);
      }
    }
  }

  private void checkList(long node, long base, int shift) {
    long head = node + XaNode.PRIVATE_LIST;
    long next = nodes.listNext(node);
    long prev = nodes.listPrev(node);
    if (next == head && prev == head) {
      return;
    }
    if (word(next + 8) != head) {
      throw fail(
          node, base, shift, "private_list.next", hex(next), "an entry whose prev is the node");
    }
    if (word(prev) != head) {
      throw fail(
          node, base, shift, "private_list.prev", hex(prev), "an entry whose next is the node");
    }
  }

  /** The word at {@code addr}, or 0 when nothing is mapped there (a wild list pointer). */
  private long word(long addr) {
    try {
      return mem.readLong(addr);
    } catch (MemoryFault e) {
      return 0;
    }
  }

  /** {@code xas_shrink} must have run: the root does not hold only a slot 0 fit for the head. */
  private void checkShrunk(long root, int shift) {
    long e = nodes.slot(root, 0);
    boolean liftable = isNode(e) || (shift == 0 && e != 0 && !XaEntry.isZero(e));
    if (nodes.count(root) == 1 && liftable) {
      throw fail(root, 0, shift, "count", 1, "more than slot 0 in use (xas_shrink did not run)");
    }
  }

  private void expect(long node, long base, int shift, String field, long got, long want) {
    if (got != want) {
      throw fail(node, base, shift, field, hex(got), hex(want));
    }
  }

  private IllegalStateException fail(
      long node, long base, int shift, String field, Object got, Object want) {
    return new IllegalStateException(
        String.format(
            "%s: xa_node 0x%x (indices from %s, shift %d): %s is %s, expected %s",
            xa, node, Long.toUnsignedString(base), shift, field, got, want));
  }

  private static String hex(long v) {
    return String.format("0x%x", v);
  }
}
