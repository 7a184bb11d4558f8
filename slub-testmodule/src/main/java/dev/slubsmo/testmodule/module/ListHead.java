package dev.slubsmo.testmodule.module;

import dev.slubsmo.mm.PhysicalMemory;

/**
 * {@code struct list_head} in simulated memory (include/linux/list.h): {@code next} at offset 0,
 * {@code prev} at 8. An empty list's head points to itself.
 */
final class ListHead {
  private ListHead() {}

  static long next(PhysicalMemory m, long entry) {
    return m.readLong(entry);
  }

  static long prev(PhysicalMemory m, long entry) {
    return m.readLong(entry + 8);
  }

  /** {@code INIT_LIST_HEAD}. */
  static void init(PhysicalMemory m, long head) {
    m.writeLong(head, head);
    m.writeLong(head + 8, head);
  }

  /** {@code list_add_tail}. */
  static void addTail(PhysicalMemory m, long entry, long head) {
    long prev = prev(m, head);
    m.writeLong(entry, head);
    m.writeLong(entry + 8, prev);
    m.writeLong(prev, entry);
    m.writeLong(head + 8, entry);
  }

  /** {@code list_del}: unlinks and points the entry at itself. */
  static void del(PhysicalMemory m, long entry) {
    long next = next(m, entry);
    long prev = prev(m, entry);
    m.writeLong(prev, next);
    m.writeLong(next + 8, prev);
    init(m, entry);
  }

  static boolean empty(PhysicalMemory m, long head) {
    return next(m, head) == head;
  }
}
