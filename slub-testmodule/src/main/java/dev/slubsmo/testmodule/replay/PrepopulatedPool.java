package dev.slubsmo.testmodule.replay;

import java.util.Arrays;

/**
 * The objects of one cache allocated from the before-snapshot, on one machine, numbered so that
 * every machine frees the same-numbered object when the trace frees an object it never allocated.
 *
 * <p>Algorithm: a dense array of model addresses with swap-with-last removal, plus a {@link
 * PointerMap} from address to slot so a migrate can repoint an object in O(1). Invariants: slots
 * {@code [0, size)} hold the live pool, each address at most once; an object reclaimed by SMO keeps
 * its slot with address 0, so slot numbers stay the same on every machine.
 */
final class PrepopulatedPool {
  private long[] slots = new long[16];
  private int size;
  private final PointerMap slotOf = new PointerMap();

  int size() {
    return size;
  }

  void add(long addr) {
    if (size == slots.length) {
      slots = Arrays.copyOf(slots, size * 2);
    }
    slotOf.put(addr, size);
    slots[size++] = addr;
  }

  /** Takes slot {@code slot} out of the pool; returns its address, 0 if SMO reclaimed it. */
  long removeAt(long slot) {
    int i = Math.toIntExact(slot);
    long addr = slots[i];
    long last = slots[--size];
    slots[i] = last;
    slots[size] = 0;
    if (addr != 0) {
      slotOf.remove(addr);
    }
    if (i != size && last != 0) {
      slotOf.put(last, i);
    }
    return addr;
  }

  /** A migrate moved pool object {@code from} to {@code to}. */
  void moved(long from, long to) {
    int i = (int) slotOf.remove(from);
    slots[i] = to;
    slotOf.put(to, i);
  }

  /** SMO freed pool object {@code addr} instead of moving it. */
  void reclaimed(long addr) {
    slots[(int) slotOf.remove(addr)] = 0;
  }

  /** Visits every address still in the pool. */
  void forEach(java.util.function.LongConsumer visitor) {
    for (int i = 0; i < size; i++) {
      if (slots[i] != 0) {
        visitor.accept(slots[i]);
      }
    }
  }
}
