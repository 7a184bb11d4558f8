package dev.slubsmo.testmodule.replay;

/**
 * A map from {@code long} to {@code long} over two primitive arrays, for the replay's pointer
 * tables (trace pointer to model object, model object to pool slot, trace pointer to cache and
 * allocation time).
 *
 * <p>Why not {@code HashMap<Long, Long>}: a replay does one to three lookups per trace event, a
 * million events a second, with up to a few hundred thousand live entries per table. A boxed map
 * allocates a {@code Long} key, a {@code Long} value and a node per entry (about 80 bytes, three
 * objects) and chases three pointers per lookup; these two arrays hold an entry in 16 bytes and
 * find it in one or two adjacent cache lines, with no garbage for the collector.
 *
 * <p>Algorithm: open addressing with linear probing and backward-shift deletion, so no tombstones
 * build up. Key 0 marks an empty slot and may not be stored (the null pointer is never live).
 * Invariants: the table is at most half full, so every probe ends at an empty slot; every key sits
 * in the run of occupied slots that starts at its home slot; the capacity is a power of two and
 * never shrinks below {@value #MIN_CAPACITY}.
 */
final class PointerMap {
  /** What {@link #get} and {@link #remove} answer for a key that is not there; never a value. */
  static final long ABSENT = Long.MIN_VALUE;

  private static final int MIN_CAPACITY = 1 << 10;

  /** Receives one entry. */
  interface Visitor {
    void visit(long key, long value);
  }

  private long[] keys = new long[MIN_CAPACITY];
  private long[] values = new long[MIN_CAPACITY];
  private int size;

  int size() {
    return size;
  }

  /** The value of {@code key}, or {@link #ABSENT}. */
  long get(long key) {
    int mask = keys.length - 1;
    for (int slot = home(key, mask); ; slot = (slot + 1) & mask) {
      long k = keys[slot];
      if (k == key) {
        return values[slot];
      }
      if (k == 0) {
        return ABSENT;
      }
    }
  }

  /**
   * Maps {@code key} to {@code value}.
   *
   * @return the value it replaced, or {@link #ABSENT}
   * @throws IllegalArgumentException for key 0 or value {@link #ABSENT}
   */
  long put(long key, long value) {
    if (key == 0 || value == ABSENT) {
      throw new IllegalArgumentException("PointerMap cannot hold key 0 or the ABSENT value");
    }
    int mask = keys.length - 1;
    int slot = home(key, mask);
    while (keys[slot] != 0 && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    long previous = ABSENT;
    if (keys[slot] == key) {
      previous = values[slot];
    } else {
      keys[slot] = key;
      size++;
    }
    values[slot] = value;
    if (size * 2 > keys.length) {
      resize(keys.length * 2);
    }
    return previous;
  }

  /** Removes {@code key} and returns its value, or {@link #ABSENT} if it was not there. */
  long remove(long key) {
    int mask = keys.length - 1;
    int slot = home(key, mask);
    while (keys[slot] != key) {
      if (keys[slot] == 0) {
        return ABSENT;
      }
      slot = (slot + 1) & mask;
    }
    long value = values[slot];
    shiftBack(slot, mask);
    size--;
    if (size * 8 < keys.length && keys.length > MIN_CAPACITY) {
      resize(keys.length / 2);
    }
    return value;
  }

  /** Visits every entry, in no particular order; the visitor must not change the map. */
  void forEach(Visitor visitor) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        visitor.visit(keys[i], values[i]);
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
      if (((slot - home) & mask) >= ((slot - hole) & mask)) {
        keys[hole] = key;
        values[hole] = values[slot];
        hole = slot;
      }
    }
    keys[hole] = 0;
  }

  private void resize(int capacity) {
    long[] oldKeys = keys;
    long[] oldValues = values;
    keys = new long[capacity];
    values = new long[capacity];
    int mask = capacity - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = home(oldKeys[i], mask);
        while (keys[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  private static int home(long key, int mask) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
  }
}
