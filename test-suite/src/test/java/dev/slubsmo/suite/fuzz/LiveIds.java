package dev.slubsmo.suite.fuzz;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** The model's set of live {@code smo_test} ids (strict mode numbers them from 0). */
final class LiveIds {
  private final BitSet bits = new BitSet();
  private int count;

  int size() {
    return count;
  }

  boolean isEmpty() {
    return count == 0;
  }

  boolean contains(long id) {
    return id >= 0 && id <= Integer.MAX_VALUE && bits.get((int) id);
  }

  void add(long id) {
    if (!contains(id)) {
      bits.set(Math.toIntExact(id));
      count++;
    }
  }

  void remove(long id) {
    if (contains(id)) {
      bits.clear((int) id);
      count--;
    }
  }

  void clear() {
    bits.clear();
    count = 0;
  }

  List<Long> toList() {
    List<Long> out = new ArrayList<>(count);
    for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
      out.add((long) i);
    }
    return out;
  }
}
