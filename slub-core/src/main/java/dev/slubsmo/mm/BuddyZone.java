package dev.slubsmo.mm;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * One node's buddy allocator (the kernel's {@code struct zone} with its {@code free_area[]}).
 *
 * <p>Algorithm: a free block of order {@code k} is {@code 2^k} frames whose first frame index is a
 * multiple of {@code 2^k}. Allocation takes the head of the smallest non-empty free list at or
 * above the wanted order and returns the upper halves to lower lists ({@code expand}). Freeing
 * merges with the buddy ({@code index ^ 2^k}) while the buddy is a free block of the same order.
 *
 * <p>Invariants: every free frame belongs to exactly one free block; {@code freeOrder[i]} is the
 * order of the block starting at frame {@code i}, or -1 when frame {@code i} is not a free block
 * head; free lists are doubly linked through {@code next}/{@code prev} (frame indexes relative to
 * the node, -1 ends), newest first.
 */
final class BuddyZone {
  private final int node;
  private final long firstPfn;
  private final int[] next;
  private final int[] prev;
  private final byte[] freeOrder;
  private final int[] head = new int[PageAllocator.MAX_ORDER];
  private final long[] nrFree = new long[PageAllocator.MAX_ORDER];
  private long freePages;

  BuddyZone(int node, long firstPfn, int pages) {
    this.node = node;
    this.firstPfn = firstPfn;
    this.next = new int[pages];
    this.prev = new int[pages];
    this.freeOrder = new byte[pages];
    Arrays.fill(freeOrder, (byte) -1);
    Arrays.fill(head, -1);
    int top = PageAllocator.MAX_ORDER - 1;
    for (int i = pages - (1 << top); i >= 0; i -= 1 << top) {
      addToFreeList(i, top);
    }
    freePages = pages;
  }

  int node() {
    return node;
  }

  /** Allocates {@code 2^order} frames; returns the first pfn or -1 ({@code __rmqueue_smallest}). */
  synchronized long allocate(int order) {
    for (int o = order; o < PageAllocator.MAX_ORDER; o++) {
      int idx = head[o];
      if (idx < 0) {
        continue;
      }
      removeFromFreeList(idx, o);
      expand(idx, order, o);
      freePages -= 1L << order;
      return firstPfn + idx;
    }
    return -1;
  }

  /** Splits a block of order {@code high} down to {@code low}, freeing the upper halves. */
  private void expand(int idx, int low, int high) {
    while (high > low) {
      high--;
      addToFreeList(idx + (1 << high), high);
    }
  }

  /** Returns a block to the free lists, merging with free buddies ({@code __free_one_page}). */
  synchronized void free(long pfn, int order) {
    int idx = (int) (pfn - firstPfn);
    freePages += 1L << order;
    while (order < PageAllocator.MAX_ORDER - 1) {
      int buddy = idx ^ (1 << order);
      if (buddy >= freeOrder.length || freeOrder[buddy] != order) {
        break;
      }
      removeFromFreeList(buddy, order);
      idx &= buddy;
      order++;
    }
    addToFreeList(idx, order);
  }

  private void addToFreeList(int idx, int order) {
    int h = head[order];
    next[idx] = h;
    prev[idx] = -1;
    if (h >= 0) {
      prev[h] = idx;
    }
    head[order] = idx;
    freeOrder[idx] = (byte) order;
    nrFree[order]++;
  }

  private void removeFromFreeList(int idx, int order) {
    int p = prev[idx];
    int n = next[idx];
    if (p >= 0) {
      next[p] = n;
    } else {
      head[order] = n;
    }
    if (n >= 0) {
      prev[n] = p;
    }
    freeOrder[idx] = -1;
    nrFree[order]--;
  }

  /** Calls {@code action} with the node-relative index of every frame not in a free block. */
  synchronized void forEachAllocatedFrame(IntConsumer action) {
    for (int i = 0; i < freeOrder.length; ) {
      int order = freeOrder[i];
      if (order >= 0) {
        i += 1 << order;
      } else {
        action.accept(i++);
      }
    }
  }

  synchronized long[] nrFreeByOrder() {
    return nrFree.clone();
  }

  synchronized long freePages() {
    return freePages;
  }
}
