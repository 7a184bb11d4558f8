package dev.slubsmo.testmodule.trace;

/**
 * The objects allocated and not yet freed in a trace, by pointer, with their allocation time and
 * cache: memory proportional to the live objects, not to the trace.
 *
 * <p>Algorithm: open addressing with linear probing over parallel primitive arrays, and
 * backward-shift deletion so no tombstones build up. Key 0 marks an empty slot: the null pointer is
 * never live. Invariants: the table is at most half full, so every probe ends at an empty slot; it
 * halves when less than an eighth full (down to its initial size); every live key sits in the run
 * of occupied slots that starts at its home slot.
 */
final class LiveObjectTable {
  private static final int MIN_CAPACITY = 1 << 10;

  /** Receives one live object. */
  interface Visitor {
    void visit(long ptr, long allocatedAt, int cache);
  }

  private long[] keys = new long[MIN_CAPACITY];
  private long[] times = new long[MIN_CAPACITY];
  private int[] caches = new int[MIN_CAPACITY];
  private int size;

  private long removedTime;
  private int removedCache;

  int size() {
    return size;
  }

  /**
   * Makes {@code ptr} live since {@code time} in {@code cache}.
   *
   * @return the cache {@code ptr} was already live in, or -1 if it was not live
   */
  int put(long ptr, long time, int cache) {
    int mask = keys.length - 1;
    int slot = home(ptr, mask);
    while (keys[slot] != 0 && keys[slot] != ptr) {
      slot = (slot + 1) & mask;
    }
    int previous = keys[slot] == ptr ? caches[slot] : -1;
    if (previous < 0) {
      keys[slot] = ptr;
      size++;
    }
    times[slot] = time;
    caches[slot] = cache;
    if (size * 2 > keys.length) {
      resize(keys.length * 2);
    }
    return previous;
  }

  /**
   * Ends the life of {@code ptr}; if it was live, {@link #removedTime()} and {@link
   * #removedCache()} tell when it was allocated and where.
   */
  boolean remove(long ptr) {
    int mask = keys.length - 1;
    int slot = home(ptr, mask);
    while (keys[slot] != ptr) {
      if (keys[slot] == 0) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    removedTime = times[slot];
    removedCache = caches[slot];
    shiftBack(slot, mask);
    size--;
    if (size * 8 < keys.length && keys.length > MIN_CAPACITY) {
      resize(keys.length / 2);
    }
    return true;
  }

  long removedTime() {
    return removedTime;
  }

  int removedCache() {
    return removedCache;
  }

  void forEach(Visitor visitor) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        visitor.visit(keys[i], times[i], caches[i]);
      }
    }
  }

  /** Fills the hole at {@code hole} with later entries of its run whose home allows it. */
  private void shiftBack(int hole, int mask) {
    int slot = hole;
    while (true) {
      slot = (slot + 1) & mask;
      long key = keys[slot];
      if (key == 0) {
        break;
      }
      int home = home(key, mask);
      boolean movable = ((slot - home) & mask) >= ((slot - hole) & mask);
      if (movable) {
        keys[hole] = key;
        times[hole] = times[slot];
        caches[hole] = caches[slot];
        hole = slot;
      }
    }
    keys[hole] = 0;
  }

  private void resize(int capacity) {
    long[] oldKeys = keys;
    long[] oldTimes = times;
    int[] oldCaches = caches;
    keys = new long[capacity];
    times = new long[capacity];
    caches = new int[capacity];
    int mask = capacity - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = home(oldKeys[i], mask);
        while (keys[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        times[slot] = oldTimes[i];
        caches[slot] = oldCaches[i];
      }
    }
  }

  private static int home(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32) & mask;
  }
}
